/*
 * mentorbook — default theme: client-side search.
 * Vanilla ES2017, no dependencies. Loaded with `defer`.
 *
 * The index ({ROOT}search-index.js, which sets window.MENTORBOOK_SEARCH) is
 * only loaded when the search box is first focused or typed into. It is
 * injected as a <script> because fetch() is not allowed on file:// pages.
 * Index data is only ever inserted with textContent, never as HTML.
 */
(function () {
  'use strict';

  document.documentElement.classList.add('js');

  var MAX_RESULTS = 10;
  var SNIPPET_LENGTH = 120;
  var SNIPPET_LEAD = 40;
  var DEBOUNCE_MS = 80;

  var input = document.getElementById('search-input');
  var results = document.getElementById('search-results');
  if (!input || !results) return;
  var box = input.closest('.search') || input.parentNode;

  var root = (document.body && document.body.getAttribute('data-root')) || '';
  if (root && root.charAt(root.length - 1) !== '/') root += '/';

  var state = 'idle'; // idle | loading | ready | error
  var pages = [];
  var timer = null;
  var statusEl = null;
  var listEl = null;

  /* ---------------------------------------------------------------- */
  /* Text folding                                                      */
  /* ---------------------------------------------------------------- */

  var COMBINING = /[\u0300-\u036f]/g;

  // Lower case, accents removed ("Équipe" -> "equipe").
  function fold(s) {
    s = String(s == null ? '' : s);
    if (s.normalize) s = s.normalize('NFD');
    return s.replace(COMBINING, '').toLowerCase();
  }

  // Folds `str` and records, for every folded code unit, the index of the
  // original code unit it came from (plus a final entry for the end), so
  // that matches in the folded text can be highlighted in the original.
  function foldWithMap(str) {
    var out = '';
    var map = [];
    var i = 0;
    while (i < str.length) {
      var code = str.charCodeAt(i);
      var len = (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length) ? 2 : 1;
      var f = fold(str.substr(i, len));
      for (var k = 0; k < f.length; k++) map.push(i);
      out += f;
      i += len;
    }
    map.push(str.length);
    return { folded: out, map: map };
  }

  function isWordChar(c) {
    if (!c) return false;
    if (/[0-9_]/.test(c)) return true;
    if (c.toLowerCase() !== c.toUpperCase()) return true; // cased letters
    return c.charCodeAt(0) >= 0x3000; // CJK and other scripts without case
  }

  function startsWord(hay, term) {
    var idx = hay.indexOf(term);
    var guard = 0;
    while (idx !== -1 && guard++ < 100) {
      if (idx === 0 || !isWordChar(hay.charAt(idx - 1))) return true;
      idx = hay.indexOf(term, idx + 1);
    }
    return false;
  }

  function parseTerms(query) {
    var seen = {};
    return fold(query)
      .split(/\s+/)
      .map(function (t) {
        return t.replace(/^["'“”‘’([{]+/, '').replace(/["'“”‘’)\]},.;:!?]+$/, '');
      })
      .filter(function (t) {
        if (!t || seen[t]) return false;
        seen[t] = true;
        return true;
      });
  }

  /* ---------------------------------------------------------------- */
  /* Index loading                                                     */
  /* ---------------------------------------------------------------- */

  function prepare(data) {
    var list = (data && Array.isArray(data.pages)) ? data.pages : [];
    pages = [];
    list.forEach(function (p, i) {
      if (!p) return;
      var href = pageHref(p.u);
      if (href === null) return; // unsafe or unsupported link: never shown
      var page = {
        t: String(p.t || ''),
        s: String(p.s || ''),
        u: String(p.u || ''),
        h: String(p.h || ''),
        x: String(p.x || ''),
        href: href,
        i: i
      };
      page.ft = fold(page.t);
      page.fs = fold(page.s);
      page.fh = fold(page.h);
      page.fx = fold(page.x);
      // `w`: the page's other distinct words (the index keeps a snippet
      // plus a word list, not the full text, to stay small).
      page.fw = fold(String(p.w || ''));
      pages.push(page);
    });
    state = 'ready';
  }

  function loadIndex() {
    if (state !== 'idle') return;
    if (window.MENTORBOOK_SEARCH) {
      prepare(window.MENTORBOOK_SEARCH);
      return;
    }
    state = 'loading';
    var script = document.createElement('script');
    script.src = root + 'search-index.js';
    script.async = true;
    script.onload = function () {
      if (window.MENTORBOOK_SEARCH) {
        prepare(window.MENTORBOOK_SEARCH);
      } else {
        state = 'error';
      }
      if (document.activeElement === input || !results.hidden) run();
    };
    script.onerror = function () {
      state = 'error';
      if (document.activeElement === input || !results.hidden) run();
    };
    (document.head || document.body).appendChild(script);
  }

  /* ---------------------------------------------------------------- */
  /* Matching and scoring                                              */
  /* ---------------------------------------------------------------- */

  // Per term: title 10, headings 5, section 2, text 1, plus a bonus when
  // the term starts a word (title 4, headings 2, section or text 1).
  // Every term must occur somewhere, otherwise the page does not match.
  function scorePage(page, terms, whole) {
    var total = 0;
    for (var k = 0; k < terms.length; k++) {
      var term = terms[k];
      var inT = page.ft.indexOf(term) !== -1;
      var inH = page.fh.indexOf(term) !== -1;
      var inS = page.fs.indexOf(term) !== -1;
      var inX = page.fx.indexOf(term) !== -1 || page.fw.indexOf(term) !== -1;
      if (!inT && !inH && !inS && !inX) return 0;
      total += (inT ? 10 : 0) + (inH ? 5 : 0) + (inS ? 2 : 0) + (inX ? 1 : 0);
      if (inT && startsWord(page.ft, term)) total += 4;
      else if (inH && startsWord(page.fh, term)) total += 2;
      else if ((inS && startsWord(page.fs, term)) || (inX && startsWord(page.fx, term))) total += 1;
    }
    if (whole && page.ft === whole) total += 10; // exact title
    return total;
  }

  function search(terms, whole) {
    var hits = [];
    for (var i = 0; i < pages.length; i++) {
      var score = scorePage(pages[i], terms, whole);
      if (score > 0) hits.push({ page: pages[i], score: score });
    }
    hits.sort(function (a, b) {
      return (b.score - a.score) || (a.page.i - b.page.i);
    });
    return hits;
  }

  /* ---------------------------------------------------------------- */
  /* Rendering (DOM nodes + textContent only)                          */
  /* ---------------------------------------------------------------- */

  // Appends `text` to `parent`, wrapping every occurrence of a term in <mark>.
  function appendHighlighted(parent, text, terms) {
    var fm = foldWithMap(text);
    var folded = fm.folded;
    var ranges = [];
    terms.forEach(function (term) {
      var idx = folded.indexOf(term);
      var guard = 0;
      while (idx !== -1 && guard++ < 50) {
        ranges.push([idx, idx + term.length]);
        idx = folded.indexOf(term, idx + term.length);
      }
    });
    ranges.sort(function (a, b) { return (a[0] - b[0]) || (b[1] - a[1]); });

    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });

    var pos = 0;
    merged.forEach(function (r) {
      var start = fm.map[r[0]];
      var end = fm.map[r[1]];
      if (start < pos) start = pos;
      if (end <= start) return;
      if (start > pos) parent.appendChild(document.createTextNode(text.slice(pos, start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      parent.appendChild(mark);
      pos = end;
    });
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  // Position in the original text of the first hit of any term, or -1.
  function firstHit(page, terms) {
    var best = -1;
    var folded = page.fx;
    terms.forEach(function (term) {
      var idx = folded.indexOf(term);
      if (idx !== -1 && (best === -1 || idx < best)) best = idx;
    });
    if (best === -1) return -1;
    if (folded.length === page.x.length) return best; // common case: 1:1
    if (!page.map) page.map = foldWithMap(page.x).map;
    return page.map[best] != null ? page.map[best] : -1;
  }

  function buildSnippet(page, terms) {
    var text = page.x.replace(/\s+/g, ' ');
    if (text.length !== page.x.length) {
      // Whitespace was collapsed: search the collapsed text directly.
      page = { x: text, fx: fold(text) };
    }
    var len = text.length;
    if (!len) return null;
    var hit = firstHit(page, terms);
    var start = hit > SNIPPET_LEAD ? hit - SNIPPET_LEAD : 0;
    var end = Math.min(len, start + SNIPPET_LENGTH);
    if (end - start < SNIPPET_LENGTH) start = Math.max(0, end - SNIPPET_LENGTH);
    if (start > 0) {
      var sp = text.indexOf(' ', start);
      if (sp !== -1 && sp - start < 20 && (hit === -1 || sp < hit)) start = sp + 1;
    }
    if (end < len) {
      var ep = text.lastIndexOf(' ', end);
      if (ep > start && end - ep < 20 && (hit === -1 || ep > hit)) end = ep;
    }
    return {
      before: start > 0 ? '… ' : '',
      text: text.slice(start, end),
      after: end < len ? ' …' : ''
    };
  }

  function pageHref(u) {
    u = String(u || '').trim();
    if (/^[a-z][a-z0-9+.-]*:/i.test(u)) {
      // Only plain web links are allowed as absolute URLs.
      return /^https?:/i.test(u) ? u : null;
    }
    if (u.charAt(0) === '/') u = u.replace(/^\/+/, '');
    var m = /^([^?#]*)(.*)$/.exec(u);
    var path = m[1];
    var rest = m[2];
    // Directory URLs do not resolve to index.html on file:// pages.
    if (window.location.protocol === 'file:' && (path === '' || path.charAt(path.length - 1) === '/')) {
      path += 'index.html';
    }
    var href = root + path + rest;
    return href === '' ? './' : href;
  }

  function ensureStructure() {
    if (!statusEl || statusEl.parentNode !== results) {
      while (results.firstChild) results.removeChild(results.firstChild);
      statusEl = document.createElement('p');
      statusEl.className = 'search-status';
      statusEl.setAttribute('role', 'status');
      results.appendChild(statusEl);
    }
    if (listEl && listEl.parentNode) listEl.parentNode.removeChild(listEl);
    listEl = null;
  }

  function setStatus(text) {
    ensureStructure();
    statusEl.textContent = text;
  }

  function render(hits, terms, query) {
    if (!hits.length) {
      setStatus('No results for “' + query + '”');
      return;
    }
    var n = hits.length;
    var label = n === 1 ? '1 result' : n + ' results';
    if (n > MAX_RESULTS) label += ', showing the top ' + MAX_RESULTS;
    setStatus(label);

    var ul = document.createElement('ul');
    hits.slice(0, MAX_RESULTS).forEach(function (hit) {
      var page = hit.page;

      var li = document.createElement('li');
      var a = document.createElement('a');
      a.setAttribute('href', page.href);

      var strong = document.createElement('strong');
      appendHighlighted(strong, page.t || page.u || 'Untitled', terms);
      a.appendChild(strong);

      if (page.s && page.s !== page.t) {
        a.appendChild(document.createTextNode(' '));
        var section = document.createElement('span');
        section.className = 'search-section';
        section.textContent = page.s;
        a.appendChild(section);
      }

      var snip = buildSnippet(page, terms);
      if (!snip && page.h) snip = { before: '', text: page.h, after: '' };
      if (snip) {
        var span = document.createElement('span');
        span.className = 'search-snippet';
        if (snip.before) span.appendChild(document.createTextNode(snip.before));
        appendHighlighted(span, snip.text, terms);
        if (snip.after) span.appendChild(document.createTextNode(snip.after));
        a.appendChild(span);
      }

      li.appendChild(a);
      ul.appendChild(li);
    });
    results.appendChild(ul);
    listEl = ul;
  }

  /* ---------------------------------------------------------------- */
  /* Showing, hiding, running                                          */
  /* ---------------------------------------------------------------- */

  // The box is a plain search field (role searchbox), which has no
  // aria-expanded state: the result count is announced by the status line.
  function show() {
    results.hidden = false;
  }

  function hide() {
    results.hidden = true;
  }

  function run() {
    clearTimeout(timer);
    timer = null;
    var query = input.value.trim();
    var terms = parseTerms(query);
    if (!terms.length) {
      hide();
      return;
    }
    if (state === 'idle') loadIndex();
    if (state === 'loading') {
      setStatus('Loading the search index…');
    } else if (state === 'error') {
      setStatus('Search is unavailable: the search index could not be loaded.');
    } else {
      render(search(terms, fold(query)), terms, query);
    }
    show();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  function resultLinks() {
    return Array.prototype.slice.call(results.querySelectorAll('a[href]'));
  }

  /* ---------------------------------------------------------------- */
  /* Events                                                            */
  /* ---------------------------------------------------------------- */

  // Focus moved back from the results (ArrowUp, Escape) must not reopen or
  // re-render them.
  var quiet = false;
  function focusInputQuietly() {
    quiet = true;
    try {
      input.focus();
    } finally {
      quiet = false;
    }
  }

  input.addEventListener('focus', function () {
    loadIndex();
    if (!quiet && input.value.trim()) run();
  });

  input.addEventListener('input', function () {
    loadIndex();
    schedule();
  });

  input.addEventListener('keydown', function (event) {
    if (event.isComposing) return;
    var key = event.key;
    if (key === 'Escape' || key === 'Esc') {
      if (input.value || !results.hidden) {
        event.preventDefault();
        input.value = '';
        clearTimeout(timer);
        hide();
      }
    } else if (key === 'ArrowDown' || key === 'Down') {
      if (timer !== null || results.hidden) run();
      var links = resultLinks();
      if (!results.hidden && links.length) {
        event.preventDefault();
        links[0].focus();
      }
    } else if (key === 'Enter') {
      if (timer !== null || results.hidden) run();
      var first = resultLinks()[0];
      event.preventDefault();
      if (first) window.location.href = first.href;
    }
  });

  results.addEventListener('keydown', function (event) {
    var key = event.key;
    var links = resultLinks();
    var index = links.indexOf(document.activeElement);
    if (key === 'ArrowDown' || key === 'Down') {
      event.preventDefault();
      if (index !== -1 && index < links.length - 1) links[index + 1].focus();
    } else if (key === 'ArrowUp' || key === 'Up') {
      event.preventDefault();
      if (index > 0) links[index - 1].focus();
      else focusInputQuietly();
    } else if (key === 'Home' && links.length) {
      event.preventDefault();
      links[0].focus();
    } else if (key === 'End' && links.length) {
      event.preventDefault();
      links[links.length - 1].focus();
    } else if (key === 'Escape' || key === 'Esc') {
      event.preventDefault();
      hide();
      focusInputQuietly();
    }
  });

  // Keyboard users tabbing away close the results. (A pointer blur has no
  // relatedTarget; clicks outside are handled below, so a click on a
  // result is never swallowed.)
  box.addEventListener('focusout', function (event) {
    var next = event.relatedTarget;
    if (next && !box.contains(next)) hide();
  });

  document.addEventListener('click', function (event) {
    if (!results.hidden && !box.contains(event.target)) hide();
  });

  function isTyping(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target) || isTyping(document.activeElement)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
