// The page's data, its indexes, links to things, and the scenario filters as they live in the URL.
(function (site) {
  'use strict';

  var h = site.h;
  // The inline data is packed (src/docs/sitePacking.ts says how); put back what was left out.
  function expand(runs) {
    var ids = [];
    for (var r = 0; r < runs.length; r += 2) for (var n = 0; n < runs[r + 1]; n++) ids.push(runs[r] + n);
    return ids;
  }
  var ID_LISTS = ['usedIn', 'recordedIn', 'mentionedIn', 'scenarios'];
  function unpackLists(item) {
    ID_LISTS.forEach(function (name) {
      if (!item[name + 'Runs']) return;
      item[name] = expand(item[name + 'Runs']);
      delete item[name + 'Runs'];
    });
  }
  function unpackParts(parts) {
    var out = [];
    parts.forEach(function (part) {
      if (part.kind === 'scenarios') expand(part.runs).forEach(function (id) { out.push({ kind: 'scenario', scenario: id }); });
      else {
        if (part.kind === 'rule') part.parts = unpackParts(part.parts);
        out.push(part);
      }
    });
    return out;
  }
  function unpack(data) {
    data.features.forEach(function (f) { f.parts = unpackParts(f.parts); unpackLists(f); });
    [data.glossary, data.events, data.commands].forEach(function (list) { list.forEach(unpackLists); });
    data.scenarios.forEach(function (s, i) {
      var f = data.features[s.feature];
      if (s.id === undefined) s.id = i;
      if (s.key === undefined) { s.key = f.key + '/' + s.k; delete s.k; }
      if (s.keyword === undefined) s.keyword = 'Scenario';
      if (s.tags === undefined) { s.tags = s.t.length ? f.tags.concat(s.t) : f.tags; delete s.t; }
      if (s.uri === undefined) s.uri = f.uri;
      if (s.attempts === undefined) s.attempts = 1;
    });
    return data;
  }
  var data = unpack(JSON.parse(document.getElementById('eventspec-data').textContent));
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

  // ---- data loaded when a view needs it ----
  // The page inlines each scenario's summary; its steps, events and attachments come in files of
  // data.details.size scenarios (details/<n>.js), and the search text in search/<n>.js, each loaded by a
  // script tag (a page opened from file:// cannot fetch). At 20,000 scenarios the inline part is
  // what the first view needs, so the page is usable before the rest is read.
  var files = Object.create(null); // src -> 'loading' | 'loaded' | 'failed'
  var waiting = [];
  site.pending = 0;
  site.route = 0;

  function settle() {
    waiting = waiting.filter(function (w) {
      if (!w.srcs.every(function (src) { return files[src] === 'loaded' || files[src] === 'failed'; })) return true;
      site.pending -= 1;
      var failed = w.srcs.filter(function (src) { return files[src] === 'failed'; });
      if (w.route === site.route) w.done(failed);
      return false;
    });
    if (site.pending === 0) site.onSettled.splice(0).forEach(function (f) { f(); });
  }
  site.onSettled = [];

  function load(srcs, done) {
    var route = site.route;
    srcs = srcs.filter(function (src, i) { return srcs.indexOf(src) === i; });
    if (srcs.every(function (src) { return files[src] === 'loaded'; })) return done([]);
    site.pending += 1;
    waiting.push({ srcs: srcs, done: done, route: route });
    srcs.forEach(function (src) {
      if (files[src]) return;
      files[src] = 'loading';
      var tag = document.createElement('script');
      tag.src = src;
      tag.onerror = function () { files[src] = 'failed'; settle(); };
      document.head.appendChild(tag);
    });
    // A file that failed before (read in the background) is not asked for again.
    if (srcs.every(function (src) { return files[src] === 'loaded' || files[src] === 'failed'; })) settle();
  }

  // Native where the browser has it (2025 on): a tenth of the time of the loop.
  function base64Bytes(packed) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(packed);
    var bin = atob(packed);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  // A data file's text arrives gzipped and base64-encoded (src/docs/writeSite.ts, writeDataFile);
  // the browser inflates it natively, off the script's path.
  function inflate(src, packed, use) {
    var failed = function (why) {
      files[src] = 'failed';
      reasons[src] = why;
      settle();
    };
    if (typeof DecompressionStream !== 'function') return failed('this browser cannot inflate it (DecompressionStream is missing: use a browser from 2023 or later)');
    var bytes;
    try { bytes = base64Bytes(packed); } catch (e) { return failed('it was written by another version of eventspec; build the documentation again'); }
    // Read chunk by chunk and decoded once: three times faster than new Response(stream).text().
    var reader = new ReadableStream({ start: function (c) { c.enqueue(bytes); c.close(); } }).pipeThrough(new DecompressionStream('gzip')).getReader();
    var chunks = [];
    var size = 0;
    (function next() {
      reader.read().then(function (step) {
        if (!step.done) {
          chunks.push(step.value);
          size += step.value.length;
          return next();
        }
        var all = new Uint8Array(size);
        var at = 0;
        chunks.forEach(function (c) { all.set(c, at); at += c.length; });
        use(new TextDecoder().decode(all));
        files[src] = 'loaded';
        settle();
      }).catch(function (e) { failed('it is damaged (' + e.message + ')'); });
    })();
  }
  var reasons = Object.create(null);

  // Called by each details/<n>.js and search/<n>.js as they load.
  site.details = function (n, packed) {
    inflate('details/' + n + '.js', packed, function (text) {
      var size = data.details.size;
      JSON.parse(text).forEach(function (d, i) { Object.assign(data.scenarios[n * size + i], d); });
    });
  };
  // What a search looks in, per scenario: the summary's names, tags, error, file and status, and
  // the file's description, steps, tables and events (lower-cased at build time). The summary's
  // part is made as each file comes in, so a first search does not wait for all of them at once.
  var summaryText = new Array(data.scenarios.length);
  var searchText = new Array(data.scenarios.length);
  var searchFiles = 0;
  site.searchText = function (n, packed) {
    inflate('search/' + n + '.js', packed, function (text) {
      var first = n * data.search.size;
      // One string per file: the scenarios' texts, separated by U+0001.
      text.split('\u0001').forEach(function (t, i) {
        var s = data.scenarios[first + i];
        if (!s) return;
        searchText[first + i] = t;
        summaryText[first + i] = site.fold([data.features[s.feature].name, s.name, s.rule || '', s.tags.join(' '), s.error || '', s.uri, s.status].join('\n'));
      });
      searchFiles += 1;
    });
  };
  site.searchReady = function () { return searchFiles === data.search.files; };

  /** Runs `done` once these scenarios' steps, events and attachments are in (at once, if they are). */
  site.withDetails = function (ids, done) {
    var size = data.details.size;
    load(ids.map(function (id) { return 'details/' + Math.floor(id / size) + '.js'; }), done);
  };
  // Two files at a time (one read while the other is inflated), each inflated in its own task
  // (~15 ms), so the page keeps answering meanwhile; asking for all at once made the first view
  // answer ~140 ms later. A search typed before they are all in asks for the rest at once (withSearch).
  site.readSearchInBackground = function () {
    var n = 0;
    next();
    next();
    function next() {
      while (n < data.search.files && files['search/' + n + '.js']) n += 1;
      if (n >= data.search.files) return;
      var tag = document.createElement('script');
      var src = 'search/' + n + '.js';
      files[src] = 'loading';
      tag.src = src;
      tag.onload = function () { setTimeout(next, 0); };
      tag.onerror = function () { files[src] = 'failed'; settle(); };
      document.head.appendChild(tag);
    }
  };
  site.withSearch = function (done) {
    var srcs = [];
    for (var n = 0; n < data.search.files; n++) srcs.push('search/' + n + '.js');
    load(srcs, done);
  };

  // Shown in place of a view whose data file could not be read.
  site.missingData = function (main, failed) {
    failed.forEach(function (src) {
      main.appendChild(h('p', { class: 'banner banner-partial', role: 'alert' }, 'This page\'s data file ' + src + ' could not be read: ' +
        (reasons[src] ? reasons[src] + '.' : 'it is missing beside index.html. Copy the whole site folder, or build the documentation again.')));
    });
  };

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

  // What a search looks in: names, tags, error, steps, tables and events, lower-cased at build time (search/<n>.js).

  // Words, or a "phrase in quotes" as one term.
  site.searchTerms = function (q) {
    return (q.match(/"[^"]*"|\S+/g) || []).map(function (t) { return site.fold(t.replace(/^"|"$/g, '')); }).filter(Boolean);
  };

  /** Ids of the scenarios the filters let through, and the tag expression's error if it has one. */
  site.matching = function (f) {
    var terms = site.searchTerms(f.q);
    if (terms.length > 0 && !site.searchReady()) return { ids: [], waiting: true };
    var tags = site.tagMatcher(f.tags);
    var out = [];
    if (tags.error) return { ids: out, error: tags.error };
    for (var i = 0; i < data.scenarios.length; i++) {
      var s = data.scenarios[i];
      if (f.status === 'flaky' ? !site.isFlaky(s) : f.status && s.status !== f.status) continue;
      if (!tags.test(s.tags)) continue;
      var ok = true;
      for (var t = 0; t < terms.length && ok; t++) ok = summaryText[i].indexOf(terms[t]) >= 0 || searchText[i].indexOf(terms[t]) >= 0;
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
