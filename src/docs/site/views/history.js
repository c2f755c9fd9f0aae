// #/history — the last runs: scenarios newly failing, flipping between passing and failing, getting
// slower. A scenario's own page shows its strip of last runs (site.historyStrip).
(function (site) {
  'use strict';
  var h = site.h, link = site.link, data = site.data;
  var FAILING = site.FAILING;

  function of(s) { return data.history && data.history.scenarios[s.key]; }

  function median(list) {
    var sorted = list.slice().sort(function (a, b) { return a - b; });
    return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
  }

  site.historyStrip = function (s) {
    var past = of(s);
    if (!past || data.history.runs.length < 2) return null;
    return h('div', { id: 'history-strip', class: 'history-strip' }, h('span', { class: 'muted' }, 'Last ' + site.count(past.statuses.length, 'run') + ': '),
      past.statuses.map(function (status, i) {
        var run = data.history.runs[i];
        var d = past.durations[i];
        return h('span', { class: 'history-cell status status-' + status.replace(' ', '-'), 'data-status': status, title: run.at + (d !== null ? ' · ' + d + ' ms' : '') }, status.charAt(0).toUpperCase());
      }));
  };

  function newlyFailing(s) {
    var st = of(s).statuses;
    return st.length >= 2 && FAILING[st[st.length - 1]] && st[st.length - 2] === 'passed';
  }

  function flips(s) {
    var st = of(s).statuses.filter(function (x) { return x === 'passed' || FAILING[x]; });
    var n = 0;
    for (var i = 1; i < st.length; i++) if ((st[i] === 'passed') !== (st[i - 1] === 'passed')) n++;
    return n;
  }

  // Slower: the last duration is over 1.5 times the median of the earlier ones (and over 10 ms).
  function slowdown(s) {
    var d = of(s).durations;
    var last = d[d.length - 1];
    var earlier = d.slice(0, -1).filter(function (x) { return x !== null; });
    if (last === null || earlier.length === 0) return 0;
    var m = median(earlier);
    return last > 10 && m > 0 && last > 1.5 * m ? last / m : 0;
  }

  function rows(list, extra) {
    if (list.length === 0) return h('p', { class: 'muted' }, 'None.');
    return h('ul', { class: 'list' }, list.map(function (s) {
      return h('li', { class: 'history-row', 'data-scenario': s.key }, link(site.scenarioHref(s), s.name), ' ', site.historyStrip(s), extra ? h('span', { class: 'muted' }, extra(s)) : null);
    }));
  }

  site.views.history = function (main) {
    if (!data.history) {
      main.appendChild(h('section', null, h('h2', null, 'History'), h('p', { class: 'empty' }, 'This site was built without a history: run eventspec docs --history <folder> after each run.')));
      return 'History';
    }
    var tracked = data.scenarios.filter(of);
    var flaky = tracked.filter(function (s) { return flips(s) >= 2; });
    var slower = tracked.filter(function (s) { return slowdown(s) > 0; }).sort(function (a, b) { return slowdown(b) - slowdown(a); });
    main.appendChild(h('section', { id: 'history' }, h('h2', null, 'History of the last ' + site.count(data.history.runs.length, 'run')),
      h('ol', { class: 'runs' }, data.history.runs.map(function (r) { return h('li', null, r.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), r.success === false ? h('span', { class: 'uncovered' }, ' · failed') : r.success ? ' · passed' : ''); })),
      h('h3', null, 'Newly failing'), h('div', { id: 'newly-failing' }, rows(tracked.filter(newlyFailing))),
      h('h3', null, 'Flipping between passing and failing'), h('div', { id: 'flipping' }, rows(flaky, function (s) { return ' ' + flips(s) + ' changes'; })),
      h('h3', null, 'Slower than before'), h('div', { id: 'slower' }, rows(slower, function (s) { return ' ' + slowdown(s).toFixed(1) + '× the usual time'; }))));
    return 'History';
  };
})(window.eventspecSite = window.eventspecSite || {});
