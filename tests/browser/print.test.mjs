// Printed, a page is its content: no sidebar, header search or pager.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, open } from './lib.mjs';

const shared = sharedBrowser({});

const HIDDEN_IN_PRINT = ['#sidebar', '.site-header .search', '#search-input', '.pager', '.nav-toggle', '.skip-link'];

async function display(page, selector) {
  return page.locator(selector).first().evaluate((el) => {
    // Hidden if it or an ancestor is display: none.
    for (let e = el; e; e = e.parentElement) {
      if (getComputedStyle(e).display === 'none') return e === el ? 'none' : `none (via ${e.tagName.toLowerCase()}.${e.className})`;
    }
    return getComputedStyle(el).display;
  });
}

for (const path of ['launch/03-collect-sign-ups/', 'pairs/ethan-and-graham/', 'progress/']) {
  test(`print: /${path} hides the sidebar, header search and pager, and keeps the content`, async () => {
    const page = await open(shared.context, path);
    try {
      const onScreen = ['#sidebar', '.site-header .search', ...(path === 'progress/' ? [] : ['.pager'])];
      for (const selector of onScreen) {
        assert.ok(await page.locator(selector).count(), `${selector} is missing from /${path}`);
        assert.notEqual(await display(page, selector), 'none', `${selector} is shown on screen`);
      }
      await page.emulateMedia({ media: 'print' });
      for (const selector of HIDDEN_IN_PRINT) {
        if (!(await page.locator(selector).count())) continue;
        const value = await display(page, selector);
        assert.match(value, /^none/, `${selector} prints (display: ${value}) on /${path}`);
      }
      for (const selector of ['main h1', '.page-header', 'article', '.site-footer']) {
        assert.ok(await page.locator(selector).first().isVisible(), `${selector} is not printed on /${path}`);
      }
      const main = await page.locator('main').boundingBox();
      assert.ok(main.x < 40, `the content starts at x=${main.x}: the sidebar's column is still reserved`);
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 1000, 'the page prints to PDF');
    } finally {
      await page.close();
    }
  });
}
