// Terminal output attached to a scenario: ANSI colours become styled text, every other control
// sequence (cursor moves, titles, hyperlinks) is dropped. Still text nodes only.
(function (site) {
  'use strict';
  var h = site.h;
  var COLORS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
  // SGR sequences are read; any other CSI or OSC sequence is removed.
  var SEQUENCE = /\u001b\[([0-9;]*)m|\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

  site.hasAnsi = function (text) { return text.indexOf('\u001b') >= 0; };

  site.ansi = function (text) {
    var out = [];
    var style = { color: '', bold: false };
    var at = 0;
    function push(chunk) {
      if (!chunk) return;
      var cls = (style.color ? 'ansi-' + style.color : '') + (style.bold ? ' ansi-bold' : '');
      out.push(cls ? h('span', { class: cls.trim() }, chunk) : chunk);
    }
    text.replace(SEQUENCE, function (match, params, offset) {
      push(text.slice(at, offset));
      at = offset + match.length;
      if (params === undefined) return match;
      (params === '' ? ['0'] : params.split(';')).forEach(function (p) {
        var n = +p;
        if (n === 0) style = { color: '', bold: false };
        else if (n === 1) style.bold = true;
        else if (n === 22) style.bold = false;
        else if (n === 39) style.color = '';
        else if (n >= 30 && n <= 37) style.color = COLORS[n - 30];
        else if (n >= 90 && n <= 97) style.color = COLORS[n - 90];
      });
      return match;
    });
    push(text.slice(at));
    return out;
  };
})(window.eventspecSite = window.eventspecSite || {});
