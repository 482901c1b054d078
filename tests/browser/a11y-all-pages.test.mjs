// axe-core on every page of the site at phone width (375 px), where wide
// tables scroll and other layout-dependent rules (scrollable regions,
// reflow, target size) apply. Pair pages share one template: those with
// their own Markdown notes are checked, plus the two of PAGES. The same runs
// on the Polish example (examples/odwrocony-mentoring), whose every page must
// also say it is in Polish: a screen reader reads an English-tagged Polish
// page with English pronunciation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  PAGES, SITE_DIR, BASE_URL, PL_SITE, allPages, sharedBrowser, open, axe, axeReport,
} from './lib.mjs';

const shared = sharedBrowser();

function worthChecking(dir, p) {
  // A redirect page (an alias) leaves at once: its destination is checked.
  const file = p === '' || p.endsWith('/') ? path.join(dir, p, 'index.html') : path.join(dir, p);
  if (fs.readFileSync(file, 'utf8').includes('http-equiv="refresh"')) return false;
  if (!p.startsWith('pairs/') || (dir === SITE_DIR && PAGES.some((k) => k.path === p))) return true;
  const html = fs.readFileSync(path.join(dir, p, 'index.html'), 'utf8');
  return html.includes('<div class="content">');
}

async function checkEveryPage({ dir, base, min, lang }) {
  const pages = allPages(dir).filter((p) => worthChecking(dir, p));
  assert.ok(pages.length >= min, `only ${pages.length} pages found`);
  const context = await shared.browser.newContext({ viewport: { width: 375, height: 800 } });
  const failures = [];
  try {
    for (const p of pages) {
      const page = await open(context, p, { base });
      const results = await axe(page);
      if (results.violations.length) failures.push(`/${p}:\n${axeReport(results)}`);
      if (page.problems.length) failures.push(`/${p}: ${page.problems.join('; ')}`);
      const said = await page.evaluate(() => document.documentElement.lang);
      if (lang && said !== lang) failures.push(`/${p}: lang="${said}", not "${lang}"`);
      await page.close();
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(failures, [], `axe violations at 375 px:\n${failures.join('\n\n')}`);
}

test('axe: every page of the site at 375 px (phone), light mode', async () => {
  await checkEveryPage({ dir: SITE_DIR, base: BASE_URL, min: 25, lang: 'en' });
});

test('axe: every page of the Polish example at 375 px, each with lang="pl"', { skip: !PL_SITE && 'run.sh builds the Polish example' }, async () => {
  await checkEveryPage({ dir: PL_SITE.dir, base: PL_SITE.base, min: 20, lang: 'pl' });
});
