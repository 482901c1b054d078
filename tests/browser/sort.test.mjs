// The dashboard's pair table sorts by status and by last met from its
// header buttons, and says so with aria-sort; without JavaScript the same
// rows are in the HTML.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, open, withContext } from './lib.mjs';

const shared = sharedBrowser();

// Column positions are looked up by header text, not hard-coded.
async function readTable(page) {
  return page.evaluate(() => {
    const table = document.querySelector('#pairs');
    const headers = [...table.tHead.rows[0].cells].map((th) => ({
      text: th.textContent.replace(/\s+/g, ' ').trim(),
      sort: th.getAttribute('aria-sort'),
      button: !!th.querySelector('button'),
    }));
    const col = (name) => headers.findIndex((h) => h.text === name);
    const rows = [...table.tBodies[0].rows].map((tr) => ({
      pair: tr.cells[col('Pair')].textContent.trim(),
      status: tr.getAttribute('data-status'),
      rank: Number(tr.cells[col('Status')].getAttribute('data-value')),
      lastMet: tr.cells[col('Last met')].getAttribute('data-value') || '',
    }));
    return { headers, rows };
  });
}

function sortOf(table, name) {
  const header = table.headers.find((h) => h.text === name);
  assert.ok(header, `no "${name}" column in #pairs: ${table.headers.map((h) => h.text).join(', ')}`);
  return header.sort;
}

function assertOrdered(values, direction, what) {
  for (let i = 1; i < values.length; i++) {
    const ok = direction === 'ascending' ? values[i - 1] <= values[i] : values[i - 1] >= values[i];
    assert.ok(ok, `${what} not ${direction} at row ${i + 1}: ${JSON.stringify(values)}`);
  }
}

async function clickHeader(page, name) {
  await page.locator('#pairs thead th').filter({ hasText: name }).getByRole('button').click();
}

test('#pairs sorts by status, both ways, and aria-sort follows', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, 'cohorts/2026-pilot/');
    const initial = await readTable(page);
    assert.ok(initial.rows.length >= 5, `too few pairs to test sorting: ${initial.rows.length}`);
    assert.ok(initial.headers.every((h) => h.button), 'every header is a sort button');
    assert.equal(sortOf(initial, 'Status'), 'ascending', 'the page loads sorted by status (attention first)');
    assertOrdered(initial.rows.map((r) => r.rank), 'ascending', 'status rank on load');
    assert.equal(initial.rows[0].status, 'stalled', 'stalled pairs come first');

    await clickHeader(page, 'Status');
    const descending = await readTable(page);
    assert.equal(sortOf(descending, 'Status'), 'descending');
    assertOrdered(descending.rows.map((r) => r.rank), 'descending', 'status rank');
    assert.notDeepEqual(descending.rows.map((r) => r.pair), initial.rows.map((r) => r.pair), 'the order changed');
    assert.notEqual(descending.rows[0].status, 'stalled');
    assert.equal(descending.rows.at(-1).status, 'stalled', 'stalled pairs go last');

    await clickHeader(page, 'Status');
    const ascending = await readTable(page);
    assert.equal(sortOf(ascending, 'Status'), 'ascending');
    assertOrdered(ascending.rows.map((r) => r.rank), 'ascending', 'status rank');
    assert.equal(ascending.rows[0].status, 'stalled');
    // Ties keep the page's order (stalled, then at risk, each by last met).
    assert.deepEqual(ascending.rows.map((r) => r.pair), initial.rows.map((r) => r.pair), 'a stable sort');
  });
});

test('#pairs sorts by last met, both ways, and aria-sort moves to that column', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, 'cohorts/2026-pilot/');
    const initial = await readTable(page);
    assert.equal(sortOf(initial, 'Last met'), 'none');

    await clickHeader(page, 'Last met');
    const ascending = await readTable(page);
    assert.equal(sortOf(ascending, 'Last met'), 'ascending');
    assert.equal(sortOf(ascending, 'Status'), 'none', 'only one column is sorted');
    const metAsc = ascending.rows.filter((r) => r.lastMet).map((r) => r.lastMet);
    assertOrdered(metAsc, 'ascending', 'last met');
    assert.deepEqual(
      ascending.rows.map((r) => r.lastMet).slice(metAsc.length),
      Array(ascending.rows.length - metAsc.length).fill(''),
      'pairs that never met come last',
    );
    assert.notDeepEqual(ascending.rows.map((r) => r.pair), initial.rows.map((r) => r.pair), 'the order changed');

    await clickHeader(page, 'Last met');
    const descending = await readTable(page);
    assert.equal(sortOf(descending, 'Last met'), 'descending');
    const metDesc = descending.rows.filter((r) => r.lastMet).map((r) => r.lastMet);
    assertOrdered(metDesc, 'descending', 'last met');
    assert.equal(descending.rows.at(-1).lastMet === '' || metDesc.length === descending.rows.length, true);
    assert.deepEqual(metDesc, [...metAsc].reverse());
  });
});

test('the sort buttons work from the keyboard', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, 'cohorts/2026-pilot/');
    await page.locator('#pairs thead th').filter({ hasText: 'Last met' }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    assert.equal(sortOf(await readTable(page), 'Last met'), 'ascending');
    await page.keyboard.press('Space');
    assert.equal(sortOf(await readTable(page), 'Last met'), 'descending');
  });
});

test('without JavaScript the full table is in the HTML, in the same order', async () => {
  const withJs = await shared.browser.newContext();
  const withoutJs = await shared.browser.newContext({ javaScriptEnabled: false });
  try {
    const scripted = await readTable(await open(withJs, 'cohorts/2026-pilot/'));
    const page = await open(withoutJs, 'cohorts/2026-pilot/');
    const plain = await page.evaluate(() => {
      const table = document.querySelector('#pairs');
      return {
        buttons: table.querySelectorAll('button').length,
        rows: [...table.tBodies[0].rows].map((tr) => tr.cells[0].textContent.trim()),
        links: table.querySelectorAll('tbody a[href]').length,
      };
    });
    assert.equal(plain.buttons, 0, 'no sort buttons without scripts');
    assert.deepEqual(plain.rows, scripted.rows.map((r) => r.pair));
    assert.equal(plain.links, plain.rows.length, 'every pair links to its page');
    assert.ok(await page.locator('#pairs').isVisible());
    assert.ok(await page.locator('.search').isHidden(), 'the search box, which needs scripts, is hidden');
  } finally {
    await withJs.close();
    await withoutJs.close();
  }
});
