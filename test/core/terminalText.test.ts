import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terminalSafe, terminalSafeJson } from '../../src/core/terminalText';

describe('terminalSafe', () => {
  it('leaves ordinary text, accents, emoji and right-to-left letters alone', () => {
    const text = 'Bestellung für Zoë 🚀 — שלום, مرحبا\n\tnext';
    assert.equal(terminalSafe(text), text);
  });

  it('shows every C0 control but tab and newline, DEL and every C1 control as a code', () => {
    for (let code = 0; code <= 0x9f; code++) {
      const c = String.fromCharCode(code);
      const control = (code < 0x20 && c !== '\t' && c !== '\n') || code >= 0x7f;
      assert.equal(terminalSafe(c) !== c, control, `U+${code.toString(16)}`);
    }
  });
});

describe('terminalSafeJson', () => {
  it('escapes what JSON.stringify leaves raw (C1, DEL, bidi, line separators), and parses back to the same value', () => {
    const value = { text: 'a\u009b2J\u007f\u202Eb\u2028c\u001b' };
    const json = terminalSafeJson(JSON.stringify(value));
    assert.equal(json, '{"text":"a\\u009B2J\\u007F\\u202Eb\\u2028c\\u001b"}');
    assert.deepEqual(JSON.parse(json), value);
  });
});
