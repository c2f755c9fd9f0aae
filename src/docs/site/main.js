// The router: #/<view>/<argument>?<filters>. Each view renders into <main> and names itself for
// the page title; Back returns to where the reader had scrolled.
(function (site) {
  'use strict';
  var h = site.h;

  var app = document.getElementById('app');
  app.appendChild(site.header());
  var main = h('main', { id: 'view' });
  app.appendChild(main);
  var scrolled = Object.create(null);
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

  function parse(hash) {
    var body = hash.replace(/^#\/?/, '');
    var q = body.indexOf('?');
    var query = q >= 0 ? body.slice(q + 1) : '';
    var parts = (q >= 0 ? body.slice(0, q) : body).split('/');
    var arg = parts.slice(1).join('/');
    try {
      arg = decodeURIComponent(arg);
    } catch (e) {
      return { view: 'bad-link', arg: arg, query: '' };
    }
    return { view: parts[0] || 'scenarios', arg: arg, query: query };
  }

  function route() {
    site.route += 1;
    site.cleanup.forEach(function (f) { f(); });
    site.cleanup = [];
    main.textContent = '';
    var r = parse(location.hash);
    document.querySelectorAll('nav a').forEach(function (a) { a.classList.toggle('active', a.id === 'nav-' + r.view || a.id === 'nav-' + r.view + 's'); });
    var view = Object.prototype.hasOwnProperty.call(site.views, r.view) ? site.views[r.view] : null;
    var title = r.view === 'bad-link' ? site.notFound(main, 'page at this address (it is not a well-formed link)') :
      view ? view(main, r.arg, r.query) : site.notFound(main, 'page "' + r.view + '"');
    main.setAttribute('data-view', r.view);
    document.title = title + ' — ' + site.data.title;
    window.scrollTo(0, scrolled[location.hash] || 0);
  }

  window.addEventListener('hashchange', function (e) {
    var old = e.oldURL.indexOf('#') >= 0 ? e.oldURL.slice(e.oldURL.indexOf('#')) : '';
    scrolled[old] = window.scrollY;
    route();
  });
  route();
  // Ready once the first view has the data it asked for; then the search text is read in the
  // background, a file at a time with a frame between them, so the page keeps answering meanwhile.
  site.onSettled.push(function () {
    document.documentElement.setAttribute('data-ready', 'true');
    setTimeout(function () { site.readSearchInBackground(); }, 0);
  });
  if (site.pending === 0) site.onSettled.splice(0).forEach(function (f) { f(); });
})(window.eventspecSite = window.eventspecSite || {});
