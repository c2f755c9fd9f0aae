// #/scenarios?q=&tags=&status= — every scenario, searchable, filtered by a tag expression and status.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, badge = site.badge, data = site.data;

  function scenarioRow(terms) {
    return function (id) {
      var s = data.scenarios[id];
      var f = data.features[s.feature];
      return h('li', { class: 'scenario-row', 'data-scenario': s.key, 'data-status': s.status },
        badge(s.status), site.isFlaky(s) ? h('span', { class: 'status status-flaky' }, 'flaky') : null, ' ',
        link(site.scenarioHref(s), site.highlight(s.name, terms), { class: 'scenario-name' }),
        h('span', { class: 'muted' }, ' — ', link(site.featureHref(f), f.name)),
        s.tags.length ? h('span', { class: 'tags' }, s.tags.map(site.tagChip)) : null,
        s.error ? h('div', { class: 'error-line' }, site.gist(s.error)) : null);
    };
  }

  function catalogHits(q) {
    q = site.fold(q).trim();
    if (!q) return null;
    var hits = [];
    function add(list, kind, cls) {
      list.forEach(function (c) {
        if (site.fold(c.name + ' ' + (c.description || '')).indexOf(q) >= 0) hits.push(link(site.nameHref(kind, c.name), c.name, { class: 'chip ' + cls }));
      });
    }
    add(data.events, 'event', 'event');
    add(data.commands, 'command', 'command');
    add(data.aggregates, 'aggregate', 'aggregate');
    return hits.length ? h('p', { id: 'catalog-hits' }, 'In the catalog: ', hits) : null;
  }

  site.views.scenarios = function (main, arg, query) {
    var filters = site.readFilters(query);
    var results = h('div', { id: 'results' });
    function refresh() {
      site.cleanup.forEach(function (f) { f(); });
      site.cleanup = [];
      results.textContent = '';
      var found = site.matching(filters);
      if (found.waiting) {
        results.appendChild(h('p', { id: 'searching', class: 'muted' }, 'Searching…'));
        site.withSearch(function (failed) { if (failed.length) site.missingData(results, failed); else refresh(); });
        return;
      }
      if (found.error) {
        results.appendChild(h('p', { id: 'tag-error', class: 'error-line', role: 'alert' }, 'The tag expression "' + filters.tags + '" cannot be read: ' + found.error));
        return;
      }
      results.appendChild(h('p', { id: 'result-count', class: 'muted', 'data-query': filters.q }, found.ids.length + ' of ' + site.count(data.scenarios.length, 'scenario')));
      site.append(results, catalogHits(filters.q));
      results.appendChild(found.ids.length ? site.lazyList(found.ids, scenarioRow(site.searchTerms(filters.q)), 'scenarios') : h('p', { class: 'empty' }, 'No scenario matches.'));
    }
    // The URL follows the filters (replaced, not pushed: Back leaves the list, not each keystroke).
    function update() {
      history.replaceState(null, '', '#/scenarios' + site.filtersQuery(filters));
      refresh();
    }
    var timer = null;
    var search = h('input', { id: 'search', type: 'search', placeholder: 'Search scenarios, steps, tables, errors, events…', value: filters.q, 'aria-label': 'search', oninput: function () {
      filters.q = search.value;
      // The search text not read yet is asked for now, not after the pause for typing.
      if (site.searchTerms(filters.q).length > 0 && !site.searchReady()) site.withSearch(function () {});
      clearTimeout(timer);
      timer = setTimeout(function () { if (search.isConnected) update(); }, 60);
    } });
    var statusSelect = h('select', { id: 'status-filter', 'aria-label': 'status', onchange: function () { filters.status = statusSelect.value; update(); } },
      h('option', { value: '' }, 'any status'),
      site.STATUS_ORDER.filter(function (s) { return site.statusCounts[s]; }).map(function (s) { return h('option', { value: s }, s + ' (' + site.statusCounts[s] + ')'); }),
      h('option', { value: 'flaky' }, 'flaky: passed after retry (' + data.scenarios.filter(site.isFlaky).length + ')'));
    statusSelect.value = filters.status;
    // Applied as it is typed (after a pause), and at once on Enter or leaving the box.
    var tagTimer = null;
    function applyTags() {
      clearTimeout(tagTimer);
      // The reader may have moved to another view during the pause.
      if (!expression.isConnected || filters.tags === expression.value.trim()) return;
      filters.tags = expression.value.trim();
      tagSelect.value = site.allTags().some(function (t) { return t.tag === filters.tags; }) ? filters.tags : '';
      update();
    }
    var expression = h('input', { id: 'tag-expression', type: 'text', value: filters.tags, 'aria-label': 'tag expression', placeholder: 'Tags, e.g. @smoke and not @wip', onchange: applyTags, oninput: function () {
      clearTimeout(tagTimer);
      tagTimer = setTimeout(applyTags, 300);
    } });
    var tagSelect = h('select', { id: 'tag-filter', 'aria-label': 'tag', onchange: function () {
      filters.tags = tagSelect.value;
      expression.value = tagSelect.value;
      update();
    } },
      h('option', { value: '' }, 'any tag'),
      site.allTags().map(function (t) { return h('option', { value: t.tag }, t.tag + ' (' + t.n + ')'); }));
    tagSelect.value = site.allTags().some(function (t) { return t.tag === filters.tags; }) ? filters.tags : '';
    var clear = h('button', { type: 'button', id: 'clear-filters', onclick: function () {
      filters = site.emptyFilters();
      search.value = ''; statusSelect.value = ''; tagSelect.value = ''; expression.value = '';
      update();
    } }, 'Clear');
    main.appendChild(h('section', null, h('div', { class: 'controls' }, search, expression, tagSelect, statusSelect, clear), results));
    refresh();
    return filters.q || filters.tags || filters.status ? 'Scenarios (filtered)' : 'Scenarios';
  };
})(window.eventspecSite = window.eventspecSite || {});
