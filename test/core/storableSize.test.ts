import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BSON } from 'mongodb';
import { BSON_OPTIONS } from '../../src/mongo/bodyEncoding';
import { NOT_PLAIN, plainStoredSize } from '../../src/core/storableSize';
import { unstorableValue, unstorableValueExactly } from '../../src/core/storableValue';
import { storedSize } from '../../src/core/storedSize';

// The quick walk may send anything to the exact one, but must never pass what the exact one refuses
// nor count a byte differently: these checks fail if the fast path gives another answer.
describe('the quick storable-and-size walk', () => {
  class Point {
    constructor(public x = 1) {}
  }
  const odd = fc.constantFrom<unknown>(
    new Map([['a', 1]]),
    new Set([1]),
    new Point(),
    new Date(Number.NaN),
    new Date(0),
    /x/,
    new Uint8Array(2),
    new String('s'),
    new Error('e'),
    new URL('http://x'),
    Promise.resolve(1),
    () => 1,
    Symbol('s'),
    10n,
    'lone \uD800 high',
    'lone \uDC00 low',
    'pair \uD83D\uDE00 ok',
    'é ü ß ✓',
    'x'.repeat(70) + '\uD800',
    'y'.repeat(70) + '✓',
    { toBSON: () => 1 },
    { toBSON: 'not a function' },
    { _bsontype: 'ObjectId' },
    { _bsontype: undefined },
    { ['a\0b']: 1 },
    { ['k\uD800']: 1 },
    { ['k\uD83D\uDE00']: 1 },
    Object.create(null) as object,
    Object.create({ inherited: 1 }) as object,
    -0,
    2 ** 31,
    -(2 ** 31),
    2 ** 31 - 1,
    1.5,
    Number.NaN,
    undefined,
    null,
  );
  const key = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('_bsontype', 'toBSON', '__proto__', 'a\0', '\uDBFF'));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string({ maxLength: 8, unit: 'binary' }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      odd,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  }));

  it('passes only what the exact walk passes, and counts what storedSize counts (property)', () => {
    fc.assert(
      fc.property(value, (v) => {
        const size = plainStoredSize(v);
        if (size === NOT_PLAIN) return;
        assert.equal(unstorableValueExactly(v, 'data'), undefined, 'the quick walk passed what the exact walk refuses');
        assert.equal(size, storedSize(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives every refusal the exact walk would, with its path', () => {
    fc.assert(
      fc.property(value, (v) => {
        assert.equal(unstorableValue(v, 'data'), unstorableValueExactly(v, 'data'));
      }),
      { numRuns: 1000 },
    );
  });

  it('sends unusual values to the exact walk', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 40; i++) at = at.next = {};
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    for (const v of [new Map(), new Set(), new Point(), new Date(Number.NaN), { _bsontype: 'x' }, { toBSON: 1 }, { 'a\0': 1 }, 'a\uD800', [1n], deep, cycle]) {
      assert.equal(plainStoredSize(v), NOT_PLAIN, String(v));
    }
    assert.match(unstorableValue(cycle, 'data')!, /data\.self refers to itself/);
  });

  // The driver's own count is the judge here: storedSize shares textBytes and digits with the quick walk.
  const bsonSize = (v: unknown) => BSON.calculateObjectSize({ v }, BSON_OPTIONS);

  it('counts text of every UTF-8 width, short and long, as BSON does, in values and in keys', () => {
    const texts = ['', 'a', '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '✓', '\ud7ff', '\ue000', '\uffff', '\uD83D\uDE00', 'x\uD83D\uDE00y', '\uDBFF\uDFFF'];
    for (const text of [...texts, ...texts.map((t) => t.repeat(5)), 'é'.repeat(64), 'é'.repeat(65), 'a'.repeat(64), 'a'.repeat(65), '✓'.repeat(30) + '\uD83D\uDE00', 'y'.repeat(63) + '\uD83D\uDE00']) {
      assert.equal(plainStoredSize({ v: text }), bsonSize(text), JSON.stringify(text));
      if (text !== '') assert.equal(plainStoredSize({ [text]: 1 }), BSON.calculateObjectSize({ [text]: 1 }), `key ${JSON.stringify(text)}`);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        assert.equal(plainStoredSize({ v: text }), bsonSize(text));
      }),
      { numRuns: 500 },
    );
  });

  it('sends every lone surrogate to the exact walk, short text and long, alone or next to another lone one', () => {
    for (const text of ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud800', '\ud800a', '\udc00\udc00', '\udfff\udc00', '\ud800\ud800', 'x'.repeat(70) + '\udfff']) {
      assert.equal(plainStoredSize(text), NOT_PLAIN, JSON.stringify(text));
      assert.match(unstorableValue(text, 'data')!, /lone surrogate/);
    }
  });

  it('counts the index keys of arrays past 10, 100, 1,000 and 10,000 items as BSON does', () => {
    for (const n of [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 10_001]) {
      const list = Array.from({ length: n }, (_, i) => i);
      assert.equal(plainStoredSize({ v: list }), bsonSize(list), `${n} items`);
    }
  });

  it('sends a cyclic array to the exact walk, which names it', () => {
    const list: unknown[] = [1];
    list.push(list);
    assert.equal(plainStoredSize(list), NOT_PLAIN);
    assert.match(unstorableValue({ list }, 'data')!, /data\.list\[1\] refers to itself/);
  });

  it('counts plain data without the exact walk', () => {
    assert.equal(plainStoredSize({ amount: 2, note: 'é', when: new Date(0), list: [1, 2.5, null, undefined], skip: undefined }), storedSize({ amount: 2, note: 'é', when: new Date(0), list: [1, 2.5, null, undefined] }));
    assert.equal(plainStoredSize('\uD83D\uDE00'), storedSize('\uD83D\uDE00'));
  });
});
