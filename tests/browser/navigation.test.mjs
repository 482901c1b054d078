// Sidebar links, breadcrumbs and prev/next lead where they say: following
// one lands on a page whose h1 is the link's text ("1. Define the goals"
// in navigation names the step "Define the goals").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGES, SITE_DIR, sharedBrowser, open, url, withoutStepNumber, sameDestination } from './lib.mjs';

const shared = sharedBrowser({});

const HOME_TITLE_LINKS = new Set(['Home']); // names the home page, whatever its title

async function links(page, selector) {
  return page.locator(selector).evaluateAll((as) =>
    as.map((a) => ({
      // The pager's "Previous"/"Next" labels are not part of the title.
      text: [...a.childNodes]
        .filter((n) => !(n.nodeType === 1 && n.matches('span')))
        .map((n) => n.textContent)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
      href: a.href,
    })),
  );
}

// The h1 at an address, read in one reused tab; each address once.
const h1s = new Map();
let probe;
async function h1At(href) {
  const key = new URL(href);
  key.hash = '';
  if (!h1s.has(key.href)) {
    probe ??= await shared.context.newPage();
    const response = await probe.goto(key.href);
    assert.ok(response?.ok(), `${href} answered ${response?.status()}`);
    h1s.set(key.href, (await probe.locator('main h1').innerText()).replace(/\s+/g, ' ').trim());
  }
  return h1s.get(key.href);
}

async function assertLeadsWhereItSays(link, from) {
  if (HOME_TITLE_LINKS.has(link.text)) {
    assert.ok(sameDestination(link.href, url('')), `"${link.text}" on ${from} goes to ${link.href}, not home`);
    return;
  }
  assert.equal(await h1At(link.href), withoutStepNumber(link.text), `"${link.text}" on ${from} → ${link.href}`);
}

test('every sidebar link, on the home page and inside a section, leads to its page', async () => {
  for (const from of ['', 'launch/04-pair-people/', 'pairs/ethan-and-graham/']) {
    const page = await open(shared.context, from);
    const sidebar = await links(page, '#sidebar a[href]');
    await page.close();
    assert.ok(sidebar.length >= 6, `only ${sidebar.length} sidebar links on /${from}`);
    for (const link of sidebar) await assertLeadsWhereItSays(link, `/${from}`);
  }
});

test('clicking sidebar links, as a person would', async () => {
  const page = await open(shared.context, '');
  for (const name of ['Launch guide', '1. Define the goals', 'Session templates', 'Progress']) {
    await Promise.all([page.waitForNavigation(), page.locator('#sidebar').getByRole('link', { name, exact: true }).click()]);
    assert.equal(await page.locator('main h1').innerText(), withoutStepNumber(name));
    const current = await page.locator('#sidebar a[aria-current="page"]').allInnerTexts();
    assert.deepEqual(current, [name], 'the sidebar marks the page shown');
  }
  await page.close();
});

test('breadcrumbs lead to each enclosing page and end with the page itself', async () => {
  for (const from of ['launch/03-collect-sign-ups/', 'sessions/01-kickoff/', 'pairs/aisha-and-david/', 'about/faq/']) {
    const page = await open(shared.context, from);
    const crumbs = await links(page, '.breadcrumbs a[href]');
    const here = (await page.locator('.breadcrumbs [aria-current="page"]').innerText()).trim();
    const h1 = (await page.locator('main h1').innerText()).trim();
    await page.close();
    assert.ok(crumbs.length >= 2, `breadcrumbs on /${from}: ${JSON.stringify(crumbs)}`);
    assert.equal(crumbs[0].text, 'Home');
    assert.equal(here, h1, `the last breadcrumb on /${from} names the page`);
    for (const link of crumbs) await assertLeadsWhereItSays(link, `/${from}`);
  }
});

