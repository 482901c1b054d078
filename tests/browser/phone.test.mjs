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

// Every table keeps every column reachable and readable on a phone: the
// last column of each row is on screen, or inside the table's own box,
// which scrolls sideways (and can be focused, so keyboards reach it too)
// and shows that it does. Text in tables is at least 12 px.
const TABLE_PAGES = [
  'progress/',
  'goals/',
  'cohorts/2026-pilot/',
  'people/',
  'people/richard-hale/',
  'launch/',
  'sessions/01-kickoff/',
  'about/what-is-reverse-mentoring/',
];

// Runs in the page: for each table of the content, where its last column
// is, whether it is reachable, and any text smaller than 12 px.
function tableReport() {
  const width = document.documentElement.clientWidth;
  const inView = (r, box) => r.width > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
  const tables = [];
  for (const table of document.querySelectorAll('main table')) {
    const name = table.id || table.caption?.textContent.trim() || table.className;
    const scroller = table.closest('.table-wrap') || (getComputedStyle(table).overflowX === 'auto' ? table : null);
    const problems = [];
    const cells = [...table.rows]
      .filter((row) => row.parentElement.tagName !== 'THEAD' || row.getBoundingClientRect().height > 1)
      .map((row) => row.cells[row.cells.length - 1]);
    const screen = { left: 0, right: width };
    const outOfView = cells.filter((cell) => !inView(cell.getBoundingClientRect(), screen));
    let scrolled = false;
    if (outOfView.length) {
      // Not on screen: it must be reachable by scrolling the table's box.
      if (!scroller || scroller.scrollWidth <= scroller.clientWidth) {
        problems.push(`${outOfView.length} last-column cells off screen and the table does not scroll`);
      } else {
        if (scroller.getAttribute('tabindex') !== '0') problems.push('the scrolling table cannot be focused');
        // ...and shows that it does: its first column stays put, and a
        // shadow marks the edge that hides columns.
        if (!/gradient/.test(getComputedStyle(scroller).backgroundImage)) problems.push('no shadow on the scrolling edge');
        if (getComputedStyle(table.rows[table.rows.length - 1].cells[0]).position !== 'sticky') problems.push('the first column scrolls away');
        scroller.scrollLeft = scroller.scrollWidth;
        scrolled = true;
        const box = scroller.getBoundingClientRect();
        for (const cell of outOfView) {
          if (!inView(cell.getBoundingClientRect(), { left: Math.max(0, box.left), right: Math.min(width, box.right) })) {
            problems.push(`"${cell.textContent.trim().slice(0, 30)}" is not reachable`);
          }
        }
        scroller.scrollLeft = 0;
      }
    }
    for (const cell of table.querySelectorAll('td, th')) {
      for (const el of [cell, ...cell.querySelectorAll('*')]) {
        const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (ownText && el.getClientRects().length && size < 12) {
          problems.push(`"${el.textContent.trim().slice(0, 30)}" is ${size} px`);
        }
      }
    }
    tables.push({ name, scrolled, problems, fits: !scroller || scroller.scrollWidth <= scroller.clientWidth + 1 });
  }
  return tables;
}

for (const path of TABLE_PAGES) {
  test(`375 px: every column of every table on /${path} is reachable and readable`, async () => {
    const page = await open(shared.context, path);
    try {
      const tables = await page.evaluate(tableReport);
      assert.ok(tables.length, `no table on /${path}`);
      for (const t of tables) {
        assert.deepEqual(t.problems, [], `table ${t.name} on /${path}`);
      }
    } finally {
      await page.close();
    }
  });
}

