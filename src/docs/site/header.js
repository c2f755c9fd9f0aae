// The page header: title, run summary, problems with the run, and the navigation.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, badge = site.badge, data = site.data;

  function when(iso) {
    return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  site.header = function () {
    var run = data.run;
    var summary = h('div', { class: 'summary' }, site.STATUS_ORDER.filter(function (s) { return site.statusCounts[s]; }).map(function (s) {
      return h('span', { class: 'count' }, badge(s), ' ' + site.statusCounts[s]);
    }));
    var problems = run.problems.length > 0 ? h('div', { class: 'banner banner-' + run.state, role: 'status', id: 'run-problems' },
      h('strong', null, run.state === 'missing' ? 'Results are missing. ' : run.state === 'partial' ? 'Results are incomplete. ' : 'Notes on the run. '),
      h('ul', null, run.problems.map(function (p) { return h('li', null, p); }))) : null;
    var last = run.finishedAt || run.startedAt;
    return h('header', null,
      h('h1', null, link('#/', data.title)),
      h('p', { class: 'muted' }, site.count(data.scenarios.length, 'scenario') + ' in ' + site.count(data.features.length, 'feature'),
        last ? ' · last run ' + when(last) : '',
        run.implementation ? ' · ' + run.implementation : '',
        ' · built ' + when(data.generatedAt)),
      run.ci || run.git ? h('p', { class: 'muted', id: 'run-meta' },
        run.ci ? (run.ci.url && /^https?:\/\//.test(run.ci.url) ? link(run.ci.url, run.ci.name + (run.ci.buildNumber ? ' #' + run.ci.buildNumber : '')) : run.ci.name) : null,
        run.git && run.git.branch ? ' · branch ' + run.git.branch : '',
        run.git && run.git.tag ? ' · tag ' + run.git.tag : '',
        run.git && run.git.revision ? ' · commit ' + run.git.revision.slice(0, 12) : '') : null,
      // Several streams (CI shards, a re-run): each with its own build link.
      run.streams ? h('p', { class: 'muted', id: 'run-streams' }, 'Merged from ' + run.streams.length + ' message streams: ',
        run.streams.map(function (s, i) {
          var ci = s.ci && s.ci.url && /^https?:\/\//.test(s.ci.url) ? link(s.ci.url, s.ci.name + (s.ci.buildNumber ? ' #' + s.ci.buildNumber : '')) : null;
          return [i ? ', ' : '', s.source, ci ? [' (', ci, ')'] : '', s.success === false ? ' (failed)' : ''];
        })) : null,
      summary, problems,
      h('nav', null,
        link('#/scenarios', 'Scenarios', { id: 'nav-scenarios' }),
        link('#/features', 'Features (' + data.features.length + ')', { id: 'nav-features' }),
        link('#/failures', 'Failures (' + site.failures.length + ')', { id: 'nav-failures' }),
        link('#/aggregates', 'Aggregates (' + data.aggregates.length + ')', { id: 'nav-aggregates' }),
        link('#/events', 'Events (' + data.events.length + ')', { id: 'nav-events' }),
        link('#/commands', 'Commands (' + data.commands.length + ')', { id: 'nav-commands' }),
        link('#/read-models', 'Read models (' + data.projections.length + ')', { id: 'nav-read-models' }),
        data.processes && data.processes.length ? link('#/processes', 'Processes (' + data.processes.length + ')', { id: 'nav-processes' }) : null,
        link('#/glossary', 'Step glossary (' + data.glossary.length + ')', { id: 'nav-glossary' }),
        link('#/uncovered', 'Not covered', { id: 'nav-uncovered' }),
        data.history ? link('#/history', 'History (' + site.count(data.history.runs.length, 'run') + ')', { id: 'nav-history' }) : null));
  };

  site.tagChip = function (tag) {
    return h('a', { class: 'tag', href: '#/scenarios' + site.filtersQuery({ q: '', tags: tag, status: '' }), 'data-tag': tag, title: 'show scenarios tagged ' + tag }, tag);
  };

  site.scenarioLink = function (id) {
    var s = data.scenarios[id];
    return h('li', { class: 'scenario-ref' }, badge(s.status), ' ', link(site.scenarioHref(s), s.name, { 'data-scenario': s.key }),
      h('span', { class: 'muted' }, ' — ' + data.features[s.feature].name));
  };

  site.scenarioRefs = function (ids, empty) {
    if (!ids || ids.length === 0) return h('p', { class: 'muted' }, empty);
    return site.lazyList(ids, site.scenarioLink, 'refs');
  };

  site.notFound = function (main, what) {
    main.appendChild(h('section', null, h('h2', null, 'Not found'), h('p', null, 'There is no ' + what + ' in this documentation. '), link('#/', 'Back to the scenarios')));
    return 'Not found';
  };
})(window.eventspecSite = window.eventspecSite || {});
