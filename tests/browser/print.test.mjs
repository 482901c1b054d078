// Printed, a page is its content: no sidebar, header search or pager; a
// short session template on one A4 page; the whole playbook (print/) with
// its contents and a new sheet per chapter.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { HERE, sharedBrowser, open } from './lib.mjs';

const BIN = process.env.MENTORBOOK_BIN;

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

// What a PDF printer makes of a page: Chromium's own print to PDF (the
// DevTools protocol's Page.printToPDF, A4 from the stylesheet's @page),
// and how many pages it has.
async function printedPages(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { data } = await cdp.send('Page.printToPDF', { preferCSSPageSize: true });
    const pdf = Buffer.from(data, 'base64');
    return { pdf, pages: (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length };
  } finally {
    await cdp.detach();
  }
}

// A short session template (tests/fixtures/print-one-page: two pairs use
// it, its playbook has an edit address) built by the binary under test and
// read from disk.
let onePage;
before(() => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mentorbook-one-page-'));
  execFileSync(BIN, ['build', path.join(HERE, '../fixtures/print-one-page'), '--out', path.join(out, 'site'), '--as-of', '2026-03-01'], { stdio: 'pipe' });
  onePage = { out, url: pathToFileURL(path.join(out, 'site/sessions/01-check-in/index.html')).href };
});
after(() => {
  if (onePage) fs.rmSync(onePage.out, { recursive: true, force: true });
});

test('print: a session template that fits on one A4 page prints on one, in reading order, without screen furniture', async () => {
  const page = await shared.context.newPage();
  try {
    await page.goto(onePage.url);
    // On screen: the edit link and how many pairs use it.
    assert.match(await page.locator('.used-by').innerText(), /2 pairs/);
    assert.ok(await page.locator('.edit-link a[href^="https://git.example.org/"]').isVisible());
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('main').innerText();
    for (const absent of ['Used by', 'Edit this page', 'git.example.org', 'Home']) {
      assert.ok(!printed.includes(absent), `"${absent}" is printed`);
    }
    // The purpose reads before the agenda, the preparation and the prompts.
    const order = await page.evaluate(() =>
      ['#purpose', '#agenda', '#prepare', '#prompts'].map((s) => document.querySelector(s).getBoundingClientRect().top));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `reading order: ${order}`);
    const { pages } = await printedPages(page);
    assert.equal(pages, 1, 'the one-page template prints on one A4 page');
  } finally {
    await page.close();
  }
});

test('print: the kickoff template of the default playbook prints on two pages at most', async () => {
  const page = await open(shared.context, 'sessions/01-kickoff/');
  try {
    const { pages } = await printedPages(page);
    assert.ok(pages <= 2, `${pages} pages`);
  } finally {
    await page.close();
  }
});

test('print: the whole playbook, linked from the home page, prints its contents and a new sheet per chapter', async () => {
  const home = await open(shared.context, '');
  const link = home.getByRole('link', { name: 'Print the whole playbook' });
  assert.ok(await link.isVisible(), 'the home page links to the print page');
  await link.click();
  await home.waitForURL(/\/print\/$/);
  await home.close();
  const page = await open(shared.context, 'print/');
  try {
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['#sidebar', '.site-header', '.print-hint', '.breadcrumbs']) {
      if (await page.locator(selector).count()) assert.match(await display(page, selector), /^none/, `${selector} prints`);
    }
    const report = await page.evaluate(() => {
      const chapters = [...document.querySelectorAll('.print-chapter')];
      const contents = [...document.querySelectorAll('.print-contents a')].map((a) => a.getAttribute('href'));
      return {
        contentsShown: getComputedStyle(document.querySelector('.print-contents')).display !== 'none',
        contents,
        ids: chapters.map((c) => '#' + c.getAttribute('aria-labelledby')),
        sheets: chapters.filter((c) => getComputedStyle(c).breakBefore === 'page').length,
        newSheet: chapters.filter((c) => c.classList.contains('new-sheet')).length,
        kinds: [...new Set(chapters.map((c) => [...c.classList].find((k) => /^print-(page|guide|step|session|goals)$/.test(k))))],
      };
    });
    assert.ok(report.contentsShown, 'the contents print');
    assert.deepEqual(report.contents, report.ids, 'the contents list every chapter, in order');
    assert.ok(report.ids.length >= 25, `${report.ids.length} chapters`);
    assert.equal(report.sheets, report.newSheet, 'each new-sheet chapter breaks the page');
    assert.ok(report.sheets >= 5, `${report.sheets} chapters start a new sheet`);
    for (const kind of ['print-page', 'print-guide', 'print-step', 'print-session', 'print-goals']) {
      assert.ok(report.kinds.includes(kind), `no ${kind} chapter: ${report.kinds}`);
    }
    const { pages } = await printedPages(page);
    // The cover and contents, then at least a page per new sheet.
    assert.ok(pages >= report.sheets + 1, `${pages} pages for ${report.sheets} new sheets`);
  } finally {
    await page.close();
  }
});
