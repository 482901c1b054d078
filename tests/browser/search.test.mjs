// Search: "/" focuses the box, a word found only in the body of a session
// template finds that template, and Enter or a click opens it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SITE_DIR, sharedBrowser, open, withContext } from './lib.mjs';

// From the body of content/sessions/03-social-media.md ("…without spending
// hours scrolling"), not its title, description, headings or any other page.
const WORD = 'scrolling';
const TEMPLATE = 'sessions/03-social-media/';
const TITLE = 'Social media';

const shared = sharedBrowser();

function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

test(`"${WORD}" occurs in the body of ${TEMPLATE} only (the premise of the search tests)`, () => {
  // print/ repeats every page for printing and is not in the search index.
  const withWord = htmlFiles(SITE_DIR)
    .filter((f) => fs.readFileSync(f, 'utf8').toLowerCase().includes(WORD))
    .map((f) => path.relative(SITE_DIR, f))
    .filter((f) => f !== path.join('print', 'index.html'));
  assert.deepEqual(withWord, [path.join(TEMPLATE, 'index.html')]);
  const html = fs.readFileSync(path.join(SITE_DIR, TEMPLATE, 'index.html'), 'utf8');
  const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
  assert.equal(title, TITLE);
  assert.ok(!title.toLowerCase().includes(WORD));
});

async function searchFor(page, word) {
  await page.locator('body').click({ position: { x: 5, y: 300 } }); // no field focused
  await page.keyboard.press('/');
  assert.equal(
    await page.evaluate(() => document.activeElement?.id),
    'search-input',
    '"/" should move focus to the search box',
  );
  await page.keyboard.type(word);
  const results = page.locator('#search-results');
  await settled(page);
  await results.locator('li a').first().waitFor({ state: 'visible' });
  return results;
}

// Results are rendered a moment after the last keystroke (debounced): wait
// until the rendered list has stayed the same for a while.
async function settled(page) {
  await page.waitForFunction(
    () => {
      const box = document.querySelector('#search-results');
      const now = box.hidden ? '' : box.textContent;
      const w = window;
      if (w.__lastResults !== now) {
        w.__lastResults = now;
        w.__lastChange = performance.now();
        return false;
      }
      return now !== '' && !now.startsWith('Loading') && performance.now() - w.__lastChange > 400;
    },
    null,
    { polling: 50, timeout: 10000 },
  );
}

test(`typing "${WORD}" lists the template; Enter opens it`, async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, 'goals/');
    const results = await searchFor(page, WORD);
    const links = results.locator('li a');
    assert.equal(await links.count(), 1, `expected one result, got: ${await results.innerText()}`);
    assert.equal(await links.first().locator('strong').innerText(), TITLE);
    assert.match(await results.locator('.search-status').innerText(), /^1 result/);

    await Promise.all([page.waitForURL((u) => u.pathname.endsWith(`/${TEMPLATE}`)), page.keyboard.press('Enter')]);
    assert.ok(page.url().endsWith(`/${TEMPLATE}`), page.url());
    assert.equal(await page.locator('h1').innerText(), TITLE);
  });
});

test(`clicking the result for "${WORD}" opens the template (from a page two levels down)`, async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, 'pairs/aisha-and-david/');
    const results = await searchFor(page, WORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname.endsWith(`/${TEMPLATE}`)),
      results.locator('li a').first().click(),
    ]);
    assert.ok(page.url().endsWith(`/${TEMPLATE}`), page.url());
    assert.equal(await page.locator('h1').innerText(), TITLE);
    assert.deepEqual(page.problems, []);
  });
});

test('arrow keys move into the results and Escape closes them', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, '');
    const results = await searchFor(page, 'mentor');
    await page.keyboard.press('ArrowDown');
    const focusedHref = await page.evaluate(() => document.activeElement?.closest('#search-results') && document.activeElement.getAttribute('href'));
    assert.ok(focusedHref, 'ArrowDown focuses the first result');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', 'ArrowUp returns to the box');
    assert.ok(await results.isVisible(), 'the results stay open');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input', 'Escape returns to the box');
    await page.waitForTimeout(300); // longer than the search debounce
    assert.ok(await results.isHidden(), 'Escape hides the results, and they stay hidden');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#search-input').inputValue(), '', 'a second Escape clears the box');
  });
});

test('a word found nowhere says so', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, '');
    await page.keyboard.press('/');
    await page.keyboard.type('xylophonequartz');
    await settled(page);
    const status = page.locator('#search-results .search-status');
    await status.waitFor({ state: 'visible' });
    assert.match(await status.innerText(), /No results/);
    assert.equal(await page.locator('#search-results li').count(), 0);
  });
});

test(`a misspelt word ("scrollng") falls back to "${WORD}", says so and labels the result's kind`, async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, '');
    const results = await searchFor(page, 'scrollng');
    const status = await results.locator('.search-status').innerText();
    assert.match(status, new RegExp(`Showing results for “${WORD}”: 1 result`), status);
    const links = results.locator('li a');
    assert.equal(await links.count(), 1, await results.innerText());
    assert.equal(await links.first().locator('strong').innerText(), TITLE);
    assert.equal(await links.first().locator('.search-kind').innerText(), 'session template');
    assert.equal(await links.first().locator('.search-section').innerText(), 'Session templates');
    assert.deepEqual(page.problems, []);
  });
});

test('a transposed word ("mentro") finds what "mentor" finds, and every result shows its kind', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await open(context, '');
    const results = await searchFor(page, 'mentro');
    assert.match(await results.locator('.search-status').innerText(), /Showing results for “mentor”/);
    const links = results.locator('li a');
    const kinds = await links.locator('.search-kind').allInnerTexts();
    assert.equal(kinds.length, await links.count(), 'one kind label per result');
    for (const kind of kinds) {
      assert.ok(['page', 'goals', 'guide', 'step', 'session template', 'roster', 'pair', 'person'].includes(kind), kind);
    }
  });
});
