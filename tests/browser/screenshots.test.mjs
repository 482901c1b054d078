// Screenshots of the home page, a pair page and the dashboard on a laptop
// and a phone, light and dark, into tests/browser/screenshots/ (ignored by
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
];
const SIZES = [
  { width: 1280, height: 900 },
  { width: 375, height: 800 },
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
