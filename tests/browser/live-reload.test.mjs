// mentorbook serve: a page open in Chromium changes by itself when its
// Markdown source is saved, and shows the error overlay when a save breaks
// the build (issue: `mentorbook serve`: live preview with reload).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { launch, HERE } from './lib.mjs';

const REPO = path.resolve(HERE, '..', '..');
const BIN = process.env.MENTORBOOK_BIN || path.join(REPO, 'target', 'release', 'mentorbook');

function copySite(to) {
  for (const part of ['content', 'data', 'snippets', 'playbook.yaml']) {
    fs.cpSync(path.join(REPO, part), path.join(to, part), { recursive: true });
  }
}

function startServer(site) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['serve', site, '--port', '0', '--as-of', '2026-11-24'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/[^\s]+/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[0] });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

test('an edited page reloads by itself, a broken edit shows the overlay', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorbook-live-'));
  const site = path.join(work, 'site');
  copySite(site);
  const { child, base } = await startServer(site);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(new URL('sessions/01-kickoff/', base).href);
    const h1 = page.locator('main h1');
    const before = await h1.textContent();
    // The page must not be reloaded by the test: mark it, and expect the
    // mark to vanish only through the live reload.
    await page.evaluate(() => { window.__notReloaded = true; });

    const source = path.join(site, 'content', 'sessions', '01-kickoff.md');
    const original = fs.readFileSync(source, 'utf8');
    const started = Date.now();
    fs.writeFileSync(source, original.replace(/^title: .*$/m, 'title: Kickoff, edited live'));
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Kickoff, edited live', null, { timeout: 20000 });
    const elapsed = Date.now() - started;
    assert.notEqual(before, 'Kickoff, edited live');
    assert.equal(await page.evaluate(() => window.__notReloaded === true), false, 'the live reload replaced the page');
    console.log(`edit to visible in Chromium: ${elapsed} ms`);

    fs.writeFileSync(source, original.replace(/^title: .*$/m, 'title: [unclosed'));
    await page.waitForSelector('#mentorbook-overlay', { timeout: 20000 });
    const overlay = await page.locator('#mentorbook-overlay pre').textContent();
    assert.match(overlay, /content\/sessions\/01-kickoff\.md:\d+:\d+/);
    assert.equal(await h1.textContent(), 'Kickoff, edited live', 'the last good page stays');

    fs.writeFileSync(source, original);
    await page.waitForFunction(() => !document.querySelector('#mentorbook-overlay'), null, { timeout: 20000 });
    assert.equal(await h1.textContent(), before);
  } finally {
    await browser.close();
    child.kill();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
