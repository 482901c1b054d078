// Search on a large program opened from disk (file://, no server): the
// index is split, so a query loads its few shards and page rows, not the
// whole index, and still finds a page by its exact title.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { HERE, launch, withContext } from './lib.mjs';

const BIN = process.env.MENTORBOOK_BIN;
const PAIRS = 2000;

let browser;
let work;
let site;
before(async () => {
  assert.ok(BIN, 'MENTORBOOK_BIN is not set: run the browser tests with tests/browser/run.sh');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorbook-search-large-'));
  const source = path.join(work, 'source');
  site = path.join(work, 'site');
  const generator = path.join(HERE, '..', '..', 'examples', 'synthetic', 'generate.py');
  execFileSync('python3', [generator, '--pairs', String(PAIRS), '--out', source], { stdio: 'ignore' });
  execFileSync(BIN, ['build', source, '--out', site, '--as-of', '2026-11-24'], { stdio: 'ignore' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

function bytesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size, 0);
}

test(`from disk, a ${PAIRS}-pair program finds a pair by its title, loading a small part of the index`, async () => {
  // A pair well inside the list, so it is neither first nor in block 0.
  const pairs = fs.readdirSync(path.join(site, 'pairs')).sort();
  const target = pairs[Math.floor(pairs.length * 0.7)];
  const html = fs.readFileSync(path.join(site, 'pairs', target, 'index.html'), 'utf8');
  const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
  assert.ok(title, `no <h1> on pairs/${target}/`);

  await withContext(browser, {}, async (context) => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    const loaded = [];
    page.on('request', (request) => {
      const match = /\/search\/(.+\.js)$/.exec(request.url());
      if (match) loaded.push(match[1]);
    });
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    assert.deepEqual(loaded, [], 'nothing of the index loads before someone searches');

    await page.locator('#search-input').focus();
    await page.waitForFunction(() => document.querySelector('script[src$="search/index.js"]'));
    await page.locator('#search-input').fill(title);
    const first = page.locator('#search-results li a').first();
    await first.waitFor({ state: 'visible' });
    assert.equal(await first.locator('strong').innerText(), title, 'the exact title ranks first');

    const total = bytesUnder(path.join(site, 'search'));
    const fetched = [...new Set(loaded)].reduce((sum, f) => sum + fs.statSync(path.join(site, 'search', f)).size, 0);
    assert.ok(loaded.includes('index.js'), loaded.join(', '));
    assert.ok(loaded.some((f) => f.startsWith('w/')), `no word shard loaded: ${loaded.join(', ')}`);
    assert.ok(loaded.some((f) => f.startsWith('p/')), `no page rows loaded: ${loaded.join(', ')}`);
    assert.ok(
      fetched * 4 < total,
      `the query loaded ${fetched} of the index's ${total} bytes (${loaded.join(', ')})`,
    );

    await Promise.all([page.waitForURL((u) => u.href.endsWith(`/pairs/${target}/index.html`)), first.click()]);
    assert.equal(await page.locator('h1').innerText(), title);
    assert.deepEqual(problems, []);
  });
});

test(`from disk, a word misspelt in its first letters still finds pages, loading a small part of the index`, async () => {
  // A word of a pair's title, its 2nd and 3rd letters swapped: the typo is
  // inside the shard key, so the fallback must load the shards near it.
  const pairs = fs.readdirSync(path.join(site, 'pairs')).sort();
  const html = fs.readFileSync(path.join(site, 'pairs', pairs[Math.floor(pairs.length / 3)], 'index.html'), 'utf8');
  const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
  const word = title.split(/[^A-Za-z]+/).filter((w) => w.length >= 5)[0]?.toLowerCase();
  assert.ok(word, `no long word in "${title}"`);
  const typo = word[0] + word[2] + word[1] + word.slice(3);

  await withContext(browser, {}, async (context) => {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const loaded = [];
    page.on('request', (request) => {
      const match = /\/search\/(.+\.js)$/.exec(request.url());
      if (match) loaded.push(match[1]);
    });
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    await page.locator('#search-input').fill(typo);
    const status = page.locator('#search-results .search-status');
    await page.waitForFunction(
      () => /Showing results for/.test(document.querySelector('#search-results .search-status')?.textContent ?? ''),
      null,
      { timeout: 10000 },
    );
    assert.match(await status.innerText(), new RegExp(`No results for “${typo}”\\. Showing results for “[a-z]+”`));
    assert.ok(await page.locator('#search-results li a').count() > 0);
    assert.ok(await page.locator('#search-results li a .search-kind').count() > 0, 'results show their kind');

    const total = bytesUnder(path.join(site, 'search'));
    const fetched = [...new Set(loaded)].reduce((sum, f) => sum + fs.statSync(path.join(site, 'search', f)).size, 0);
    assert.ok(
      fetched * 4 < total,
      `the query loaded ${fetched} of the index's ${total} bytes (${loaded.join(', ')})`,
    );
    console.log(`# "${typo}": loaded ${new Set(loaded).size} files, ${fetched} of ${total} bytes`);
    assert.deepEqual(problems, []);
  });
});
