// Search and sorting on a Polish site (tests/fixtures/polish-search,
// `language: pl`), opened from disk: words typed without their Polish or
// German letters find the pages that have them, the box speaks Polish with
// the right plural forms, and the people table sorts Ł after L, Ś after S
// and Ż after Z.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HERE, sharedBrowser, withContext } from './lib.mjs';

const FIXTURE = path.join(HERE, '..', 'fixtures', 'polish-search');
let siteDir = '';

before(() => {
  const bin = process.env.MENTORBOOK_BIN;
  if (!bin) throw new Error('MENTORBOOK_BIN is not set: run the browser tests with tests/browser/run.sh');
  siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorbook-search-i18n-'));
  execFileSync(bin, ['build', FIXTURE, '--out', path.join(siteDir, 'site'), '--as-of', '2026-11-24'], {
    stdio: 'pipe',
  });
});

after(() => {
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
});

const shared = sharedBrowser();

async function openPage(context, p) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.problems = problems;
  const file = path.join(siteDir, 'site', p, 'index.html');
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

// Types `query` into an empty box and waits until the status line has
// stayed the same for a while (results are debounced and load scripts).
async function search(page, query) {
  const input = page.locator('#search-input');
  // The previous query's results go first, so they cannot pass for these.
  await input.fill('');
  await page.locator('#search-results').waitFor({ state: 'hidden' });
  await page.evaluate(() => {
    window.__lastResults = undefined;
  });
  await input.focus();
  await page.keyboard.type(query);
  await page.waitForFunction(
    () => {
      const box = document.querySelector('#search-results');
      const status = box.querySelector('.search-status');
      const now = box.hidden || !status ? '' : box.textContent;
      const w = window;
      if (w.__lastResults !== now) {
        w.__lastResults = now;
        w.__lastChange = performance.now();
        return false;
      }
      return now !== '' && !now.startsWith('Wczytywanie') && performance.now() - w.__lastChange > 400;
    },
    null,
    { polling: 50, timeout: 10000 },
  );
  const results = page.locator('#search-results');
  return {
    status: await results.locator('.search-status').innerText(),
    titles: await results.locator('li a strong').allInnerTexts(),
    marks: await results.locator('li a strong mark').allInnerTexts(),
    kinds: await results.locator('li a .search-kind').allInnerTexts(),
  };
}

test('"lodz" finds Łódź, "strasse" Straße, "mueller" and "muller" Müller, in Polish', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await openPage(context, '');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'pl');
    assert.equal(await page.locator('#search-input').getAttribute('placeholder'), 'Szukaj (naciśnij /)');

    const lodz = await search(page, 'lodz');
    assert.deepEqual(lodz.titles, ['Biura w Łódź i Monachium'], lodz.status);
    assert.deepEqual(lodz.marks, ['Łódź']);
    assert.equal(lodz.status, '1 wynik');
    assert.deepEqual(lodz.kinds, ['strona']);

    const strasse = await search(page, 'strasse');
    assert.deepEqual(strasse.titles, ['Biura w Łódź i Monachium'], strasse.status);

    for (const typed of ['mueller', 'muller']) {
      const found = await search(page, typed);
      assert.deepEqual(found.titles, ['Jürgen Müller'], `${typed}: ${found.status}`);
      assert.deepEqual(found.marks, ['Müller'], typed);
      assert.deepEqual(found.kinds, ['osoba'], typed);
    }
    assert.deepEqual(page.problems, []);
  });
});

test('result counts and "no results" are Polish, plural forms included', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await openPage(context, '');
    // "operacje": the team of three people; "z": five pages have a word
    // starting with it.
    assert.equal((await search(page, 'operacje')).status, '3 wyniki');
    assert.equal((await search(page, 'z')).status, '5 wyników');
    assert.equal((await search(page, 'qxqxqx')).status, 'Brak wyników dla „qxqxqx”');
    const typo = await search(page, 'monachiun');
    // Monachium: the offices page and Jürgen's role.
    assert.equal(typo.status, 'Brak wyników dla „monachiun”. Wyniki dla „monachium”: 2 wyniki');
    // 22 is "few" in Polish ("22 wyniki"), as the site's forms say
    // (static/search-messages.js, loaded before search.js).
    const forms = await page.evaluate(() => {
      const messages = window.mentorbookSearchMessages;
      const rules = new Intl.PluralRules('pl');
      return [1, 2, 5, 12, 22, 25].map((n) => messages.results[rules.select(n)].replace('{n}', n));
    });
    assert.deepEqual(forms, ['1 wynik', '2 wyniki', '5 wyników', '12 wyników', '22 wyniki', '25 wyników']);
    assert.deepEqual(page.problems, []);
  });
});

test('the people table sorts by the Polish alphabet', async () => {
  await withContext(shared.browser, {}, async (context) => {
    const page = await openPage(context, 'people');
    const names = () => page.locator('#people tbody tr').evaluateAll(
      (rows) => rows.map((row) => row.cells[0].textContent.trim()),
    );
    const polish = [
      'Jürgen Müller', 'Lucyna Lis', 'Łucja Łukasiewicz', 'Szymon Sowa',
      'Świętosław Śliwa', 'Zofia Zawada', 'Żaneta Żak',
    ];
    assert.deepEqual(await names(), polish, 'as built');
    const header = page.locator('#people thead th').first().locator('button');
    await header.click(); // ascending
    assert.deepEqual(await names(), polish, 'sorted ascending');
    await header.click(); // descending
    assert.deepEqual(await names(), [...polish].reverse(), 'sorted descending');
    assert.deepEqual(page.problems, []);
  });
});
