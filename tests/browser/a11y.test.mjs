// axe-core finds no WCAG 2.2 AA violations on any kind of page, in light
// and dark mode, on a laptop and a phone, and with search results open.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, sharedBrowser, open, axe, axeReport as report, withContext } from './lib.mjs';

const shared = sharedBrowser();

function assertClean(results, where) {
  assert.equal(
    results.violations.length,
    0,
    `axe found ${results.violations.length} violation(s) on ${where}:\n${report(results)}`,
  );
}

for (const colorScheme of ['light', 'dark']) {
  for (const { name, path } of PAGES) {
    test(`axe: ${name} (/${path}) in ${colorScheme} mode`, async () => {
      await withContext(shared.browser, { colorScheme }, async (context) => {
        const page = await open(context, path);
        assertClean(await axe(page), `/${path} (${colorScheme})`);
        assert.deepEqual(page.problems, [], `errors while loading /${path}`);
      });
    });
  }
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: phone layout with the menu open, in ${colorScheme} mode`, async () => {
    await withContext(shared.browser, { colorScheme, viewport: { width: 375, height: 800 } }, async (context) => {
      for (const path of ['', 'progress/', 'pairs/ethan-and-graham/']) {
        const page = await open(context, path);
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.locator('#sidebar').waitFor({ state: 'visible' });
        assertClean(await axe(page), `/${path} at 375 px with the menu open (${colorScheme})`);
        await page.close();
      }
    });
  });

  test(`axe: search results open, in ${colorScheme} mode`, async () => {
    await withContext(shared.browser, { colorScheme }, async (context) => {
      const page = await open(context, 'goals/');
      await page.locator('#search-input').fill('mentor');
      await page.locator('#search-results li a').first().waitFor();
      assertClean(await axe(page), `/goals/ with search results for "mentor" (${colorScheme})`);
    });
  });
}
