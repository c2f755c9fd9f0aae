// #/features — the features by folder, with their counts; #/feature/<path> — one feature, read as
// its file reads: description, Background, Rules, scenarios with steps and status, Outlines with Examples.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, badge = site.badge, data = site.data;

  function countsLine(ids) {
    var c = site.counts(ids.map(function (id) { return data.scenarios[id]; }));
    return h('span', { class: 'feature-counts' }, site.STATUS_ORDER.filter(function (s) { return c[s]; }).map(function (s) {
      return h('span', { class: 'count' }, badge(s), ' ' + c[s]);
    }));
  }

  site.views.features = function (main) {
    var folders = Object.create(null);
    data.features.forEach(function (f) {
      var folder = f.uri.indexOf('/') >= 0 ? f.uri.slice(0, f.uri.lastIndexOf('/')) : '.';
      (folders[folder] = folders[folder] || []).push(f);
    });
    main.appendChild(h('section', { id: 'features' }, h('h2', null, 'Features (' + data.features.length + ')'),
      data.features.length === 0 ? h('p', { class: 'empty' }, 'No feature files were given.') :
        Object.keys(folders).sort().map(function (folder) {
          return h('div', { class: 'folder', 'data-folder': folder }, h('h3', null, folder + '/'),
            h('ul', { class: 'list' }, folders[folder].map(function (f) {
              return h('li', { class: 'feature-row', 'data-feature': f.key },
                link(site.featureHref(f), f.name), ' ', h('span', { class: 'muted' }, site.count(f.scenarios.length, 'scenario')), ' ', countsLine(f.scenarios),
                f.tags.length ? h('span', { class: 'tags' }, f.tags.map(site.tagChip)) : null);
            })));
        })));
    return 'Features';
  };

  function plainSteps(steps) {
    return h('ol', { class: 'steps' }, steps.map(function (st) {
      return h('li', { class: 'step' }, h('span', { class: 'keyword' }, st.keyword), ' ', h('span', { class: 'step-text' }, st.text),
        st.table ? site.table(st.table) : null, st.docString ? site.pre(st.docString.content, 'docstring') : null);
    }));
  }

  function tagsOf(tags) {
    return tags.length ? h('p', { class: 'tags' }, tags.map(site.tagChip)) : null;
  }

  function scenarioPart(id) {
    var s = data.scenarios[id];
    var own = s.steps.filter(function (st) { return !st.background && (!st.hook || st.status !== 'passed'); });
    return h('article', { class: 'scenario-part', id: 'part-' + s.key, 'data-scenario': s.key, 'data-status': s.status },
      h('h3', null, badge(s.status), ' ', h('span', { class: 'keyword' }, s.keyword + ':'), ' ', link(site.scenarioHref(s), s.name)),
      tagsOf(s.tags),
      s.description ? site.pre(s.description, 'description') : null,
      h('ol', { class: 'steps' }, own.map(site.stepView)));
  }

  function outlinePart(o) {
    return h('article', { class: 'outline-part' },
      h('h3', null, h('span', { class: 'keyword' }, o.keyword + ':'), ' ' + o.name), tagsOf(o.tags),
      o.descriptionHtml ? site.markdown(o.descriptionHtml) : null,
      plainSteps(o.steps),
      o.examples.map(function (e) {
        return h('div', { class: 'examples' }, h('h4', null, h('span', { class: 'keyword' }, e.keyword + ':'), ' ' + e.name), tagsOf(e.tags),
          h('div', { class: 'table-wrap' }, h('table', { class: 'datatable examples-table' },
            h('thead', null, h('tr', null, h('th', null, 'status'), e.header.map(function (c) { return h('th', null, c); }))),
            h('tbody', null, e.rows.map(function (row) {
              var s = row.scenario !== undefined ? data.scenarios[row.scenario] : undefined;
              return h('tr', { class: 'example-row', 'data-status': s ? s.status : 'not run' },
                h('td', null, s ? link(site.scenarioHref(s), badge(s.status)) : badge('not run')),
                row.cells.map(function (c) { return h('td', null, c); }));
            })))));
      }));
  }

  function parts(list) {
    return list.map(function (p) {
      if (p.kind === 'scenario') return scenarioPart(p.scenario);
      if (p.kind === 'outline') return outlinePart(p);
      if (p.kind === 'background') {
        return h('article', { class: 'background-part' }, h('h3', null, h('span', { class: 'keyword' }, p.keyword + ':'), p.name ? ' ' + p.name : ''),
          p.descriptionHtml ? site.markdown(p.descriptionHtml) : null, plainSteps(p.steps));
      }
      return h('section', { class: 'rule-part' }, h('h3', { class: 'rule-title' }, h('span', { class: 'keyword' }, p.keyword + ':'), ' ' + p.name), tagsOf(p.tags),
        p.descriptionHtml ? site.markdown(p.descriptionHtml) : null, parts(p.parts));
    });
  }

  site.views.feature = function (main, key) {
    var f = site.featureByKey[key] || (/^\d+$/.test(key) ? data.features[+key] : undefined);
    if (!f) return site.notFound(main, 'feature ' + key);
    site.withDetails(f.scenarios, function (failed) {
      if (failed.length) site.missingData(main, failed);
      else render(main, f);
    });
    return f.name;
  };

  function render(main, f) {
    main.appendChild(h('section', { id: 'feature', 'data-feature': f.key },
      h('p', { class: 'crumbs' }, link('#/features', 'Features'), ' › ' + f.uri),
      h('h2', null, f.keyword + ': ' + f.name), countsLine(f.scenarios), tagsOf(f.tags),
      f.descriptionHtml ? site.markdown(f.descriptionHtml, 'description') : f.description ? site.pre(f.description, 'description') : null,
      // A feature known only from a run without its text still lists its scenarios.
      f.parts.length ? parts(f.parts) : site.scenarioRefs(f.scenarios, 'This feature has no scenarios.')));
  }
})(window.eventspecSite = window.eventspecSite || {});
