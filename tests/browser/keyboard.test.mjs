// Keyboard: the first Tab reaches the skip link, which is visible and moves
// focus to the content; focus is always visible; "/" focuses the search.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './lib.mjs';

let browser;
let context;
before(async () => {
  browser = await launch();
  // Reduced motion: scrolling to a focused element is instant, not smooth,
  // so where it lands can be measured right away.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
});
after(async () => {
  await browser?.close();
});

// The focused element, once any smooth scrolling to it has settled.
async function focused(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = -1;
        let still = 0;
        const tick = () => {
          const y = scrollY;
          still = y === last ? still + 1 : 0;
          last = y;
          if (still >= 3) resolve();
          else requestAnimationFrame(tick);
        };
        tick();
      }),
  );
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.textContent || '').replace(/\s+/g, ' ').trim(),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      inMain: !!el.closest('main'),
      inViewport: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      // Not hidden under the sticky header (WCAG 2.4.11).
      obscuredBy: (() => {
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 8));
        if (!hit || el.contains(hit) || hit.contains(el)) return null;
        return `${hit.tagName.toLowerCase()}.${hit.className}`;
      })(),
      opacity: Number(style.opacity),
    };
  });
}

for (const path of ['', 'launch/01-define-goals/', 'pairs/ethan-and-graham/']) {
  test(`/${path}: the first Tab focuses a visible skip link that moves focus to #main`, async () => {
    const page = await open(context, path);
    try {
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      assert.ok(skip, 'Tab focused nothing');
      assert.match(skip.className, /\bskip-link\b/, `the first Tab focused ${JSON.stringify(skip)}`);
      assert.equal(skip.text, 'Skip to content');
      assert.ok(skip.inViewport, 'the skip link is on screen when focused');
      assert.ok(skip.opacity > 0.9);
      assert.ok(skip.outlineWidth > 0 && skip.outlineStyle !== 'none', `no focus outline: ${JSON.stringify(skip)}`);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      assert.ok(page.url().endsWith('#main'));
      assert.equal(await page.evaluate(() => document.activeElement.tagName), 'MAIN');

      // The next Tab continues inside the content, not back in the header.
      await page.keyboard.press('Tab');
      const next = await focused(page);
      assert.ok(next?.inMain, `after skipping, Tab went to ${JSON.stringify(next)}`);

      // Once blurred, the skip link is out of sight again.
      const box = await page.locator('.skip-link').boundingBox();
      assert.ok(!box || box.y + box.height <= 0, `the skip link stays visible at y=${box?.y}`);
    } finally {
      await page.close();
    }
  });
}

test('every link and button reached with Tab shows a focus outline', async () => {
  const page = await open(context, 'progress/');
  try {
    const seen = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const el = await focused(page);
      if (!el) break;
      seen.push(el);
      assert.ok(el.inViewport, `focused ${el.tag} "${el.text}" is off screen`);
      assert.equal(el.obscuredBy, null, `focused ${el.tag} "${el.text}" is hidden under ${el.obscuredBy}`);
      assert.ok(
        (el.outlineWidth > 0 && el.outlineStyle !== 'none') || (el.boxShadow && el.boxShadow !== 'none'),
        `focused ${el.tag}.${el.className} "${el.text.slice(0, 40)}" has no visible focus indicator (outline ${el.outlineStyle} ${el.outlineWidth}px)`,
      );
    }
    // Going back up, focused items must not hide under the sticky header.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('.site-footer').focus().catch(() => {});
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Shift+Tab');
      const el = await focused(page);
      if (!el) break;
      assert.ok(el.inViewport, `focused ${el.tag} "${el.text}" is off screen (Shift+Tab)`);
      assert.equal(el.obscuredBy, null, `focused ${el.tag} "${el.text}" is hidden under ${el.obscuredBy} (Shift+Tab)`);
    }
    const kinds = new Set(seen.map((e) => e.tag));
    assert.ok(kinds.has('a') && kinds.has('button') && kinds.has('input'), `Tab reached: ${[...kinds].join(', ')}`);
    assert.ok(seen.some((e) => e.inMain && e.tag === 'a'), 'Tab reaches links in the content');
  } finally {
    await page.close();
  }
});

test('a focused link in the content has a visible outline', async () => {
  const page = await open(context, 'launch/');
  try {
    await page.locator('main').focus();
    // Tab until a link inside the content has focus.
    let el;
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      el = await focused(page);
      if (el?.inMain && el.tag === 'a') break;
    }
    assert.ok(el?.inMain && el.tag === 'a', `no content link reached: ${JSON.stringify(el)}`);
    assert.ok(el.outlineWidth >= 2, `outline ${el.outlineWidth}px on "${el.text}"`);
    assert.notEqual(el.outlineStyle, 'none');
  } finally {
    await page.close();
  }
});

test('"/" focuses the search box from anywhere but a text field, where it types', async () => {
  const page = await open(context, 'sessions/01-kickoff/');
  try {
    await page.keyboard.press('Tab'); // the skip link has focus
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    assert.equal(await page.locator('#search-input').inputValue(), '', '"/" itself is not typed');
    await page.keyboard.type('a/b');
    assert.equal(await page.locator('#search-input').inputValue(), 'a/b', 'in the box, "/" is a character');
    const el = await focused(page);
    assert.ok(el.outlineWidth > 0 && el.outlineStyle !== 'none', 'the search box shows focus');
  } finally {
    await page.close();
  }
});
