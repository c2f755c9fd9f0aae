// #/read-models — each projection with the events it handles and the read models it owns;
// #/projection/<name> — one projection: read-model schemas and the scenarios that check them.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, data = site.data;

  site.projectionsOfEvent = function (name) {
    return data.projections.filter(function (p) { return p.events.indexOf(name) >= 0; });
  };

  function eventChips(names) {
    return names.map(function (e) { return site.eventsByName[e] ? link(site.nameHref('event', e), e, { class: 'chip event' }) : h('span', { class: 'chip event' }, e); });
  }

  site.views['read-models'] = function (main) {
    main.appendChild(h('section', { id: 'read-models' }, h('h2', null, 'Read models (' + site.count(data.projections.length, 'projection') + ')'),
      h('p', { class: 'muted' }, 'The read side: each projection turns recorded events into the documents queries read.'),
      data.projections.length === 0 ? h('p', { class: 'empty' }, 'The domain registers no projections.') :
        h('div', { class: 'table-wrap' }, h('table', { class: 'catalog', id: 'projection-catalog' },
          h('thead', null, h('tr', null, ['projection', 'handles', 'read models', 'checked by'].map(function (c) { return h('th', null, c); }))),
          h('tbody', null, data.projections.map(function (p) {
            var checked = p.readModels.reduce(function (n, m) { return n + m.checkedIn.length; }, 0);
            return h('tr', { 'data-name': p.name }, h('td', null, link(site.nameHref('projection', p.name), p.name), p.description ? h('div', { class: 'muted' }, p.description) : null),
              h('td', null, eventChips(p.events)),
              h('td', null, p.readModels.map(function (m) { return h('code', { class: 'read-model' }, m.name); })),
              h('td', { class: checked === 0 ? 'uncovered' : '' }, checked === 0 ? 'no scenario' : checked + ' scenario steps'));
          }))))));
    return 'Read models';
  };

  site.views.projection = function (main, name) {
    var p = data.projections.filter(function (x) { return x.name === name; })[0];
    if (!p) return site.notFound(main, 'projection ' + name);
    main.appendChild(h('section', { id: 'projection', 'data-name': p.name },
      h('p', { class: 'crumbs' }, link('#/read-models', 'Read models')),
      h('h2', null, h('span', { class: 'chip projection' }, 'projection'), ' ', p.name),
      p.description ? h('p', null, p.description) : null,
      h('h3', null, 'Handles'), h('p', null, eventChips(p.events)),
      p.readModels.map(function (m) {
        return h('div', { class: 'read-model-doc', 'data-name': m.name }, h('h3', null, 'Read model ', h('code', null, m.name)),
          site.fieldsTable(m.schema),
          h('h4', null, 'Checked by (' + m.checkedIn.length + ')'), site.scenarioRefs(m.checkedIn, 'No scenario checks this read model.'));
      })));
    return p.name;
  };
})(window.eventspecSite = window.eventspecSite || {});
