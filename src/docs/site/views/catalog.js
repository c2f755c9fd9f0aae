// #/events, #/commands — the catalogs; #/event/<name>, #/command/<name> — one contract with its
// fields, versions, JSON Schema and the scenarios that use it.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, pre = site.pre, data = site.data;

  site.fieldsTable = fieldsTable;
  function fieldsTable(schema) {
    if (schema.problem) return h('p', { class: 'error-line' }, schema.problem);
    if (schema.fields.length === 0) return h('p', { class: 'muted' }, 'No fields.');
    return h('div', { class: 'table-wrap' }, h('table', { class: 'fields' }, h('thead', null, h('tr', null, ['field', 'type', 'required', 'default', 'description'].map(function (c) { return h('th', null, c); }))),
      h('tbody', null, schema.fields.map(function (f) {
        return h('tr', null, h('td', null, h('code', null, f.path)), h('td', null, f.type), h('td', null, f.required ? 'yes' : 'no'),
          h('td', null, f.default !== undefined ? site.json(f.default) : ''), h('td', null, f.description || ''));
      }))));
  }

  function catalog(kind) {
    return function (main) {
      var list = kind === 'event' ? data.events : data.commands;
      var title = kind === 'event' ? 'Events' : 'Commands';
      main.appendChild(h('section', null, h('h2', null, title + ' (' + list.length + ')'),
        list.length === 0 ? h('p', { class: 'empty' }, 'No domain registry was given, so there is no catalog.') :
          h('div', { class: 'table-wrap' }, h('table', { class: 'catalog', id: kind + '-catalog' }, h('thead', null, h('tr', null, ['name', 'aggregate', 'version', 'description', 'scenarios'].map(function (c) { return h('th', null, c); }))),
            h('tbody', null, list.map(function (c) {
              var n = kind === 'event' && data.run.hasRecordedEvents ? c.recordedIn.length : c.mentionedIn.length;
              return h('tr', { 'data-name': c.name }, h('td', null, link(site.nameHref(kind, c.name), c.name)),
                h('td', null, link(site.nameHref('aggregate', c.aggregate), c.aggregate)), h('td', null, 'v' + c.version),
                h('td', null, c.description || ''), h('td', { class: n === 0 ? 'uncovered' : '' }, n === 0 ? 'none' : String(n)));
            }))))));
      return title;
    };
  }

  function contract(kind) {
    return function (main, name) {
      var c = (kind === 'event' ? site.eventsByName : site.commandsByName)[name];
      if (!c) return site.notFound(main, kind + ' ' + name);
      main.appendChild(h('section', { id: 'contract', 'data-name': c.name },
        h('p', { class: 'crumbs' }, link('#/' + kind + 's', kind === 'event' ? 'Events' : 'Commands'), ' › ', link(site.nameHref('aggregate', c.aggregate), c.aggregate)),
        h('h2', null, h('span', { class: 'chip ' + kind }, kind), ' ', c.name, h('span', { class: 'muted' }, ' v' + c.version)),
        c.description ? h('p', null, c.description) : null,
        h('h3', null, 'Fields'), fieldsTable(c.schema),
        c.example !== undefined ? [h('h3', null, 'Example'), pre(site.json(c.example), 'data')] : null,
        c.upcasters.length ? [h('h3', null, 'Older versions'), c.upcasters.map(function (u) {
          return h('div', { class: 'upcaster' }, h('h4', null, 'v' + u.from + ' → v' + u.to + ' (upcast on read)'), fieldsTable(u.schema));
        })] : null,
        h('details', null, h('summary', null, 'JSON Schema'), pre(site.json(c.schema.jsonSchema), 'data')),
        kind === 'event' && site.projectionsOfEvent(c.name).length ? [h('h3', null, 'Projected by'), h('p', { id: 'projected-by' }, site.projectionsOfEvent(c.name).map(function (p) {
          return link(site.nameHref('projection', p.name), p.name, { class: 'chip projection' });
        }))] : null,
        kind === 'event' ? [h('h3', null, 'Recorded in (' + c.recordedIn.length + ')'), h('div', { id: 'recorded-in' }, site.scenarioRefs(c.recordedIn, data.run.hasRecordedEvents ? 'No scenario recorded this event.' : 'The run did not attach recorded events.'))] : null,
        h('h3', null, 'Named in the steps of (' + c.mentionedIn.length + ')'), h('div', { id: 'mentioned-in' }, site.scenarioRefs(c.mentionedIn, 'No scenario names it.'))));
      return c.name;
    };
  }

  site.views.events = catalog('event');
  site.views.commands = catalog('command');
  site.views.event = contract('event');
  site.views.command = contract('command');
})(window.eventspecSite = window.eventspecSite || {});
