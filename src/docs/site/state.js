// The page's data, its indexes, links to things, and the scenario filters as they live in the URL.
(function (site) {
  'use strict';

  var data = JSON.parse(document.getElementById('eventspec-data').textContent);
  window.__EVENTSPEC__ = data;
  site.data = data;

  function index(list, key) {
    var map = Object.create(null);
    list.forEach(function (item) { map[item[key]] = item; });
    return map;
  }
  site.eventsByName = index(data.events, 'name');
  site.commandsByName = index(data.commands, 'name');
  site.aggregatesByName = index(data.aggregates, 'name');
  site.scenarioByKey = index(data.scenarios, 'key');
  site.featureByKey = index(data.features, 'key');

  // Keys hold slashes (feature paths); each segment is encoded on its own so the link stays readable.
  function path(key) {
    return key.split('/').map(encodeURIComponent).join('/');
  }
  site.scenarioHref = function (s) { return '#/scenario/' + path(s.key); };
  site.featureHref = function (f) { return '#/feature/' + path(f.key); };
  site.nameHref = function (kind, name) { return '#/' + kind + '/' + encodeURIComponent(name); };

  function counts(list) {
    var c = {};
    list.forEach(function (s) { c[s.status] = (c[s.status] || 0) + 1; });
    return c;
  }
  site.counts = counts;
  site.statusCounts = counts(data.scenarios);
  site.isFlaky = function (s) { return s.status === 'passed' && s.attempts > 1; };
  site.failures = data.scenarios.filter(function (s) { return site.FAILING[s.status]; });

  // ---- filters: #/scenarios?q=…&tags=…&status=… ----

  site.emptyFilters = function () { return { q: '', tags: '', status: '' }; };

  site.readFilters = function (query) {
    var f = site.emptyFilters();
    new URLSearchParams(query || '').forEach(function (value, key) { if (key in f) f[key] = value; });
    return f;
  };

  site.filtersQuery = function (f) {
    var params = new URLSearchParams();
    ['q', 'tags', 'status'].forEach(function (k) { if (f[k]) params.set(k, f[k]); });
    var q = params.toString();
    return q ? '?' + q : '';
  };

  // A tag expression as cucumber reads it (the official parser, shipped in the page), or why not.
  site.tagMatcher = function (expression) {
    if (!expression.trim()) return { test: function () { return true; } };
    try {
      var node = site.parseTagExpression(expression);
      return { test: function (tags) { return node.evaluate(tags); } };
    } catch (e) {
      return { error: e.message };
    }
  };

  var haystacks = null;
  function haystack(s) {
    var parts = [data.features[s.feature].name, s.name, s.rule || '', s.description, s.tags.join(' '), s.error || '', s.uri, s.status];
    s.steps.forEach(function (st) {
      parts.push(st.keyword + ' ' + st.text);
      if (st.table) st.table.forEach(function (row) { parts.push(row.join(' ')); });
      if (st.docString) parts.push(st.docString.content);
    });
    s.events.forEach(function (e) { parts.push(e.type, e.streamId); });
    return parts.join('\n').toLowerCase();
  }

  site.searchTerms = function (q) { return q.toLowerCase().split(/\s+/).filter(Boolean); };

  /** Ids of the scenarios the filters let through, and the tag expression's error if it has one. */
  site.matching = function (f) {
    var terms = site.searchTerms(f.q);
    if (terms.length > 0 && !haystacks) haystacks = data.scenarios.map(haystack);
    var tags = site.tagMatcher(f.tags);
    var out = [];
    if (tags.error) return { ids: out, error: tags.error };
    for (var i = 0; i < data.scenarios.length; i++) {
      var s = data.scenarios[i];
      if (f.status === 'flaky' ? !site.isFlaky(s) : f.status && s.status !== f.status) continue;
      if (!tags.test(s.tags)) continue;
      var ok = true;
      for (var t = 0; t < terms.length && ok; t++) ok = haystacks[i].indexOf(terms[t]) >= 0;
      if (ok) out.push(i);
    }
    return { ids: out };
  };

  site.allTags = function () {
    var seen = Object.create(null);
    data.scenarios.forEach(function (s) { s.tags.forEach(function (t) { seen[t] = (seen[t] || 0) + 1; }); });
    return Object.keys(seen).sort().map(function (t) { return { tag: t, n: seen[t] }; });
  };
})(window.eventspecSite = window.eventspecSite || {});
