// axe-core on every page of the site at phone width (375 px), where wide
// tables scroll and other layout-dependent rules (scrollable regions,
// reflow, target size) apply. Pair pages share one template: those with
// their own Markdown notes are checked, plus the two of PAGES.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PAGES, SITE_DIR, allPages, sharedBrowser, open, axe, axeReport } from './lib.mjs';

const shared = sharedBrowser();

function worthChecking(p) {
  // A redirect page (an alias) leaves at once: its destination is checked.
  const file = p === '' || p.endsWith('/') ? path.join(SITE_DIR, p, 'index.html') : path.join(SITE_DIR, p);
  if (fs.readFileSync(file, 'utf8').includes('http-equiv="refresh"')) return false;
  if (!p.startsWith('pairs/') || PAGES.some((k) => k.path === p)) return true;
  const html = fs.readFileSync(path.join(SITE_DIR, p, 'index.html'), 'utf8');
  return html.includes('<div class="content">');
}

test('axe: every page of the site at 375 px (phone), light mode', async () => {
  const pages = allPages().filter(worthChecking);
  assert.ok(pages.length >= 25, `only ${pages.length} pages found`);
  const context = await shared.browser.newContext({ viewport: { width: 375, height: 800 } });
  const failures = [];
  try {
    for (const p of pages) {
      const page = await open(context, p);
      const results = await axe(page);
      if (results.violations.length) failures.push(`/${p}:\n${axeReport(results)}`);
      if (page.problems.length) failures.push(`/${p}: ${page.problems.join('; ')}`);
      await page.close();
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(failures, [], `axe violations at 375 px:\n${failures.join('\n\n')}`);
});