// The tables of pairs, goals and steps read as cards: every column of a
// row on screen at once, nothing to scroll, with and without JavaScript.
for (const javaScriptEnabled of [true, false]) {
  test(`375 px: pairs, goals and steps are cards, every column on screen (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const context = await shared.browser.newContext({ ...PHONE, javaScriptEnabled });
    try {
      for (const [path, selector] of [['progress/', '#pairs'], ['goals/', '.goals-table'], ['cohorts/2026-pilot/', '#pairs'], ['launch/', '#checklist']]) {
        const page = await open(context, path);
        const report = await page.evaluate((selector) => {
          const table = document.querySelector(selector);
          const wrap = table.closest('.table-wrap');
          const row = table.tBodies[0].rows[0];
          const headers = [...table.tHead.rows[0].cells].map((th) => th.textContent.trim());
          // Each value is named by its column; the card's title (and a
          // step's number, written into it) needs no name.
          const unnamed = [...row.cells]
            .map((cell, i) => ({ cell, header: headers[i] }))
            .filter(({ cell }) => !cell.matches('.card-title, .card-number'))
            .filter(({ cell, header }) => cell.dataset.label !== header || getComputedStyle(cell, '::before').content === 'none')
            .map(({ header }) => header);
          return {
            fits: wrap.scrollWidth <= wrap.clientWidth + 1,
            offScreen: [...table.tBodies[0].querySelectorAll('td')]
              .filter((c) => getComputedStyle(c).display !== 'none')
              .filter((c) => { const r = c.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })
              .length,
            unnamed,
          };
        }, selector);
        assert.ok(report.fits, `${selector} on /${path} scrolls sideways`);
        assert.equal(report.offScreen, 0, `${selector} on /${path} has cells off screen`);
        assert.deepEqual(report.unnamed, [], `${selector} on /${path}: values without their column's name`);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
}

test('375 px: the pair cards sort from their header buttons', async () => {
  // A cohort's page: it lists all its pairs (the dashboard, only those
  // needing attention).
  const page = await open(shared.context, 'cohorts/2026-pilot/');
  try {
    const lastMet = page.locator('#pairs thead th').filter({ hasText: 'Last met' });
    const button = lastMet.getByRole('button');
    assert.ok(await button.isVisible(), 'the sort buttons show above the cards');
    const box = await button.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 375 && box.height >= 24, `the button is at ${JSON.stringify(box)}`);
    await button.click();
    assert.equal(await lastMet.getAttribute('aria-sort'), 'ascending');
    const dates = await page.$$eval('#pairs tbody tr', (rows) => rows.map((r) => r.cells[4].dataset.value).filter(Boolean));
    assert.deepEqual(dates, [...dates].sort());
  } finally {
    await page.close();
  }
});

test('375 px: the goals chart is legible', async () => {
  const page = await open(shared.context, 'goals/');
  try {
    const report = await page.evaluate(() => {
      const figure = document.querySelector('figure.chart');
      const box = figure.getBoundingClientRect();
      const small = [];
      const outside = [];
      const overlaps = [];
      for (const text of figure.querySelectorAll('text, .chart-title')) {
        // Rendered size: the font size times the SVG's own scaling, if any.
        const scale = text.getScreenCTM ? text.getScreenCTM().a : 1;
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (size < 12) small.push(`"${text.textContent}" ${size.toFixed(1)} px`);
        const r = text.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) outside.push(text.textContent);
      }
      for (const svg of figure.querySelectorAll('svg')) {
        const boxes = [...svg.querySelectorAll('text')].map((t) => [t.textContent, t.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, ra] = boxes[i];
            const [b, rb] = boxes[j];
            if (ra.left < rb.right && rb.left < ra.right && ra.top < rb.bottom && rb.top < ra.bottom) overlaps.push(`${a} / ${b}`);
          }
        }
      }
      return { count: figure.querySelectorAll('text').length, small, outside, overlaps };
    });
    assert.ok(report.count >= 10, `only ${report.count} labels in the chart`);
    assert.deepEqual(report.small, [], 'chart text smaller than 12 px');
    assert.deepEqual(report.outside, [], 'chart labels outside the chart');
    assert.deepEqual(report.overlaps, [], 'chart labels on top of each other');
  } finally {
    await page.close();
  }
});
