// Shared helpers for the browser tests: where the built site is, which
// pages to visit, and a Chromium (Debian's, never a downloaded one).
//
// run.sh sets MENTORBOOK_SITE_DIR (the built site) and MENTORBOOK_BASE_URL
// (where a static server serves it, ending in "/").

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const HERE = path.dirname(fileURLToPath(import.meta.url));

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with tests/browser/run.sh`);
  }
  return value;
}

export const SITE_DIR = required('MENTORBOOK_SITE_DIR');
export const BASE_URL = required('MENTORBOOK_BASE_URL').replace(/\/?$/, '/');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// One page of every kind the generator writes.
export const PAGES = [
  { name: 'home', path: '' },
  { name: 'goals', path: 'goals/' },
  { name: 'step', path: 'launch/01-define-goals/' },
  { name: 'guide', path: 'launch/' },
  { name: 'session template', path: 'sessions/01-kickoff/' },
  { name: 'section', path: 'sessions/' },
  { name: 'roster', path: 'cohorts/2026-pilot/' },
  { name: 'pair', path: 'pairs/ethan-and-graham/' },
  { name: 'confidential pair', path: 'pairs/aisha-and-david/' },
  { name: 'progress', path: 'progress/' },
  { name: 'people', path: 'people/' },
  { name: 'person', path: 'people/richard-hale/' },
  { name: '404', path: '404.html' },
  { name: 'about page', path: 'about/what-is-reverse-mentoring/' },
];

// Every page of the built site, as paths relative to its root ("", "goals/",
// "404.html").
export function allPages(dir = SITE_DIR) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .map((p) => p.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

export function url(p = '', base = BASE_URL) {
  return new URL(p, base).href;
}

// The Polish example (examples/odwrocony-mentoring), built and served by
// run.sh beside the default playbook; null when run without it.
export const PL_SITE = process.env.MENTORBOOK_PL_SITE_DIR && process.env.MENTORBOOK_PL_BASE_URL
  ? {
    dir: process.env.MENTORBOOK_PL_SITE_DIR,
    base: process.env.MENTORBOOK_PL_BASE_URL.replace(/\/?$/, '/'),
  }
  : null;

// Chromium as root in a container, with nothing reaching the network:
// playwright gives every launch a fresh, empty user data dir.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (run.sh does)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// Opens a page and fails on any script error or failed same-site request,
// which a test would otherwise only see as a confusing timeout.
export async function open(context, p, { allow404 = false, base = BASE_URL } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (msg) => {
    // Failed loads are reported with their address by 'response' below.
    if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) {
      problems.push(`console error: ${msg.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !(allow404 && response.url() === url(p, base))) {
      problems.push(`${response.status()} for ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.problems = problems;
  const response = await page.goto(url(p, base), { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${url(p, base)}`);
  if (!response.ok() && !allow404) {
    throw new Error(`${url(p, base)} answered ${response.status()}`);
  }
  return page;
}

// The visible text of an element, whitespace collapsed.
export async function textOf(page, selector) {
  const text = await page.locator(selector).first().innerText();
  return text.replace(/\s+/g, ' ').trim();
}

// "1. Define the goals" (navigation) names the page titled "Define the goals".
export function withoutStepNumber(title) {
  return title.replace(/^\d+\.\s+/, '').trim();
}

export function sameDestination(a, b) {
  const strip = (u) => {
    const x = new URL(u);
    x.hash = '';
    return x.href.replace(/index\.html$/, '');
  };
  return strip(a) === strip(b);
}

// axe-core, injected from node_modules, with the WCAG 2.2 A and AA rules.
const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axe(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
}

export function axeReport(results) {
  return results.violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    ${n.target.join(' ')}\n      ${n.html}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}


// One Chromium for a test file, launched before its tests and closed after
// them; with `contextOptions`, also one browser context they share. Call at
// the top level of a test file; read `.browser` and `.context` in tests.
export function sharedBrowser(contextOptions) {
  const shared = { browser: null, context: null };
  before(async () => {
    shared.browser = await launch();
    if (contextOptions) shared.context = await shared.browser.newContext(contextOptions);
  });
  after(async () => {
    await shared.browser?.close();
  });
  return shared;
}

// Runs `fn` with a fresh browser context, closed afterwards even when `fn`
// fails.
export async function withContext(browser, options, fn) {
  const context = await browser.newContext(options);
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}
