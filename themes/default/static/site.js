/* mentorbook: small page helpers. Vanilla ES2017, loaded with `defer`.
 *
 * 1. Links to folders ("launch/") open index.html when the site is read
 *    from disk (file://), where browsers show a folder listing instead.
 *    Over http(s) nothing changes: servers answer folders with index.html.
 * 2. Markdown tables too wide for the screen scroll sideways (style.css);
 *    such a table is wrapped in a focusable, named region so that keyboard
 *    users can scroll it too (WCAG 2.1.1). */
(function () {
  'use strict';

  function fixFolderLinks(root) {
    var links = root.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href');
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === '#') continue;
      var cut = href.search(/[?#]/);
      var path = cut === -1 ? href : href.slice(0, cut);
      var rest = cut === -1 ? '' : href.slice(cut);
      if (path === '' || path.charAt(path.length - 1) === '/') {
        links[i].setAttribute('href', path + 'index.html' + rest);
      }
    }
  }

  // The heading the table comes under, to name its region.
  function headingBefore(el) {
    for (var e = el.previousElementSibling; e; e = e.previousElementSibling) {
      if (/^H[1-6]$/.test(e.tagName)) return e;
    }
    return null;
  }

  var wraps = [];

  function wrapTables() {
    var tables = document.querySelectorAll('.content > table');
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      var wrap = document.createElement('div');
      wrap.className = 'table-wrap';
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
      wraps.push(wrap);
    }
    updateTables();
    if (wraps.length) window.addEventListener('resize', updateTables);
  }

  // Only a table that does scroll becomes a tab stop.
  function updateTables() {
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute('tabindex')) {
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'region');
        var caption = wrap.querySelector('caption');
        var heading = headingBefore(wrap);
        if (caption && caption.id) {
          wrap.setAttribute('aria-labelledby', caption.id);
        } else if (heading && heading.id) {
          wrap.setAttribute('aria-labelledby', heading.id);
        } else {
          wrap.setAttribute('aria-label', caption ? caption.textContent : (document.body.dataset.tableLabel || 'Table'));
        }
      } else if (!scrolls && wrap.hasAttribute('tabindex')) {
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-labelledby');
        wrap.removeAttribute('aria-label');
      }
    }
  }

  function init() {
    if (window.location.protocol === 'file:') fixFolderLinks(document);
    wrapTables();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