test('next, followed through the launch guide, visits every step in order, and previous leads back', async () => {
  const page = await shared.context.newPage();
  const walk = [];
  let at = url('launch/');
  for (let guard = 0; at && guard < 50; guard++) {
    await page.goto(at);
    const here = {
      href: page.url(),
      h1: (await page.locator('main h1').innerText()).trim(),
      prev: (await links(page, '.pager a[rel="prev"]'))[0],
      next: (await links(page, '.pager a[rel="next"]'))[0],
    };
    walk.push(here);
    at = here.next?.href;
  }
  await page.close();
  for (let i = 1; i < walk.length; i++) {
    const [from, to] = [walk[i - 1], walk[i]];
    assert.equal(to.h1, withoutStepNumber(from.next.text), `"Next: ${from.next.text}" on ${from.href}`);
    assert.ok(to.prev && sameDestination(to.prev.href, from.href), `"Previous" on ${to.href} does not lead back to ${from.href}`);
    assert.equal(withoutStepNumber(to.prev.text), from.h1, `"Previous: ${to.prev.text}" on ${to.href}`);
  }
  const steps = walk.slice(1).map((w) => walk[walk.indexOf(w) - 1].next.text);
  assert.equal(steps.length, 8, `steps visited: ${steps.join(' | ')}`);
  steps.forEach((text, i) => assert.match(text, new RegExp(`^${i + 1}\\. `), 'steps are numbered in order'));
});

// The pager's titles for pairs are written by src/render/pair.rs (the
// `link` closure in the pair page's prev/next): "Mentor Name and Mentee
// Name", while a pair with its own page shows that page's title as its h1.
test('prev/next between pairs of a roster lead to the pairs they name', async () => {
  const mismatches = [];
  for (const from of ['pairs/aisha-and-david/', 'pairs/maya-and-richard/', 'pairs/ethan-and-graham/']) {
    const page = await open(shared.context, from);
    const pager = await links(page, '.pager a[href]');
    await page.close();
    assert.ok(pager.length >= 1, `no prev/next on /${from}`);
    for (const link of pager) {
      const h1 = await h1At(link.href);
      if (h1 !== link.text) mismatches.push(`/${from}: link "${link.text}" → ${link.href} whose h1 is "${h1}"`);
    }
  }
  assert.deepEqual(
    mismatches,
    [],
    'pair prev/next links are titled from the people\'s names (src/render/pair.rs, pair page prev/next) ' +
      'but lead to pages titled otherwise; they should use the same title as the pair page\'s h1:\n  ' +
      mismatches.join('\n  '),
  );
});

// aria-current="page" tells a screen reader "this link is the page you are
// on". The sidebar HTML is written by src/render/nav.rs (Nav::sidebar_html).
test('the sidebar marks only a link to the page shown as aria-current="page"', async () => {
  const wrong = [];
  for (const { path } of PAGES) {
    const page = await open(shared.context, path);
    const marked = await page.locator('#sidebar a[aria-current="page"]').evaluateAll((as) => as.map((a) => a.href));
    await page.close();
    for (const href of marked) {
      if (!sameDestination(href, url(path))) wrong.push(`/${path} marks ${href}`);
    }
  }
  assert.deepEqual(
    wrong,
    [],
    'sidebar links to another page carry aria-current="page" (from src/render/nav.rs ' +
      'Nav::sidebar_html, called with the roster URL for pair pages in src/render/pair.rs); ' +
      'a pair page should mark its roster with aria-current="true" (or not at all):\n  ' +
      wrong.join('\n  '),
  );
});

// `aliases: [launch/matching/]` on the step: its old address is a redirect
// page (src/render/redirect.rs) that must land on the step both over HTTP
// and opened from disk, where a folder link would show a listing.
test('an old address (an alias) lands on the renamed page, over HTTP and from disk', async () => {
  const page = await shared.context.newPage();
  const old = [url('launch/matching/'), pathToFileURL(nodePath.join(SITE_DIR, 'launch/matching/index.html')).href];
  for (const from of old) {
    await page.goto(from);
    await page.waitForURL(/\/launch\/04-pair-people\/(index\.html)?$/);
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Pair people', `from ${from}`);
  }
  await page.close();
});
