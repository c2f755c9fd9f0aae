// #/processes — the processes and policies across aggregates; #/process/<name> — one of them: the
// events it reacts to, what it was seen to send, its deadlines, a flow diagram, and its coverage.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, pre = site.pre, data = site.data;

  function eventChip(name) {
    return site.eventsByName[name] ? link(site.nameHref('event', name), name, { class: 'chip event' }) : h('span', { class: 'chip event' }, name);
  }

  function triggerText(t) {
    return t.kind === 'event' ? t.name : t.kind === 'deadline' ? t.name + ' due' : t.name + ' refused';
  }

  site.views.processes = function (main) {
    main.appendChild(h('section', { id: 'processes' }, h('h2', null, 'Processes (' + data.processes.length + ')'),
      h('p', { class: 'muted' }, 'What happens across aggregates: each process reacts to events by sending commands to other aggregates.'),
      data.processes.length === 0 ? h('p', { class: 'empty' }, 'The domain registers no processes or policies.') :
        h('div', { class: 'table-wrap' }, h('table', { class: 'catalog', id: 'process-catalog' },
          h('thead', null, h('tr', null, ['process', 'reacts to', 'sends', 'covered by'].map(function (c) { return h('th', null, c); }))),
          h('tbody', null, data.processes.map(function (p) {
            var commands = p.sends.map(function (s) { return s.command; }).filter(function (c, i, all) { return all.indexOf(c) === i; });
            return h('tr', { 'data-name': p.name },
              h('td', null, link(site.nameHref('process', p.name), p.name), ' ', h('span', { class: 'muted' }, p.kind), p.description ? h('div', { class: 'muted' }, p.description) : null),
              h('td', null, p.reactsTo.map(eventChip)),
              h('td', null, commands.length ? commands.map(function (c) { return link(site.nameHref('command', c), c, { class: 'chip command' }); }) : h('span', { class: 'muted' }, 'nothing seen')),
              h('td', { class: p.coveredBy.length === 0 ? 'uncovered' : '' }, p.coveredBy.length === 0 ? 'no scenario' : site.count(p.coveredBy.length, 'scenario')));
          }))))));
    return 'Processes';
  };

  site.views.process = function (main, name) {
    var p = data.processes.filter(function (x) { return x.name === name; })[0];
    if (!p) return site.notFound(main, 'process ' + name);
    var diagram = h('div', { class: 'diagram', id: 'diagram' }, h('p', { class: 'muted' }, 'Drawing the diagram…'));
    main.appendChild(h('section', { id: 'process', 'data-name': p.name },
      h('p', { class: 'crumbs' }, link('#/processes', 'Processes')),
      h('h2', null, h('span', { class: 'chip process' }, p.kind), ' ', p.name),
      p.description ? h('p', null, p.description) : null,
      h('h3', null, 'Events → ' + p.kind + ' → commands'), diagram,
      h('h3', null, 'Reacts to'),
      h('p', null, p.reactsTo.map(eventChip), p.kind === 'process' ? h('span', { class: 'muted' }, ' (an instance starts on ' + p.startedBy.join(' or ') + ')') : null),
      p.deadlines.length ? [h('h3', null, 'Deadlines'), h('ul', null, p.deadlines.map(function (d) { return h('li', null, h('code', null, d)); }))] : null,
      p.compensates.length ? [h('h3', null, 'Compensates'), h('p', null, 'When one of these commands is refused: ', p.compensates.map(function (c) { return link(site.nameHref('command', c), c, { class: 'chip command' }); }))] : null,
      h('h3', null, 'Sends (seen in the run)'),
      p.sends.length === 0 ? h('p', { class: 'muted' }, 'No scenario of this run saw it send a command.') :
        h('div', { class: 'table-wrap' }, h('table', { class: 'flows', id: 'process-sends' },
          h('thead', null, h('tr', null, ['on', 'to', 'command', 'outcome', 'scenarios'].map(function (c) { return h('th', null, c); }))),
          h('tbody', null, p.sends.map(function (s) {
            return h('tr', null, h('td', null, triggerText(s.trigger)), h('td', null, link(site.nameHref('aggregate', s.aggregate), s.aggregate)),
              h('td', null, link(site.nameHref('command', s.command), s.command)), h('td', null, s.outcomes.join(', ')), h('td', null, String(s.scenarios.length)));
          })))),
      h('h3', null, 'Not covered'),
      p.uncovered.length ? h('ul', { class: 'uncovered-list' }, p.uncovered.map(function (u) { return h('li', { class: 'uncovered' }, u); })) : h('p', { class: 'muted' }, 'Every reaction, deadline and compensation ran in some scenario.'),
      h('h3', null, 'Scenarios (' + p.coveredBy.length + ')'), site.scenarioRefs(p.coveredBy, 'No scenario covers it.'),
      h('details', null, h('summary', null, 'Diagram source'), pre(p.diagram))));
    site.drawDiagram(diagram, p.diagram);
    return p.name;
  };
})(window.eventspecSite = window.eventspecSite || {});
