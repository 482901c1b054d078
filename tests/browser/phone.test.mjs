// At 375 px wide no page scrolls sideways, and the menu button opens and
// closes the navigation drawer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, sharedBrowser, open } from './lib.mjs';

const PHONE = { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

const shared = sharedBrowser(PHONE);

// What sticks out past the right edge, to say where the overflow comes from.
function overflowReport() {
  const width = document.documentElement.clientWidth;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 0.5) {
      // Only the outermost offender of each subtree that is not clipped by
      // a scrolling ancestor.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') {
          clipped = true;
          break;
        }
      }
      if (!clipped && !culprits.some((c) => c.el.contains(el))) culprits.push({ el, right: Math.round(r.right) });
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    culprits: culprits.slice(0, 8).map(({ el, right }) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right edge ${right}px)`),
  };
}

for (const { name, path } of PAGES) {
  test(`375 px: ${name} (/${path}) does not scroll sideways`, async () => {
    const page = await open(shared.context, path);
    try {
      for (const state of ['closed', 'open']) {
        if (state === 'open') await page.getByRole('button', { name: 'Menu' }).click();
        const report = await page.evaluate(overflowReport);
        assert.ok(
          report.scrollWidth <= 375,
          `/${path} with the menu ${state} is ${report.scrollWidth} px wide; too wide: ${report.culprits.join(', ') || '(no single element)'}`,
        );
      }
    } finally {
      await page.close();
    }
  });
}

test('375 px: search results fit the screen', async () => {
  const page = await open(shared.context, 'progress/');
  try {
    await page.locator('#search-input').fill('mentor');
    const results = page.locator('#search-results');
    await results.locator('li a').first().waitFor();
    const box = await results.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 375, `results span ${box.x}..${box.x + box.width}`);
    const report = await page.evaluate(overflowReport);
    assert.ok(report.scrollWidth <= 375, `page is ${report.scrollWidth} px wide with results open: ${report.culprits.join(', ')}`);
  } finally {
    await page.close();
  }
});

test('375 px: the menu button shows and hides the navigation', async () => {
  const page = await open(shared.context, 'launch/02-secure-sponsorship/');
  try {
    const toggle = page.getByRole('button', { name: 'Menu' });
    const sidebar = page.locator('#sidebar');
    assert.ok(await toggle.isVisible(), 'a menu button on phones');
    assert.ok(await sidebar.isHidden(), 'the navigation starts closed');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');

    await toggle.tap();
    assert.ok(await sidebar.isVisible(), 'the menu button opens the navigation');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const current = sidebar.locator('a[aria-current="page"]');
    assert.equal(await current.innerText(), '2. Secure sponsorship');
    assert.ok(await current.isVisible());

    await page.keyboard.press('Escape');
    assert.ok(await sidebar.isHidden(), 'Escape closes it');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  } finally {
    await page.close();
  }
});

test('375 px: a Markdown table wider than the screen scrolls with the keyboard', async () => {
  const page = await open(shared.context, 'about/what-is-reverse-mentoring/');
  try {
    const wrap = page.locator('.content .table-wrap').first();
    const info = await wrap.evaluate((el) => ({
      scrolls: el.scrollWidth > el.clientWidth,
      tabindex: el.getAttribute('tabindex'),
      role: el.getAttribute('role'),
      name: el.getAttribute('aria-label') || document.getElementById(el.getAttribute('aria-labelledby') || '')?.textContent,
    }));
    assert.ok(info.scrolls, 'the comparison table is wider than 375 px (the premise of this test)');
    assert.equal(info.tabindex, '0', 'the scrolling table can be focused');
    assert.equal(info.role, 'region');
    assert.ok(info.name && info.name.trim(), 'the region has a name');
    await wrap.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    await page.waitForFunction((el) => el.scrollLeft > 0, await wrap.elementHandle(), { timeout: 3000 });
  } finally {
    await page.close();
  }
});

test('wide screen: the same table does not scroll and is no tab stop', async () => {
  const wide = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await open(wide, 'about/what-is-reverse-mentoring/');
    const wrap = page.locator('.content .table-wrap').first();
    assert.equal(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth), false);
    assert.equal(await wrap.getAttribute('tabindex'), null);
    // ...and becomes one when the window narrows.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForFunction(() => document.querySelector('.content .table-wrap')?.getAttribute('tabindex') === '0');
  } finally {
    await wide.close();
  }
});

test('375 px: tap targets in the header are at least 24 px high', async () => {
  const page = await open(shared.context, '');
  try {
    for (const selector of ['.nav-toggle', '#search-input', '.site-title']) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box.height >= 24, `${selector} is ${box.height} px high`);
    }
  } finally {
    await page.close();
  }
});
