// #/glossary — every phrasing a feature can use, and #/uncovered — what no scenario covers.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, pre = site.pre, data = site.data;

  site.views.glossary = function (main) {
    main.appendChild(h('section', null, h('h2', null, 'Step glossary (' + data.glossary.length + ')'),
      h('p', { class: 'muted' }, 'Every phrasing a feature file can use, with the scenarios that use it.'),
      data.glossary.length === 0 ? h('p', { class: 'empty' }, 'The run registered no step definitions and no vocabulary was given.') :
        h('div', { class: 'table-wrap' }, h('table', { class: 'glossary', id: 'glossary' }, h('thead', null, h('tr', null, ['step', 'what it does', 'from', 'used by'].map(function (c) { return h('th', null, c); }))),
          h('tbody', null, data.glossary.map(function (p) {
            var unused = p.usedIn && p.usedIn.length === 0;
            return h('tr', { class: 'phrase' + (unused ? ' unused' : ''), 'data-unused': unused ? 'true' : 'false' },
              h('td', null, p.keyword ? h('span', { class: 'keyword' }, p.keyword + ' ') : null, h('code', null, p.text), h('div', { class: 'muted' }, p.kind),
                p.example ? pre(p.example, 'docstring') : null),
              h('td', null, p.description || ''),
              h('td', { class: 'muted' }, p.source + (p.location ? ' · ' + p.location : '')),
              h('td', null, p.usedIn === undefined ? h('span', { class: 'muted' }, 'unknown') :
                unused ? h('span', { class: 'uncovered' }, 'unused') :
                  h('details', null, h('summary', null, p.usedIn.length + ' scenario' + (p.usedIn.length === 1 ? '' : 's')), site.scenarioRefs(p.usedIn, ''))));
          }))))));
    return 'Step glossary';
  };

  site.views.uncovered = function (main) {
    var u = data.uncovered;
    function block(title, items, render, id) {
      return h('div', { id: id }, h('h3', null, title + ' (' + items.length + ')'),
        items.length ? h('ul', null, items.map(function (x) { return h('li', null, render(x)); })) : h('p', { class: 'muted' }, 'Nothing: all covered.'));
    }
    main.appendChild(h('section', null, h('h2', null, 'What no scenario covers'),
      u.notes.map(function (n) { return h('p', { class: 'banner banner-partial' }, n); }),
      block('Events never recorded', u.events, function (n) { return link(site.nameHref('event', n), n); }, 'uncovered-events'),
      block('Commands never sent', u.commands, function (n) { return link(site.nameHref('command', n), n); }, 'uncovered-commands'),
      block('Rejections never seen', u.rejections, function (n) { return n; }, 'uncovered-rejections'),
      block('Step phrasings never used', u.phrases, function (n) { return h('code', null, n); }, 'uncovered-phrases')));
    return 'Not covered';
  };
})(window.eventspecSite = window.eventspecSite || {});
