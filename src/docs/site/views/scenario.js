// #/scenario/<feature path>/<name> — one scenario: steps with tables and errors, recorded events,
// attachments, and the earlier attempts of a retried one.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, badge = site.badge, pre = site.pre, data = site.data;

  site.stepView = function (st) {
    return h('li', { class: 'step step-' + st.status.replace(' ', '-') + (st.hook ? ' hook' : '') },
      badge(st.status), ' ', h('span', { class: 'keyword' }, st.keyword), ' ', h('span', { class: 'step-text' }, st.text),
      st.durationMs !== undefined ? h('span', { class: 'muted duration' }, ' ' + st.durationMs + ' ms') : null,
      st.table ? site.table(st.table) : null,
      st.docString ? pre(st.docString.content, 'docstring') : null,
      st.error ? pre(st.error, 'error') : null);
  };

  function eventsTable(events) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'events', id: 'recorded-events' },
      h('thead', null, h('tr', null, ['#', 'stream', 'version', 'event', 'data'].map(function (c) { return h('th', null, c); }))),
      h('tbody', null, events.map(function (e, i) {
        var known = site.eventsByName[e.type];
        return h('tr', { class: 'recorded-event', 'data-type': e.type },
          h('td', null, e.position !== undefined ? e.position : i + 1),
          h('td', null, e.streamId),
          h('td', null, e.version !== undefined ? e.version : ''),
          h('td', null, known ? link(site.nameHref('event', e.type), e.type) : e.type, e.schemaVersion ? h('span', { class: 'muted' }, ' v' + e.schemaVersion) : null),
          h('td', { class: 'event-data' }, pre(site.json(e.data), 'data')));
      }))));
  }

  // As users expect them: images shown, text decoded (terminal colours rendered), the rest downloadable.
  function attachment(a) {
    var label = a.mediaType + (a.fileName ? ' · ' + a.fileName : '');
    var body = null;
    if (a.text !== undefined) body = site.hasAnsi(a.text) ? h('pre', { class: 'ansi' }, site.ansi(a.text)) : pre(a.text);
    else if (a.dataUrl && /^image\//.test(a.mediaType)) body = h('img', { class: 'attached-image', src: a.dataUrl, alt: a.fileName || 'attached image' });
    else if (a.dataUrl) body = h('a', { class: 'download', href: a.dataUrl, download: a.fileName || 'attachment' }, 'Download');
    else if (a.bytes !== undefined) body = h('span', { class: 'muted' }, ' (' + a.bytes + ' bytes, too large to include)');
    return h('li', { class: 'attachment' }, h('span', { class: 'muted' }, label), body);
  }

  function attachments(list) {
    return [h('h3', null, 'Attachments'), h('ul', { id: 'attachments' }, list.map(attachment))];
  }

  site.views.scenario = function (main, key) {
    var s = site.scenarioByKey[key];
    var moved = null;
    if (!s && /^\d+$/.test(key) && data.scenarios[+key]) {
      // A link from before lasting links: positions move when scenarios are added.
      s = data.scenarios[+key];
      moved = h('p', { class: 'banner banner-partial', id: 'old-link' }, 'This link named the scenario by its position in the run, which moves when scenarios are added; this is the one at that position now. Its lasting link is ',
        link(site.scenarioHref(s), s.key), '.');
    }
    if (!s) return site.notFound(main, 'scenario ' + key);
    site.withDetails([s.id], function (failed) {
      if (failed.length) site.missingData(main, failed);
      else render(main, s, moved);
    });
    return s.name;
  };

  function render(main, s, moved) {
    var f = data.features[s.feature];
    var shownSteps = s.steps.filter(function (st) { return !st.hook || st.status !== 'passed'; });
    main.appendChild(h('section', { id: 'scenario', 'data-scenario': s.key },
      moved,
      h('p', { class: 'crumbs' }, link(site.featureHref(f), f.name), s.rule ? ' › ' + s.rule : ''),
      h('h2', null, badge(s.status), site.isFlaky(s) ? h('span', { class: 'status status-flaky' }, 'flaky') : null, ' ', h('span', { id: 'scenario-title' }, s.keyword + ': ' + s.name)),
      h('p', { class: 'muted' }, s.uri + (s.line ? ':' + s.line : ''),
        s.durationMs !== undefined ? ' · ' + s.durationMs + ' ms' : '',
        s.attempts > 1 ? ' · ' + s.attempts + ' attempts' : ''),
      s.tags.length ? h('p', null, s.tags.map(site.tagChip)) : null,
      site.historyStrip(s),
      s.description ? pre(s.description, 'description') : null,
      s.error ? h('div', { class: 'failure' }, h('h3', null, 'Why it ' + (s.status === 'failed' ? 'failed' : 'is ' + s.status)), pre(s.error, 'error')) : null,
      s.earlierErrors ? h('div', { class: 'earlier-attempts', id: 'earlier-attempts' }, h('h3', null, 'Earlier attempts (' + s.earlierErrors.length + ')'),
        s.earlierErrors.map(function (e) { return pre(e, 'error'); })) : null,
      h('h3', null, 'Steps'),
      h('ol', { class: 'steps' }, shownSteps.map(site.stepView)),
      h('h3', null, 'Recorded events (' + s.events.length + ')'),
      s.events.length ? eventsTable(s.events) : h('p', { class: 'muted', id: 'no-events' }, data.run.hasRecordedEvents ? 'This scenario recorded no events.' : 'The run did not attach recorded events.'),
      s.attachments.length ? attachments(s.attachments) : null));
  }

  site.views.failures = function (main) {
    main.appendChild(h('section', null, h('h2', null, 'Failures (' + site.failures.length + ')'),
      site.failures.length === 0 ? h('p', { class: 'empty' }, data.run.state === 'missing' ? 'No results to show.' : 'Every scenario that ran passed.') :
        site.lazyList(site.failures.map(function (s) { return s.id; }), function (id) {
          var s = data.scenarios[id];
          return h('li', { class: 'failure-row', 'data-scenario': s.key }, badge(s.status), ' ', link(site.scenarioHref(s), s.name),
            h('span', { class: 'muted' }, ' — ' + data.features[s.feature].name + ' (' + s.uri + (s.line ? ':' + s.line : '') + ')'),
            s.error ? pre(s.error, 'error') : null);
        }, 'failures')));
    return 'Failures';
  };
})(window.eventspecSite = window.eventspecSite || {});
