/*
 * mentorbook — default theme: sortable tables and the navigation drawer.
 * Vanilla ES2017, no dependencies. Loaded with `defer`.
 */
(function () {
  'use strict';

  // Lets the stylesheet know that scripts run (drawer, search box).
  document.documentElement.classList.add('js');

  /* ---------------------------------------------------------------- */
  /* Sortable tables                                                   */
  /* ---------------------------------------------------------------- */

  // Original (page load) position of every row, for stable sorting.
  var originalIndex = new WeakMap();

  // Text sorts by the alphabet of the page's language (Ł after L in
  // Polish, Ä with A in German), as the build orders names.
  function makeCollator() {
    if (typeof Intl === 'undefined' || !Intl.Collator) return null;
    var options = { numeric: true, sensitivity: 'base' };
    try {
      return new Intl.Collator(document.documentElement.lang || undefined, options);
    } catch (e) {
      // A `language:` the browser cannot parse: its own locale.
      return new Intl.Collator(undefined, options);
    }
  }
  var collator = makeCollator();

  function compareText(a, b) {
    return collator ? collator.compare(a, b) : a.localeCompare(b);
  }

  // The cell that covers logical column `col` in a row (honours colspan).
  function cellAt(row, col) {
    var pos = 0;
    var cells = row.cells;
    for (var i = 0; i < cells.length; i++) {
      var span = cells[i].colSpan || 1;
      if (col < pos + span) return cells[i];
      pos += span;
    }
    return null;
  }

  // Logical column index of a header cell (honours colspan).
  function columnOf(th) {
    var pos = 0;
    var cells = th.parentNode.cells;
    for (var i = 0; i < cells.length; i++) {
      if (cells[i] === th) return pos;
      pos += cells[i].colSpan || 1;
    }
    return pos;
  }

  function sortKey(cell) {
    if (!cell) return '';
    if (cell.hasAttribute('data-value')) return cell.getAttribute('data-value').trim();
    return (cell.textContent || '').replace(/\s+/g, ' ').trim();
  }

  function parseNumber(s) {
    if (s === '') return NaN;
    // Allow thousands separators and spaces ("1,200", "1 200"), percent signs, etc.
    return parseFloat(s.replace(/[,\s\u00a0\u202f_]/g, '').replace(/^\+/, ''));
  }

  // Returns a comparator for decorated rows {key, index, blank}.
  // Blank keys always sort last; ties keep the original (page load) order.
  function makeComparator(type, descending) {
    var dir = descending ? -1 : 1;
    return function (a, b) {
      if (a.blank !== b.blank) return a.blank ? 1 : -1;
      var c = 0;
      if (!a.blank) {
        if (type === 'number') {
          c = a.key - b.key;
        } else if (type === 'date') {
          c = a.key < b.key ? -1 : (a.key > b.key ? 1 : 0);
        } else {
          c = compareText(a.key, b.key);
        }
        c *= dir;
      }
      return c !== 0 ? c : a.index - b.index;
    };
  }

  function sortTable(table, th) {
    var type = (th.getAttribute('data-sort') || 'text').toLowerCase();
    var current = th.getAttribute('aria-sort');
    var descending = current === 'ascending';
    var col = columnOf(th);

    var bodies = table.tBodies;
    for (var b = 0; b < bodies.length; b++) {
      var tbody = bodies[b];
      var rows = Array.prototype.slice.call(tbody.rows);
      var decorated = rows.map(function (row) {
        var raw = sortKey(cellAt(row, col));
        var key = raw;
        var blank = raw === '';
        if (type === 'number') {
          key = parseNumber(raw);
          blank = isNaN(key);
        } else if (type === 'date') {
          blank = raw === '';
        }
        return { row: row, key: key, blank: blank, index: originalIndex.get(row) || 0 };
      });
      decorated.sort(makeComparator(type, descending));
      var frag = document.createDocumentFragment();
      decorated.forEach(function (d) { frag.appendChild(d.row); });
      tbody.appendChild(frag);
    }

    headersOf(table).forEach(function (other) {
      if (other !== th && other.hasAttribute('aria-sort')) other.setAttribute('aria-sort', 'none');
    });
    th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  }

  // Sort controls live in the last header row (the one that names columns).
  function headersOf(table) {
    var head = table.tHead;
    if (!head || !head.rows.length) return [];
    var row = head.rows[head.rows.length - 1];
    return Array.prototype.filter.call(row.cells, function (c) {
      return c.tagName === 'TH';
    });
  }

  function initTable(table) {
    if (table.getAttribute('data-sortable-ready') === '1') return;
    table.setAttribute('data-sortable-ready', '1');

    // Remember the original order so ties stay stable across sorts.
    Array.prototype.forEach.call(table.tBodies, function (tbody) {
      Array.prototype.forEach.call(tbody.rows, function (row, i) {
        originalIndex.set(row, i);
      });
    });

    headersOf(table).forEach(function (th) {
      if ((th.getAttribute('data-sort') || '').toLowerCase() === 'none') return;
      if (th.querySelector('button')) return;

      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);

      if (!th.hasAttribute('aria-sort')) th.setAttribute('aria-sort', 'none');

      button.addEventListener('click', function () {
        sortTable(table, th);
      });
    });
  }

  function initTables() {
    var tables = document.querySelectorAll('table.sortable');
    for (var i = 0; i < tables.length; i++) initTable(tables[i]);
  }

  /* ---------------------------------------------------------------- */
  /* Navigation drawer                                                 */
  /* ---------------------------------------------------------------- */

  function initNav() {
    var toggle = document.querySelector('.nav-toggle');
    if (!toggle) return;
    var sidebarId = toggle.getAttribute('aria-controls');
    var sidebar = sidebarId ? document.getElementById(sidebarId) : null;

    function setOpen(open) {
      document.body.classList.toggle('nav-open', open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }

    toggle.addEventListener('click', function () {
      setOpen(!document.body.classList.contains('nav-open'));
    });

    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' && event.key !== 'Esc') return;
      if (!document.body.classList.contains('nav-open')) return;
      // Escape in the search box belongs to the search box.
      var active = document.activeElement;
      if (active && active.closest && active.closest('.search')) return;
      var inside = sidebar && sidebar.contains(document.activeElement);
      setOpen(false);
      if (inside || document.activeElement === toggle) toggle.focus();
    });
  }

  function init() {
    initTables();
    initNav();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
