/*
 * mentorbook — default theme: client-side search.
 * Vanilla ES2017, no dependencies. Loaded with `defer`.
 *
 * The index ({ROOT}search/) is split into files: search/index.js is loaded
 * when the search box is first focused or typed into, then each query
 * loads the word shards of its terms and the page rows of the results it
 * shows. They are injected as <script>s because fetch() is not allowed on
 * file:// pages. Index data is only ever inserted with textContent, never
 * as HTML.
 *
 * A word that matches nothing (no indexed word starts with it) falls back
 * to the indexed word one edit away (a letter inserted, deleted, replaced
 * or two swapped) found on the most pages, and the status line says so.
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

  /* ---------------------------------------------------------------- */
  /* Words shown, in the site's language                               */
  /* ---------------------------------------------------------------- */

  // The build writes the catalogue's search messages (search.ftl) into
  // static/search-messages.js, which base.html loads first; a template
  // that puts them in the results box's data-messages instead (as
  // base.html did before) is read too, and one with neither gets these
  // English ones. {query}, {corrected}, {results} and {n} are filled
  // in here; `results` has a form per CLDR plural category.
  var MESSAGES = {
    loading: 'Loading the search index…',
    unavailable: 'Search is unavailable: the search index could not be loaded.',
    keepTyping: 'Keep typing: words of two letters or more are searched.',
    noResults: 'No results for “{query}”',
    results: { one: '{n} result', other: '{n} results' },
    showingTop: '{results}, showing the top 10',
    corrected: 'No results for “{query}”. Showing results for “{corrected}”: {results}',
    untitled: 'Untitled',
    kinds: {}
  };
  (function () {
    var given = window.mentorbookSearchMessages || null;
    try {
      given = given || JSON.parse(results.getAttribute('data-messages') || 'null');
    } catch (e) {
      given = null;
    }
    if (!given || typeof given !== 'object') return;
    Object.keys(MESSAGES).forEach(function (key) {
      if (given[key] && typeof given[key] === typeof MESSAGES[key]) MESSAGES[key] = given[key];
    });
  })();

  var lang = document.documentElement.lang || undefined;
  var plurals = null;
  try {
    plurals = new Intl.PluralRules(lang);
  } catch (e) {
    plurals = null;
  }

  // `template` with each {name} replaced by values[name], in one pass, so
  // a query that contains "{results}" stays as typed.
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // "5 wyników": the form of the count's plural category.
  function resultCount(n) {
    var forms = MESSAGES.results;
    var category = plurals ? plurals.select(n) : (n === 1 ? 'one' : 'other');
    var form = forms[category] || forms.other || '{n}';
    return fill(form, { n: n.toLocaleString(lang) });
  }

  var state = 'idle'; // idle | loading | ready | error (the index file)
  var timer = null;
  var generation = 0; // the latest query; older ones render nothing
  var statusEl = null;
  var listEl = null;

  /* ---------------------------------------------------------------- */
  /* Text folding                                                      */
  /* ---------------------------------------------------------------- */

  /* fold: begin. The build's rule (src/text/fold.rs) in the browser; the
     integration test search_fold runs this part under node on the same
     words (tests/fixtures/fold-cases.json), so change the two together. */

  var MARKS = /[\u0300-\u036f]/g;
  // Letters Unicode does not decompose, as people type them without the
  // keyboard for them (after lower-casing); a final sigma as any sigma.
  var SPELLED = {
    '\u0142': 'l', '\u00df': 'ss', '\u00f8': 'o', '\u0111': 'd', '\u00f0': 'd',
    '\u00fe': 'th', '\u00e6': 'ae', '\u0153': 'oe', '\u0131': 'i', '\u0127': 'h',
    '\u0140': 'l', '\u0167': 't', '\u03c2': '\u03c3'
  };
  var SPELLED_LETTERS = /[\u0142\u00df\u00f8\u0111\u00f0\u00fe\u00e6\u0153\u0131\u0127\u0140\u0167\u03c2]/g;

  function decomposed(s) {
    s = String(s == null ? '' : s);
    return s.normalize ? s.normalize('NFD') : s;
  }

  // Lower case, accents removed, the letters above spelt out
  // ("Łódź" -> "lodz", "Straße" -> "strasse").
  function fold(s) {
    return decomposed(s).replace(MARKS, '').toLowerCase()
      .replace(SPELLED_LETTERS, function (c) { return SPELLED[c]; });
  }

  // As fold, an umlaut on a, o or u spelt "e" ("Müller" -> "mueller"):
  // the build indexes such words in both spellings.
  function foldUmlautsAsE(s) {
    return fold(decomposed(s).replace(/([aouAOU])\u0308/g, '$1e'));
  }

  /* fold: end */

  var UMLAUTS = /[\u00e4\u00f6\u00fc\u00c4\u00d6\u00dc]|[aouAOU]\u0308/;

  // Folds `str` (with `foldUmlautsAsE` when `asE`) and records, for every
  // folded code unit, the index of the original code unit it came from
  // (plus a final entry for the end), so that matches in the folded text
  // can be highlighted in the original.
  function foldWithMap(str, asE) {
    var out = '';
    var map = [];
    var i = 0;
    while (i < str.length) {
      var code = str.charCodeAt(i);
      var len = (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length) ? 2 : 1;
      var part = str.substr(i, len);
      var f = asE ? foldUmlautsAsE(part) : fold(part);
      for (var k = 0; k < f.length; k++) map.push(i);
      out += f;
      i += len;
    }
    map.push(str.length);
    return { folded: out, map: map };
  }

  // Where in `text` the terms occur, as [start, end) of its code units,
  // in either spelling of its umlauts.
  function hitRanges(text, terms) {
    var ranges = [];
    var spellings = UMLAUTS.test(text) ? [false, true] : [false];
    spellings.forEach(function (asE) {
      var fm = foldWithMap(text, asE);
      terms.forEach(function (term) {
        var idx = fm.folded.indexOf(term);
        var guard = 0;
        while (idx !== -1 && guard++ < 50) {
          // The end is after the letter the term's last folded one came
          // from ("stras" marks all of "Straß").
          var last = idx + term.length - 1;
          var end = last + 1;
          while (fm.map[end] === fm.map[last]) end++;
          ranges.push([fm.map[idx], fm.map[end]]);
          idx = fm.folded.indexOf(term, idx + term.length);
        }
      });
    });
    return ranges;
  }

  // The query's words, split where the build splits a page's text (at
  // anything but letters and digits).
  function parseTerms(query) {
    var seen = {};
    return fold(query)
      .split(/[^\p{Alphabetic}\p{N}]+/u)
      .filter(function (t) {
        if (!t || seen[t]) return false;
        seen[t] = true;
        return true;
      });
  }

  /* ---------------------------------------------------------------- */
  /* Index loading                                                     */
  /* ---------------------------------------------------------------- */

  // Every index file is a script calling mentorbookSearch(kind, key, data):
  // "index" (how the index is split), "w" (the words starting with a key,
  // each with its pages) and "p" (a block of page rows). A query loads the
  // word shards of its terms and the page rows of the results it shows.
  var parts = {};
  window.mentorbookSearch = function (kind, key, data) {
    parts[kind + ':' + key] = data;
  };

  var meta = null;
  var loading = {}; // id -> [callbacks], while the script loads

  function load(id, file, done) {
    if (Object.prototype.hasOwnProperty.call(parts, id)) {
      done(true);
      return;
    }
    if (loading[id]) {
      loading[id].push(done);
      return;
    }
    loading[id] = [done];
    var script = document.createElement('script');
    script.src = root + 'search/' + file;
    script.async = true;
    function finish() {
      var waiting = loading[id];
      delete loading[id];
      var ok = Object.prototype.hasOwnProperty.call(parts, id);
      waiting.forEach(function (callback) { callback(ok); });
    }
    script.onload = finish;
    script.onerror = finish;
    (document.head || document.body).appendChild(script);
  }

  // Calls done(ok) once every [id, file] in `list` has loaded (or failed).
  function loadAll(list, done) {
    var left = list.length;
    var ok = true;
    if (!left) {
      done(true);
      return;
    }
    list.forEach(function (item) {
      load(item[0], item[1], function (loaded) {
        ok = ok && loaded;
        if (--left === 0) done(ok);
      });
    });
  }

  function loadIndex() {
    if (state !== 'idle') return;
    state = 'loading';
    load('index:', 'index.js', function (ok) {
      var data = parts['index:'];
      if (ok && data && data.v === 3 && Array.isArray(data.keys)) {
        meta = data;
        state = 'ready';
      } else {
        state = 'error';
      }
      if (document.activeElement === input || !results.hidden) run();
    });
  }

  // Same rule as the build's shard_name: plain keys name their file,
  // others by their code points.
  function shardName(key) {
    if (key === '') return 'all';
    if (/^[a-z0-9]+$/.test(key)) return key;
    return 'u-' + Array.from(key).map(function (c) {
      return c.codePointAt(0).toString(16);
    }).join('-');
  }

  // The shard keys a term's words can be under: its first k characters,
  // or every key starting with a term shorter than that.
  function keysFor(term) {
    var chars = Array.from(term);
    if (chars.length >= meta.k) {
      var key = chars.slice(0, meta.k).join('');
      return meta.keys.indexOf(key) === -1 ? [] : [key];
    }
    return meta.keys.filter(function (key) { return key.indexOf(term) === 0; });
  }

  function shardFiles(keys) {
    return keys.map(function (key) {
      return ['w:' + key, 'w/' + shardName(key) + '.js'];
    });
  }

  /* ---------------------------------------------------------------- */
  /* Typo fallback                                                     */
  /* ---------------------------------------------------------------- */

  // Words of fewer letters than this are not corrected: too many words
  // are one edit away from them.
  var MIN_CORRECTED = 3;
  // Longer "words" are pasted text, not typos; bounds the work per query.
  var MAX_CORRECTED = 40;

  // Whether the loaded shards have a word starting with `term`.
  function hasMatch(term) {
    return keysFor(term).some(function (key) {
      var words = parts['w:' + key] || {};
      return Object.keys(words).some(function (word) { return word.indexOf(term) === 0; });
    });
  }

  // Whether a and b (arrays of characters) are at most one insertion,
  // deletion, replacement or swap of neighbours apart. Linear, no table.
  function oneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    var same = function (x, from, y, start) {
      if (x.length - from !== y.length - start) return false;
      for (var n = 0; from + n < x.length; n++) if (x[from + n] !== y[start + n]) return false;
      return true;
    };
    if (la === lb) {
      if (i === la || same(a, i + 1, b, i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && same(a, i + 2, b, i + 2);
    }
    return la < lb ? same(a, i, b, i + 1) : same(a, i + 1, b, i);
  }

  // The shard keys, other than the term's own, that can hold a word one
  // edit away from it: a key one edit from the term's start (the typo is
  // in the first k letters).
  function nearKeys(chars, own) {
    if (!meta.k) return [];
    var starts = [];
    for (var j = meta.k - 1; j <= meta.k + 1; j++) {
      if (j >= 0 && j <= chars.length) starts.push(chars.slice(0, j));
    }
    return meta.keys.filter(function (key) {
      if (own.indexOf(key) !== -1) return false;
      var k = Array.from(key);
      return starts.some(function (start) { return oneEdit(k, start); });
    });
  }

  // The word of the loaded shards `keys` one edit from `term` that is on
  // the most pages (the first in order on a tie: shards list their words
  // sorted), or null.
  function bestNear(chars, keys) {
    var best = null;
    var bestPages = 0;
    keys.forEach(function (key) {
      var words = parts['w:' + key] || {};
      Object.keys(words).forEach(function (word) {
        var pages = words[word].length;
        if (pages > bestPages && oneEdit(Array.from(word), chars)) {
          best = word;
          bestPages = pages;
        }
      });
    });
    return best;
  }

  // Calls done(word or null): first from the term's own shard (a typo
  // after the first k letters, nothing more to load), then from the
  // shards a typo in those letters leads to.
  function correct(term, done) {
    var chars = Array.from(term);
    if (chars.length < MIN_CORRECTED || chars.length > MAX_CORRECTED) {
      done(null);
      return;
    }
    var own = keysFor(term);
    var word = bestNear(chars, own);
    if (word) {
      done(word);
      return;
    }
    var others = nearKeys(chars, own);
    loadAll(shardFiles(others), function () {
      // Shards that failed to load just offer no words.
      done(bestNear(chars, others));
    });
  }

  // Calls done(terms, corrected): the terms with every one that matches
  // nothing replaced by its correction, and whether any was.
  function corrected(terms, done) {
    var fixes = {};
    var missing = terms.filter(function (term) { return !hasMatch(term); });
    var left = missing.length;
    if (!left) {
      done(terms, false);
      return;
    }
    missing.forEach(function (term) {
      correct(term, function (word) {
        if (word) fixes[term] = word;
        if (--left > 0) return;
        var any = Object.keys(fixes).length > 0;
        done(terms.map(function (t) { return fixes[t] || t; }), any);
      });
    });
  }

  /* ---------------------------------------------------------------- */
  /* Matching and scoring                                              */
  /* ---------------------------------------------------------------- */

  var TEXT = 1, SECTION = 2, HEADING = 4, TITLE = 8;

  // For one term: page number -> fields it occurs in, from every word
  // that starts with the term; `exact` marks pages whose title has the
  // term as a whole word.
  function pagesFor(term) {
    var found = {};
    var exact = {};
    keysFor(term).forEach(function (key) {
      var words = parts['w:' + key] || {};
      Object.keys(words).forEach(function (word) {
        if (word.indexOf(term) !== 0) return;
        var whole = word === term;
        var page = 0;
        var list = words[word];
        for (var i = 0; i < list.length; i++) {
          page += list[i] >> 4;
          var fields = list[i] & 15;
          found[page] = (found[page] || 0) | fields;
          if (whole && (fields & TITLE)) exact[page] = true;
        }
      });
    });
    return { found: found, exact: exact };
  }

  // Per term: title 10, headings 5, section 2, text 1, plus a bonus for the
  // best place it occurs (title 4, headings 2, section or text 1). Every
  // term must occur somewhere, otherwise the page does not match. A title
  // made of exactly the query's words gets 10 more.
  function search(terms) {
    var perTerm = terms.map(pagesFor);
    var hits = [];
    Object.keys(perTerm[0].found).forEach(function (id) {
      var total = 0;
      var exactWords = 0;
      for (var k = 0; k < perTerm.length; k++) {
        var fields = perTerm[k].found[id];
        if (!fields) return;
        total += (fields & TITLE ? 10 : 0) + (fields & HEADING ? 5 : 0) +
          (fields & SECTION ? 2 : 0) + (fields & TEXT ? 1 : 0);
        total += fields & TITLE ? 4 : fields & HEADING ? 2 : 1;
        if (perTerm[k].exact[id]) exactWords++;
      }
      var page = Number(id);
      var titleWords = parseInt(meta.tw.charAt(page), 36);
      if (exactWords === terms.length && titleWords === terms.length) total += 10;
      hits.push({ id: page, score: total });
    });
    hits.sort(function (a, b) {
      return (b.score - a.score) || (a.id - b.id);
    });
    return hits;
  }

  // The shown hits' rows, once their blocks have loaded; rows with an
  // unsafe link are dropped.
  function withRows(hits) {
    var shown = [];
    hits.forEach(function (hit) {
      var block = parts['p:' + Math.floor(hit.id / meta.block)];
      var row = block && block[hit.id % meta.block];
      if (!row) return;
      var href = pageHref(row[2]);
      if (href === null) return;
      var page = {
        k: MESSAGES.kinds[row[5]] || KINDS[row[5]] || '',
        t: String(row[0] || ''),
        s: String(meta.sections[row[1]] || ''),
        u: String(row[2] || ''),
        h: String(row[3] || ''),
        x: String(row[4] || ''),
        href: href
      };
      shown.push({ page: page, score: hit.score });
    });
    return shown;
  }

  /* ---------------------------------------------------------------- */
  /* Rendering (DOM nodes + textContent only)                          */
  /* ---------------------------------------------------------------- */

  // The one-letter kind codes of the page rows (the build's kind_code),
  // in English; MESSAGES.kinds has them in the site's language.
  var KINDS = {
    p: 'page',
    g: 'goals',
    d: 'guide',
    s: 'step',
    t: 'session template',
    r: 'roster',
    m: 'pair',
    u: 'person'
  };

  // Appends `text` to `parent`, wrapping every occurrence of a term in <mark>.
  function appendHighlighted(parent, text, terms) {
    var ranges = hitRanges(text, terms);
    ranges.sort(function (a, b) { return (a[0] - b[0]) || (b[1] - a[1]); });

    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });

    var pos = 0;
    merged.forEach(function (r) {
      var start = r[0];
      var end = r[1];
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

  // Position in `text` of the first hit of any term, or -1.
  function firstHit(text, terms) {
    var best = -1;
    hitRanges(text, terms).forEach(function (r) {
      if (best === -1 || r[0] < best) best = r[0];
    });
    return best;
  }

  function buildSnippet(page, terms) {
    var text = page.x.replace(/\s+/g, ' ');
    var len = text.length;
    if (!len) return null;
    var hit = firstHit(text, terms);
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

  // `total` hits in all; `hits` are the top ones, with their page rows;
  // `fixed` is true when `terms` are corrections of what was typed.
  function render(total, hits, terms, query, fixed) {
    if (!total) {
      setStatus(fill(MESSAGES.noResults, { query: query }));
      return;
    }
    var label = resultCount(total);
    if (total > MAX_RESULTS) label = fill(MESSAGES.showingTop, { results: label });
    if (fixed) {
      label = fill(MESSAGES.corrected, { query: query, corrected: terms.join(' '), results: label });
    }
    setStatus(label);

    var ul = document.createElement('ul');
    hits.slice(0, MAX_RESULTS).forEach(function (hit) {
      var page = hit.page;

      var li = document.createElement('li');
      var a = document.createElement('a');
      a.setAttribute('href', page.href);

      var strong = document.createElement('strong');
      appendHighlighted(strong, page.t || page.u || MESSAGES.untitled, terms);
      a.appendChild(strong);

      if (page.k) {
        a.appendChild(document.createTextNode(' '));
        var kind = document.createElement('span');
        kind.className = 'search-kind';
        kind.textContent = page.k;
        a.appendChild(kind);
      }

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
      setStatus(MESSAGES.loading);
    } else if (state === 'error') {
      setStatus(MESSAGES.unavailable);
    } else {
      find(terms, query);
    }
    show();
  }


  // Loads the shards the terms need, ranks, loads the rows of the results
  // shown, renders. Only the latest query renders.
  function find(terms, query) {
    var current = ++generation;
    // On a large site a one-letter word would load every shard under that
    // letter for a query that matches almost everything: wait for more.
    if (meta.k > 1) {
      terms = terms.filter(function (term) { return Array.from(term).length > 1; });
      if (!terms.length) {
        setStatus(MESSAGES.keepTyping);
        return;
      }
    }
    var shards = [];
    terms.forEach(function (term) {
      shards = shards.concat(shardFiles(keysFor(term)));
    });
    var pending = true;
    loadAll(shards, function (ok) {
      if (current !== generation) return;
      if (!ok) {
        pending = false;
        setStatus(MESSAGES.unavailable);
        return;
      }
      corrected(terms, function (fixedTerms, fixed) {
        if (current !== generation) return;
        ranked(fixedTerms, fixed);
      });
    });
    // The previous results stay up while this query's files load.
    if (pending && !listEl) setStatus(MESSAGES.loading);

    function ranked(terms, fixed) {
      var hits = search(terms);
      var top = hits.slice(0, MAX_RESULTS);
      var blocks = {};
      top.forEach(function (hit) {
        var block = Math.floor(hit.id / meta.block);
        blocks[block] = ['p:' + block, 'p/' + block + '.js'];
      });
      loadAll(Object.keys(blocks).map(function (b) { return blocks[b]; }), function (rowsOk) {
        if (current !== generation) return;
        pending = false;
        if (!rowsOk) setStatus(MESSAGES.unavailable);
        else render(hits.length, withRows(top), terms, query, fixed);
      });
    }
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
