// #/aggregates, #/aggregate/<name> — each aggregate's commands → events flow, drawn with the bundled
// Mermaid (nodes link to the catalog), its rejections, invariants and snapshot policy.
(function (site) {
  'use strict';
  var h = site.h, link = site.link, pre = site.pre, data = site.data;

  site.views.aggregates = function (main) {
    main.appendChild(h('section', null, h('h2', null, 'Aggregates (' + data.aggregates.length + ')'),
      data.aggregates.length === 0 ? h('p', { class: 'empty' }, 'No domain registry was given.') :
        h('ul', { class: 'list' }, data.aggregates.map(function (a) {
          return h('li', null, link(site.nameHref('aggregate', a.name), a.name), a.description ? h('span', { class: 'muted' }, ' — ' + a.description) : null,
            h('div', { class: 'muted' }, site.count(a.commands.length, 'command') + ', ' + site.count(a.events.length, 'event') + ', ' + site.count(a.rejections.length, 'rejection')));
        }))));
    return 'Aggregates';
  };

  site.views.aggregate = function (main, name) {
    var a = site.aggregatesByName[name];
    if (!a) return site.notFound(main, 'aggregate ' + name);
    var diagram = h('div', { class: 'diagram', id: 'diagram' }, h('p', { class: 'muted' }, 'Drawing the diagram…'));
    main.appendChild(h('section', { id: 'aggregate', 'data-name': a.name },
      h('h2', null, a.name), a.description ? h('p', null, a.description) : null,
      h('h3', null, 'Commands → events'), diagram,
      h('div', { class: 'table-wrap' }, h('table', { class: 'flows' }, h('thead', null, h('tr', null, ['command', 'records', 'may be rejected with', 'known from'].map(function (c) { return h('th', null, c); }))),
        h('tbody', null, a.flows.map(function (f) {
          return h('tr', null, h('td', null, link(site.nameHref('command', f.command), f.command)),
            h('td', null, f.events.map(function (e) { return link(site.nameHref('event', e), e, { class: 'chip event' }); })),
            h('td', null, f.rejections.join(', ')),
            h('td', { class: 'muted' }, f.source === 'both' ? 'the run and the examples' : f.source === 'observed' ? 'the run' : 'the examples'));
        })))),
      h('h3', null, 'Rejections'),
      a.rejections.length ? h('ul', null, a.rejections.map(function (r) {
        return h('li', null, h('strong', null, r.name), ' — ' + r.description + ' ', h('span', { class: r.seenIn.length ? 'muted' : 'uncovered' }, r.seenIn.length ? '(in ' + site.count(r.seenIn.length, 'scenario') + ')' : '(no scenario)'));
      })) : h('p', { class: 'muted' }, 'None declared.'),
      a.invariants.length ? [h('h3', null, 'Invariants'), h('ul', null, a.invariants.map(function (i) { return h('li', null, i); }))] : null,
      a.snapshotEvery ? h('p', { class: 'muted' }, 'Snapshot every ' + a.snapshotEvery + ' events.') : null,
      h('details', null, h('summary', null, 'Diagram source'), pre(a.diagram))));
    drawDiagram(diagram, a.diagram);
    return a.name;
  };

  // Mermaid is large: it loads only when a diagram is first shown.
  var mermaidReady = null;
  var diagramCount = 0;
  function loadMermaid() {
    if (!mermaidReady) {
      mermaidReady = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = 'mermaid.min.js';
        script.onload = function () {
          var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
          window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'neutral', flowchart: { htmlLabels: false } });
          resolve(window.mermaid);
        };
        script.onerror = function () { reject(new Error('mermaid.min.js could not be loaded')); };
        document.head.appendChild(script);
      });
    }
    return mermaidReady;
  }

  // A node's label that names a command or an event becomes a link to its page in the catalog.
  function linkNodes(svg) {
    svg.querySelectorAll('g.node').forEach(function (node) {
      var label = (node.textContent || '').trim();
      var kind = site.commandsByName[label] ? 'command' : site.eventsByName[label] ? 'event' : null;
      if (!kind) return;
      node.setAttribute('role', 'link');
      node.setAttribute('tabindex', '0');
      node.setAttribute('data-href', site.nameHref(kind, label));
      node.style.cursor = 'pointer';
      var go = function () { location.hash = site.nameHref(kind, label); };
      node.addEventListener('click', go);
      node.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
    });
  }

  site.drawDiagram = drawDiagram;
  function drawDiagram(container, source) {
    loadMermaid().then(function (mermaid) {
      return mermaid.render('eventspec-diagram-' + (++diagramCount), source);
    }).then(function (result) {
      // Mermaid's own output from a sanitized source, rendered with securityLevel strict.
      var doc = new DOMParser().parseFromString(result.svg, 'image/svg+xml');
      var svg = document.importNode(doc.documentElement, true);
      // Drawn at its natural size (legible), scrolled inside its box rather than shrunk to fit.
      var width = svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal.width : 0;
      var natural = Math.max(width || 320, 320);
      var scale = 1;
      function zoom(by) {
        scale = by === 0 ? 1 : Math.min(4, Math.max(0.25, scale * by));
        svg.style.maxWidth = 'none';
        svg.setAttribute('width', String(Math.round(natural * scale)));
        svg.removeAttribute('height');
        container.setAttribute('data-zoom', String(Math.round(scale * 100)));
      }
      zoom(0);
      container.textContent = '';
      container.appendChild(h('div', { class: 'zoom', role: 'group', 'aria-label': 'diagram zoom' },
        h('button', { type: 'button', id: 'zoom-in', onclick: function () { zoom(1.25); } }, 'Zoom in'),
        h('button', { type: 'button', id: 'zoom-out', onclick: function () { zoom(0.8); } }, 'Zoom out'),
        h('button', { type: 'button', id: 'zoom-reset', onclick: function () { zoom(0); } }, 'Actual size')));
      container.appendChild(svg);
      linkNodes(svg);
      container.setAttribute('data-rendered', 'true');
    }).catch(function (error) {
      container.textContent = '';
      container.appendChild(h('p', { class: 'muted' }, 'The diagram could not be drawn (' + error.message + '); its source is below.'));
      container.setAttribute('data-rendered', 'false');
    });
  }
})(window.eventspecSite = window.eventspecSite || {});
