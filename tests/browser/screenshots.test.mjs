// Screenshots of the home page, a pair page, the dashboard and the goals on
// a laptop and a phone (390 px), light and dark, and the whole playbook
// (print/) and a session template as printed (a print-media screenshot and
// the PDF Chromium prints), into tests/browser/screenshots/ (ignored by
// git) for a person to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HERE, launch, open, withContext } from './lib.mjs';

const OUT = path.join(HERE, 'screenshots');
const SHOTS = [
  { name: 'home', path: '' },
  { name: 'pair', path: 'pairs/ethan-and-graham/' },
  { name: 'dashboard', path: 'progress/' },
  { name: 'goals', path: 'goals/' },
];
const SIZES = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

let browser;
before(async () => {
  browser = await launch();
  fs.mkdirSync(OUT, { recursive: true });
});
after(async () => {
  await browser?.close();
});

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshots at ${size.width}x${size.height}, ${colorScheme}`, async () => {
      await withContext(browser, { viewport: size, colorScheme, deviceScaleFactor: 1 }, async (context) => {
        for (const shot of SHOTS) {
          const page = await open(context, shot.path);
          const suffix = colorScheme === 'light' ? '' : '-dark';
          const file = path.join(OUT, `${shot.name}-${size.width}x${size.height}${suffix}.png`);
          await page.screenshot({ path: file });
          await page.screenshot({ path: file.replace(/\.png$/, '-full.png'), fullPage: true });
          assert.ok(fs.statSync(file).size > 5000, `${file} is suspiciously small`);
          await page.close();
        }
      });
    });
  }
}

test('print: the whole playbook and a session template, as printed', async () => {
  await withContext(browser, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 }, async (context) => {
    for (const shot of [{ name: 'print', path: 'print/' }, { name: 'session', path: 'sessions/01-kickoff/' }]) {
      const page = await open(context, shot.path);
      await page.emulateMedia({ media: 'print' });
      const file = path.join(OUT, `${shot.name}-printed.pdf`);
      await page.pdf({ path: file, preferCSSPageSize: true });
      assert.ok(fs.statSync(file).size > 5000, `${file} is suspiciously small`);
      // The printed layout at A4's printable width (178 mm), on one long sheet.
      await page.setViewportSize({ width: 673, height: 960 });
      await page.screenshot({ path: path.join(OUT, `${shot.name}-printed-full.png`), fullPage: true });
      await page.close();
    }
  });
});
