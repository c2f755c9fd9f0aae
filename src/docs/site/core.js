// eventspec living documentation: the page's building blocks. Plain browser scripts, no network;
// each file adds to one namespace, and writeSite joins them in the order of SITE_SCRIPTS.
// Every piece of user text reaches the page as a text node; the only HTML inserted is markdown-it's
// output, rendered at build time with user HTML turned off.
(function (site) {
  'use strict';

  site.PAGE = 40;
  site.FAILING = { failed: 1, ambiguous: 1, undefined: 1, pending: 1, incomplete: 1 };
  site.STATUS_ORDER = ['failed', 'ambiguous', 'undefined', 'pending', 'incomplete', 'skipped', 'unknown', 'passed', 'not run'];
  // Views register what they undo when the page moves on (observers, listeners).
  site.cleanup = [];
  // Each view renders into <main> and returns its title: views.<name>(main, argument, query).
  site.views = Object.create(null);

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
    else el.appendChild(document.createTextNode(text(child)));
  }

  // Bidirectional controls (U+202E and friends) in user text would reorder what a reader sees.
  var BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;
  function text(value) {
    return String(value).replace(BIDI, function (c) { return '\\u' + c.charCodeAt(0).toString(16).toUpperCase(); });
  }

  function link(hash, label, attrs) {
    return h('a', Object.assign({ href: hash }, attrs || {}), label);
  }

  function badge(status) {
    return h('span', { class: 'status status-' + status.replace(' ', '-'), 'data-status': status }, status);
  }

  function pre(content, cls) {
    return h('pre', { class: cls || '' }, content);
  }

  function json(value) {
    try { return JSON.stringify(value, null, 2); } catch (e) { return String(value); }
  }

  // The first few lines of an error that say what went wrong, without the stack.
  function gist(error) {
    var lines = error.split('\n').filter(function (l) { return l.trim() !== '' && !/^\s+at /.test(l); });
    var out = lines.slice(0, 3).join('\n');
    return out.length > 300 ? out.slice(0, 300) + '…' : out;
  }

  // markdown-it's HTML from the build (user HTML already escaped there), in a container of its own.
  function markdown(html, cls) {
    var div = h('div', { class: 'markdown ' + (cls || '') });
    div.innerHTML = html;
    return div;
  }

  function table(rows, cls) {
    return h('div', { class: 'table-wrap' }, h('table', { class: cls || 'datatable' }, rows.map(function (row) {
      return h('tr', null, row.map(function (cell) { return h('td', null, cell); }));
    })));
  }

  // Long lists render a page at a time: the first at once, the rest as they scroll into view,
  // and all of it before printing.
  function lazyList(items, render, cls) {
    var ul = h('ul', { class: 'list ' + (cls || '') });
    var shown = 0;
    var more = h('button', { type: 'button', class: 'more', onclick: next });
    function next(all) {
      var end = all === true ? items.length : Math.min(items.length, shown + site.PAGE);
      var frag = document.createDocumentFragment();
      for (; shown < end; shown++) frag.appendChild(render(items[shown]));
      ul.appendChild(frag);
      if (shown >= items.length) more.remove();
      else more.textContent = 'Show more (' + (items.length - shown) + ' left)';
    }
    var wrap = h('div', null, ul, more);
    next();
    // Printing shows the whole list: on beforeprint, and when print media applies (some browsers
    // lay out for print before that event, and print previews switch the media alone).
    var printAll = function () { if (shown < items.length) next(true); };
    var printMedia = window.matchMedia ? window.matchMedia('print') : null;
    var onMedia = function (e) { if (e.matches) printAll(); };
    window.addEventListener('beforeprint', printAll);
    if (printMedia) printMedia.addEventListener('change', onMedia);
    site.cleanup.push(function () {
      window.removeEventListener('beforeprint', printAll);
      if (printMedia) printMedia.removeEventListener('change', onMedia);
    });
    if ('IntersectionObserver' in window && shown < items.length) {
      var io = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) next();
        if (shown >= items.length) io.disconnect();
      });
      io.observe(more);
      site.cleanup.push(function () { io.disconnect(); });
    }
    return wrap;
  }

  // Lower case and without accents, on both sides: "MISERABLES" finds "Misérables".
  function fold(value) {
    return /[^\x00-\x7f]/.test(value) ? value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : value.toLowerCase();
  }

  // The folded text and, for each of its characters, where its source character starts and ends in
  // the text (folding drops accents and may change lengths), so a match found folded marks the source.
  function foldedPlaces(s) {
    var folded = '';
    var starts = [];
    var ends = [];
    for (var i = 0; i < s.length; ) {
      var code = s.charCodeAt(i);
      var size = code >= 0xd800 && code <= 0xdbff && i + 1 < s.length ? 2 : 1;
      var f = fold(s.slice(i, i + size));
      // A lone combining accent folds to nothing: it belongs to the character before it.
      if (f.length === 0 && ends.length > 0) ends[ends.length - 1] = i + size;
      for (var k = 0; k < f.length; k++) { starts.push(i); ends.push(i + size); }
      folded += f;
      i += size;
    }
    return { folded: folded, starts: starts, ends: ends };
  }

  // The text with each search term (folded, see site.searchTerms) marked, still as text nodes.
  function highlight(value, terms) {
    var s = text(value);
    if (!terms || terms.length === 0) return s;
    var places = /[^\x00-\x7f]/.test(s) ? foldedPlaces(s) : null;
    var folded = places ? places.folded : s.toLowerCase();
    var out = [];
    var at = 0; // in the source text
    var from = 0; // in the folded text
    while (from < folded.length) {
      var best = -1;
      var len = 0;
      terms.forEach(function (t) {
        var i = folded.indexOf(t, from);
        if (i >= 0 && (best < 0 || i < best)) { best = i; len = t.length; }
      });
      if (best < 0 || len === 0) break;
      var start = places ? places.starts[best] : best;
      var end = places ? places.ends[best + len - 1] : best + len;
      if (start > at) out.push(s.slice(at, start));
      out.push(h('mark', null, s.slice(Math.max(start, at), end)));
      at = end;
      from = best + len;
    }
    if (at < s.length) out.push(s.slice(at));
    return out;
  }

  // count(1, 'scenario') → '1 scenario', count(3, 'scenario') → '3 scenarios'.
  function count(n, noun, plural) {
    return n + ' ' + (n === 1 ? noun : plural || noun + 's');
  }

  Object.assign(site, { h: h, append: append, text: text, link: link, badge: badge, pre: pre, json: json, gist: gist, markdown: markdown, table: table, lazyList: lazyList, highlight: highlight, fold: fold, count: count });
})(window.eventspecSite = window.eventspecSite || {});
