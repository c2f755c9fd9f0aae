// eventspec living documentation. Plain browser script, no network: the data is inlined in the page.
// Every piece of user text reaches the page as a text node (never as HTML).
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('eventspec-data').textContent);
  window.__EVENTSPEC__ = data;

  var PAGE = 100;
  var FAILING = { failed: 1, ambiguous: 1, undefined: 1, pending: 1, incomplete: 1 };
  var STATUS_ORDER = ['failed', 'ambiguous', 'undefined', 'pending', 'incomplete', 'skipped', 'unknown', 'passed', 'not run'];
  var eventsByName = index(data.events, 'name');
  var commandsByName = index(data.commands, 'name');
  var aggregatesByName = index(data.aggregates, 'name');
  var filters = { q: '', tag: '', status: '' };
  var haystacks = null;
  var cleanup = [];

  function index(list, key) {
    var map = Object.create(null);
    list.forEach(function (item) { map[item[key]] = item; });
    return map;
  }

  // h('a', { href: '#/x', class: 'c' }, 'text', child, [more]) — strings become text nodes.
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
        else if (k === 'class') el.className = v;
        else if (k === 'value') el.value = v;
        else el.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else if (typeof child === 'object' && child.nodeType) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }

  function link(hash, text, attrs) {
    var a = h('a', Object.assign({ href: hash }, attrs || {}), text);
    return a;
  }

  function badge(status) {
    return h('span', { class: 'status status-' + status.replace(' ', '-'), 'data-status': status }, status);
  }

  function tagChip(tag) {
    return h('button', { class: 'tag', type: 'button', 'data-tag': tag, title: 'show scenarios tagged ' + tag, onclick: function () {
      filters.tag = tag;
      go('#/scenarios');
    } }, tag);
  }

  // The first few lines of an error that say what went wrong, without the stack.
  function gist(error) {
    var lines = error.split('\n').filter(function (l) { return l.trim() !== '' && !/^\s+at /.test(l); });
    var text = lines.slice(0, 3).join('\n');
    return text.length > 300 ? text.slice(0, 300) + '…' : text;
  }

  function pre(text, cls) {
    return h('pre', { class: cls || '' }, text);
  }

  function json(value) {
    try { return JSON.stringify(value, null, 2); } catch (e) { return String(value); }
  }

  function go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  function scenarioLink(id) {
    var s = data.scenarios[id];
    return h('li', { class: 'scenario-ref' }, badge(s.status), ' ', link('#/scenario/' + id, s.name, { 'data-scenario': String(id) }),
      h('span', { class: 'muted' }, ' — ' + data.features[s.feature].name));
  }

  function scenarioRefs(ids, empty) {
    if (!ids || ids.length === 0) return h('p', { class: 'muted' }, empty);
    return lazyList(ids, scenarioLink, 'refs');
  }

  // Renders a long list a page at a time: the first page at once, the rest as it scrolls into view.
  function lazyList(items, render, cls) {
    var ul = h('ul', { class: 'list ' + (cls || '') });
    var shown = 0;
    var more = h('button', { type: 'button', class: 'more', onclick: next });
    function next() {
      var end = Math.min(items.length, shown + PAGE);
      var frag = document.createDocumentFragment();
      for (; shown < end; shown++) frag.appendChild(render(items[shown]));
      ul.appendChild(frag);
      if (shown >= items.length) more.remove();
      else more.textContent = 'Show more (' + (items.length - shown) + ' left)';
    }
    var wrap = h('div', null, ul, more);
    next();
    if ('IntersectionObserver' in window && shown < items.length) {
      var io = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) next();
        if (shown >= items.length) io.disconnect();
      });
      io.observe(more);
      cleanup.push(function () { io.disconnect(); });
    }
    return wrap;
  }

  // ---------- header and navigation ----------

  function counts(list) {
    var c = {};
    list.forEach(function (s) { c[s.status] = (c[s.status] || 0) + 1; });
    return c;
  }

  var statusCounts = counts(data.scenarios);
  var failures = data.scenarios.filter(function (s) { return FAILING[s.status]; });

  function header() {
    var run = data.run;
    var summary = h('div', { class: 'summary' }, STATUS_ORDER.filter(function (s) { return statusCounts[s]; }).map(function (s) {
      return h('span', { class: 'count' }, badge(s), ' ' + statusCounts[s]);
    }));
    var problems = run.problems.length > 0 ? h('div', { class: 'banner banner-' + run.state, role: 'status', id: 'run-problems' },
      h('strong', null, run.state === 'missing' ? 'Results are missing. ' : run.state === 'partial' ? 'Results are incomplete. ' : 'Notes on the run. '),
      h('ul', null, run.problems.map(function (p) { return h('li', null, p); }))) : null;
    var when = run.finishedAt || run.startedAt;
    return h('header', null,
      h('h1', null, link('#/', data.title)),
      h('p', { class: 'muted' }, data.scenarios.length + ' scenarios in ' + data.features.length + ' features',
        when ? ' · last run ' + when.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '',
        run.implementation ? ' · ' + run.implementation : '',
        ' · built ' + data.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')),
      summary, problems,
      h('nav', null,
        link('#/scenarios', 'Scenarios', { id: 'nav-scenarios' }),
        link('#/failures', 'Failures (' + failures.length + ')', { id: 'nav-failures' }),
        link('#/aggregates', 'Aggregates (' + data.aggregates.length + ')', { id: 'nav-aggregates' }),
        link('#/events', 'Events (' + data.events.length + ')', { id: 'nav-events' }),
        link('#/commands', 'Commands (' + data.commands.length + ')', { id: 'nav-commands' }),
        link('#/glossary', 'Step glossary (' + data.glossary.length + ')', { id: 'nav-glossary' }),
        link('#/uncovered', 'Not covered', { id: 'nav-uncovered' })));
  }

  // ---------- scenarios: search and filters ----------

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

  function matching() {
    var terms = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length > 0 && !haystacks) haystacks = data.scenarios.map(haystack);
    var out = [];
    for (var i = 0; i < data.scenarios.length; i++) {
      var s = data.scenarios[i];
      if (filters.status && s.status !== filters.status) continue;
      if (filters.tag && s.tags.indexOf(filters.tag) < 0) continue;
      var ok = true;
      for (var t = 0; t < terms.length && ok; t++) ok = haystacks[i].indexOf(terms[t]) >= 0;
      if (ok) out.push(i);
    }
    return out;
  }

  function allTags() {
    var seen = Object.create(null);
    data.scenarios.forEach(function (s) { s.tags.forEach(function (t) { seen[t] = (seen[t] || 0) + 1; }); });
    return Object.keys(seen).sort().map(function (t) { return { tag: t, n: seen[t] }; });
  }

  function scenarioRow(id) {
    var s = data.scenarios[id];
    return h('li', { class: 'scenario-row', 'data-scenario': String(id), 'data-status': s.status },
      badge(s.status), ' ',
      link('#/scenario/' + id, s.name, { class: 'scenario-name' }),
      h('span', { class: 'muted' }, ' — ', link('#/feature/' + s.feature, data.features[s.feature].name)),
      s.tags.length ? h('span', { class: 'tags' }, s.tags.map(tagChip)) : null,
      s.error ? h('div', { class: 'error-line' }, gist(s.error)) : null);
  }

  function catalogHits() {
    var q = filters.q.toLowerCase().trim();
    if (!q) return null;
    var hits = [];
    data.events.forEach(function (e) { if ((e.name + ' ' + (e.description || '')).toLowerCase().indexOf(q) >= 0) hits.push(link('#/event/' + encodeURIComponent(e.name), e.name, { class: 'chip event' })); });
    data.commands.forEach(function (c) { if ((c.name + ' ' + (c.description || '')).toLowerCase().indexOf(q) >= 0) hits.push(link('#/command/' + encodeURIComponent(c.name), c.name, { class: 'chip command' })); });
    data.aggregates.forEach(function (a) { if ((a.name + ' ' + (a.description || '')).toLowerCase().indexOf(q) >= 0) hits.push(link('#/aggregate/' + encodeURIComponent(a.name), a.name, { class: 'chip aggregate' })); });
    return hits.length ? h('p', { id: 'catalog-hits' }, 'In the catalog: ', hits) : null;
  }

  function scenariosView(main) {
    var results = h('div', { id: 'results' });
    function refresh() {
      results.textContent = '';
      cleanup.forEach(function (f) { f(); });
      cleanup = [];
      var ids = matching();
      results.appendChild(h('p', { id: 'result-count', class: 'muted' }, ids.length + ' of ' + data.scenarios.length + ' scenarios'));
      append(results, catalogHits());
      results.appendChild(ids.length ? lazyList(ids, scenarioRow, 'scenarios') : h('p', { class: 'empty' }, 'No scenario matches.'));
    }
    var timer = null;
    var search = h('input', { id: 'search', type: 'search', placeholder: 'Search scenarios, steps, tables, errors, events…', value: filters.q, 'aria-label': 'search', oninput: function () {
      filters.q = search.value;
      clearTimeout(timer);
      timer = setTimeout(refresh, 60);
    } });
    var statusSelect = h('select', { id: 'status-filter', 'aria-label': 'status', onchange: function () { filters.status = statusSelect.value; refresh(); } },
      h('option', { value: '' }, 'any status'),
      STATUS_ORDER.filter(function (s) { return statusCounts[s]; }).map(function (s) { return h('option', { value: s }, s + ' (' + statusCounts[s] + ')'); }));
    statusSelect.value = filters.status;
    var tagSelect = h('select', { id: 'tag-filter', 'aria-label': 'tag', onchange: function () { filters.tag = tagSelect.value; refresh(); } },
      h('option', { value: '' }, 'any tag'),
      allTags().map(function (t) { return h('option', { value: t.tag }, t.tag + ' (' + t.n + ')'); }));
    tagSelect.value = filters.tag;
    var clear = h('button', { type: 'button', id: 'clear-filters', onclick: function () { filters = { q: '', tag: '', status: '' }; search.value = ''; statusSelect.value = ''; tagSelect.value = ''; refresh(); } }, 'Clear');
    main.appendChild(h('section', null, h('div', { class: 'controls' }, search, statusSelect, tagSelect, clear), results));
    refresh();
  }

  // ---------- one feature, one scenario ----------

  function featureView(main, id) {
    var f = data.features[+id];
    if (!f) return notFound(main, 'feature ' + id);
    main.appendChild(h('section', null,
      h('h2', null, f.keyword + ': ' + f.name),
      h('p', { class: 'muted' }, f.uri), f.tags.length ? h('p', null, f.tags.map(tagChip)) : null,
      f.description ? pre(f.description, 'description') : null,
      scenarioRefs(f.scenarios, 'This feature has no scenarios.')));
  }

  function stepView(st) {
    return h('li', { class: 'step step-' + st.status.replace(' ', '-') + (st.hook ? ' hook' : '') },
      badge(st.status), ' ', h('span', { class: 'keyword' }, st.keyword), ' ', h('span', { class: 'step-text' }, st.text),
      st.table ? tableView(st.table) : null,
      st.docString ? pre(st.docString.content, 'docstring') : null,
      st.error ? pre(st.error, 'error') : null);
  }

  function tableView(rows) {
    return h('table', { class: 'datatable' }, rows.map(function (row) {
      return h('tr', null, row.map(function (cell) { return h('td', null, cell); }));
    }));
  }

  function eventsTable(events) {
    return h('table', { class: 'events', id: 'recorded-events' },
      h('thead', null, h('tr', null, ['#', 'stream', 'version', 'event', 'data'].map(function (c) { return h('th', null, c); }))),
      h('tbody', null, events.map(function (e, i) {
        var known = eventsByName[e.type];
        return h('tr', { class: 'recorded-event', 'data-type': e.type },
          h('td', null, e.position !== undefined ? e.position : i + 1),
          h('td', null, e.streamId),
          h('td', null, e.version !== undefined ? e.version : ''),
          h('td', null, known ? link('#/event/' + encodeURIComponent(e.type), e.type) : e.type, e.schemaVersion ? h('span', { class: 'muted' }, ' v' + e.schemaVersion) : null),
          h('td', null, pre(json(e.data), 'data')));
      })));
  }

  function scenarioView(main, id) {
    var s = data.scenarios[+id];
    if (!s) return notFound(main, 'scenario ' + id);
    var f = data.features[s.feature];
    var shownSteps = s.steps.filter(function (st) { return !st.hook || st.status !== 'passed'; });
    main.appendChild(h('section', { id: 'scenario', 'data-scenario': String(s.id) },
      h('p', { class: 'crumbs' }, link('#/feature/' + f.id, f.name), s.rule ? ' › ' + s.rule : ''),
      h('h2', null, badge(s.status), ' ', h('span', { id: 'scenario-title' }, s.keyword + ': ' + s.name)),
      h('p', { class: 'muted' }, s.uri + (s.line ? ':' + s.line : ''),
        s.durationMs !== undefined ? ' · ' + s.durationMs + ' ms' : '',
        s.attempts > 1 ? ' · ' + s.attempts + ' attempts' : ''),
      s.tags.length ? h('p', null, s.tags.map(tagChip)) : null,
      s.description ? pre(s.description, 'description') : null,
      s.error ? h('div', { class: 'failure' }, h('h3', null, 'Why it ' + (s.status === 'failed' ? 'failed' : 'is ' + s.status)), pre(s.error, 'error')) : null,
      h('h3', null, 'Steps'),
      h('ol', { class: 'steps' }, shownSteps.map(stepView)),
      h('h3', null, 'Recorded events (' + s.events.length + ')'),
      s.events.length ? eventsTable(s.events) : h('p', { class: 'muted', id: 'no-events' }, data.run.hasRecordedEvents ? 'This scenario recorded no events.' : 'The run did not attach recorded events.'),
      s.attachments.length ? [h('h3', null, 'Attachments'), h('ul', null, s.attachments.map(function (a) {
        return h('li', null, h('span', { class: 'muted' }, a.mediaType + (a.fileName ? ' · ' + a.fileName : '')), a.text !== undefined ? pre(a.text) : null);
      }))] : null));
  }

  function failuresView(main) {
    main.appendChild(h('section', null, h('h2', null, 'Failures (' + failures.length + ')'),
      failures.length === 0 ? h('p', { class: 'empty' }, data.run.state === 'missing' ? 'No results to show.' : 'Every scenario that ran passed.') :
        lazyList(failures.map(function (s) { return s.id; }), function (id) {
          var s = data.scenarios[id];
          return h('li', { class: 'failure-row', 'data-scenario': String(id) }, badge(s.status), ' ', link('#/scenario/' + id, s.name),
            h('span', { class: 'muted' }, ' — ' + data.features[s.feature].name + ' (' + s.uri + (s.line ? ':' + s.line : '') + ')'),
            s.error ? pre(s.error, 'error') : null);
        }, 'failures')));
  }

  // ---------- catalogs ----------

  function fieldsTable(schema) {
    if (schema.problem) return h('p', { class: 'error-line' }, schema.problem);
    if (schema.fields.length === 0) return h('p', { class: 'muted' }, 'No fields.');
    return h('table', { class: 'fields' }, h('thead', null, h('tr', null, ['field', 'type', 'required', 'default', 'description'].map(function (c) { return h('th', null, c); }))),
      h('tbody', null, schema.fields.map(function (f) {
        return h('tr', null, h('td', null, h('code', null, f.path)), h('td', null, f.type), h('td', null, f.required ? 'yes' : 'no'),
          h('td', null, f.default !== undefined ? json(f.default) : ''), h('td', null, f.description || ''));
      })));
  }

  function catalogView(main, kind) {
    var list = kind === 'event' ? data.events : data.commands;
    var title = kind === 'event' ? 'Events' : 'Commands';
    main.appendChild(h('section', null, h('h2', null, title + ' (' + list.length + ')'),
      list.length === 0 ? h('p', { class: 'empty' }, 'No domain registry was given, so there is no catalog.') :
        h('table', { class: 'catalog', id: kind + '-catalog' }, h('thead', null, h('tr', null, ['name', 'aggregate', 'version', 'description', 'scenarios'].map(function (c) { return h('th', null, c); }))),
          h('tbody', null, list.map(function (c) {
            var n = kind === 'event' && data.run.hasRecordedEvents ? c.recordedIn.length : c.mentionedIn.length;
            return h('tr', { 'data-name': c.name }, h('td', null, link('#/' + kind + '/' + encodeURIComponent(c.name), c.name)),
              h('td', null, link('#/aggregate/' + encodeURIComponent(c.aggregate), c.aggregate)), h('td', null, 'v' + c.version),
              h('td', null, c.description || ''), h('td', { class: n === 0 ? 'uncovered' : '' }, n === 0 ? 'none' : String(n)));
          })))));
  }

  function contractView(main, kind, name) {
    var c = (kind === 'event' ? eventsByName : commandsByName)[name];
    if (!c) return notFound(main, kind + ' ' + name);
    main.appendChild(h('section', { id: 'contract', 'data-name': c.name },
      h('p', { class: 'crumbs' }, link('#/' + kind + 's', kind === 'event' ? 'Events' : 'Commands'), ' › ', link('#/aggregate/' + encodeURIComponent(c.aggregate), c.aggregate)),
      h('h2', null, h('span', { class: 'chip ' + kind }, kind), ' ', c.name, h('span', { class: 'muted' }, ' v' + c.version)),
      c.description ? h('p', null, c.description) : null,
      h('h3', null, 'Fields'), fieldsTable(c.schema),
      c.example !== undefined ? [h('h3', null, 'Example'), pre(json(c.example), 'data')] : null,
      c.upcasters.length ? [h('h3', null, 'Older versions'), c.upcasters.map(function (u) {
        return h('div', { class: 'upcaster' }, h('h4', null, 'v' + u.from + ' → v' + u.to + ' (upcast on read)'), fieldsTable(u.schema));
      })] : null,
      h('details', null, h('summary', null, 'JSON Schema'), pre(json(c.schema.jsonSchema), 'data')),
      kind === 'event' ? [h('h3', null, 'Recorded in (' + c.recordedIn.length + ')'), h('div', { id: 'recorded-in' }, scenarioRefs(c.recordedIn, data.run.hasRecordedEvents ? 'No scenario recorded this event.' : 'The run did not attach recorded events.'))] : null,
      h('h3', null, 'Named in the steps of (' + c.mentionedIn.length + ')'), h('div', { id: 'mentioned-in' }, scenarioRefs(c.mentionedIn, 'No scenario names it.'))));
  }

  function aggregatesView(main) {
    main.appendChild(h('section', null, h('h2', null, 'Aggregates (' + data.aggregates.length + ')'),
      data.aggregates.length === 0 ? h('p', { class: 'empty' }, 'No domain registry was given.') :
        h('ul', { class: 'list' }, data.aggregates.map(function (a) {
          return h('li', null, link('#/aggregate/' + encodeURIComponent(a.name), a.name), a.description ? h('span', { class: 'muted' }, ' — ' + a.description) : null,
            h('div', { class: 'muted' }, a.commands.length + ' commands, ' + a.events.length + ' events, ' + a.rejections.length + ' rejections'));
        }))));
  }

  function aggregateView(main, name) {
    var a = aggregatesByName[name];
    if (!a) return notFound(main, 'aggregate ' + name);
    var diagram = h('div', { class: 'diagram', id: 'diagram' }, h('p', { class: 'muted' }, 'Drawing the diagram…'));
    main.appendChild(h('section', { id: 'aggregate', 'data-name': a.name },
      h('h2', null, a.name), a.description ? h('p', null, a.description) : null,
      h('h3', null, 'Commands → events'), diagram,
      h('table', { class: 'flows' }, h('thead', null, h('tr', null, ['command', 'records', 'may be rejected with', 'known from'].map(function (c) { return h('th', null, c); }))),
        h('tbody', null, a.flows.map(function (f) {
          return h('tr', null, h('td', null, link('#/command/' + encodeURIComponent(f.command), f.command)),
            h('td', null, f.events.map(function (e) { return link('#/event/' + encodeURIComponent(e), e, { class: 'chip event' }); })),
            h('td', null, f.rejections.join(', ')),
            h('td', { class: 'muted' }, f.source === 'both' ? 'the run and the examples' : f.source === 'observed' ? 'the run' : 'the examples'));
        }))),
      h('h3', null, 'Rejections'),
      a.rejections.length ? h('ul', null, a.rejections.map(function (r) {
        return h('li', null, h('strong', null, r.name), ' — ' + r.description + ' ', h('span', { class: r.seenIn.length ? 'muted' : 'uncovered' }, r.seenIn.length ? '(in ' + r.seenIn.length + ' scenarios)' : '(no scenario)'));
      })) : h('p', { class: 'muted' }, 'None declared.'),
      a.invariants.length ? [h('h3', null, 'Invariants'), h('ul', null, a.invariants.map(function (i) { return h('li', null, i); }))] : null,
      a.snapshotEvery ? h('p', { class: 'muted' }, 'Snapshot every ' + a.snapshotEvery + ' events.') : null,
      h('details', null, h('summary', null, 'Diagram source'), pre(a.diagram))));
    drawDiagram(diagram, a.diagram);
  }

  // Mermaid is large: it loads only when a diagram is first shown.
  var mermaidReady = null;
  var diagramCount = 0;
  function loadMermaid() {
    if (!mermaidReady) {
      mermaidReady = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = 'mermaid.min.js';
        script.onload = function () {
          window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { htmlLabels: false } });
          resolve(window.mermaid);
        };
        script.onerror = function () { reject(new Error('mermaid.min.js could not be loaded')); };
        document.head.appendChild(script);
      });
    }
    return mermaidReady;
  }

  function drawDiagram(container, source) {
    loadMermaid().then(function (mermaid) {
      return mermaid.render('eventspec-diagram-' + (++diagramCount), source);
    }).then(function (result) {
      // Mermaid's own output from a sanitized source, rendered with securityLevel strict.
      var doc = new DOMParser().parseFromString(result.svg, 'image/svg+xml');
      container.textContent = '';
      container.appendChild(document.importNode(doc.documentElement, true));
      container.setAttribute('data-rendered', 'true');
    }).catch(function (error) {
      container.textContent = '';
      container.appendChild(h('p', { class: 'muted' }, 'The diagram could not be drawn (' + error.message + '); its source is below.'));
      container.setAttribute('data-rendered', 'false');
    });
  }

  function glossaryView(main) {
    main.appendChild(h('section', null, h('h2', null, 'Step glossary (' + data.glossary.length + ')'),
      h('p', { class: 'muted' }, 'Every phrasing a feature file can use, with the scenarios that use it.'),
      data.glossary.length === 0 ? h('p', { class: 'empty' }, 'The run registered no step definitions and no vocabulary was given.') :
        h('table', { class: 'glossary', id: 'glossary' }, h('thead', null, h('tr', null, ['step', 'what it does', 'from', 'used by'].map(function (c) { return h('th', null, c); }))),
          h('tbody', null, data.glossary.map(function (p, i) {
            var unused = p.usedIn && p.usedIn.length === 0;
            return h('tr', { class: 'phrase' + (unused ? ' unused' : ''), 'data-unused': unused ? 'true' : 'false' },
              h('td', null, p.keyword ? h('span', { class: 'keyword' }, p.keyword + ' ') : null, h('code', null, p.text), h('div', { class: 'muted' }, p.kind),
                p.example ? pre(p.example, 'docstring') : null),
              h('td', null, p.description || ''),
              h('td', { class: 'muted' }, p.source + (p.location ? ' · ' + p.location : '')),
              h('td', null, p.usedIn === undefined ? h('span', { class: 'muted' }, 'unknown') :
                unused ? h('span', { class: 'uncovered' }, 'unused') :
                  h('details', null, h('summary', null, p.usedIn.length + ' scenario' + (p.usedIn.length === 1 ? '' : 's')), scenarioRefs(p.usedIn, ''))));
          })))));
  }

  function uncoveredView(main) {
    var u = data.uncovered;
    function block(title, items, render, id) {
      return h('div', { id: id }, h('h3', null, title + ' (' + items.length + ')'),
        items.length ? h('ul', null, items.map(function (x) { return h('li', null, render(x)); })) : h('p', { class: 'muted' }, 'Nothing: all covered.'));
    }
    main.appendChild(h('section', null, h('h2', null, 'What no scenario covers'),
      u.notes.map(function (n) { return h('p', { class: 'banner banner-partial' }, n); }),
      block('Events never recorded', u.events, function (n) { return link('#/event/' + encodeURIComponent(n), n); }, 'uncovered-events'),
      block('Commands never sent', u.commands, function (n) { return link('#/command/' + encodeURIComponent(n), n); }, 'uncovered-commands'),
      block('Rejections never seen', u.rejections, function (n) { return n; }, 'uncovered-rejections'),
      block('Step phrasings never used', u.phrases, function (n) { return h('code', null, n); }, 'uncovered-phrases')));
  }

  function notFound(main, what) {
    main.appendChild(h('section', null, h('h2', null, 'Not found'), h('p', null, 'There is no ' + what + ' in this documentation. '), link('#/', 'Back to the scenarios')));
  }

  // ---------- routing ----------

  var app = document.getElementById('app');
  app.appendChild(header());
  var main = h('main', { id: 'view' });
  app.appendChild(main);

  function route() {
    cleanup.forEach(function (f) { f(); });
    cleanup = [];
    main.textContent = '';
    var parts = location.hash.replace(/^#\/?/, '').split('/');
    var view = parts[0] || 'scenarios';
    var arg = parts.length > 1 ? decodeURIComponent(parts.slice(1).join('/')) : '';
    document.querySelectorAll('nav a').forEach(function (a) { a.classList.toggle('active', a.id === 'nav-' + view || a.id === 'nav-' + view + 's'); });
    switch (view) {
      case 'scenarios': scenariosView(main); break;
      case 'scenario': scenarioView(main, arg); break;
      case 'feature': featureView(main, arg); break;
      case 'failures': failuresView(main); break;
      case 'events': catalogView(main, 'event'); break;
      case 'commands': catalogView(main, 'command'); break;
      case 'event': contractView(main, 'event', arg); break;
      case 'command': contractView(main, 'command', arg); break;
      case 'aggregates': aggregatesView(main); break;
      case 'aggregate': aggregateView(main, arg); break;
      case 'glossary': glossaryView(main); break;
      case 'uncovered': uncoveredView(main); break;
      default: notFound(main, 'page "' + view + '"');
    }
    main.setAttribute('data-view', view);
    window.scrollTo(0, 0);
  }

  window.addEventListener('hashchange', route);
  route();
  document.documentElement.setAttribute('data-ready', 'true');
})();
