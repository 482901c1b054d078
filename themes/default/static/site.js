/* mentorbook: links to folders ("launch/") open index.html when the site is
 * read from disk (file://), where browsers show a folder listing instead.
 * Over http(s) nothing changes: servers answer folders with index.html. */
(function () {
  'use strict';
  if (window.location.protocol !== 'file:') return;
  function fix(root) {
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
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { fix(document); });
  } else {
    fix(document);
  }
})();
