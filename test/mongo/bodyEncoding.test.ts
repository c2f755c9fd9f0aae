import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Binary, Code, ObjectId } from 'mongodb';
import { asStored, decodeBody, encodeBody, hasUnsafeKey, isUnsafeKey, unstorableValue } from '../../src/mongo/bodyEncoding';

describe('body encoding', () => {
  it('keeps values with plain keys as they are', () => {
    const value = { a: 1, nested: { list: [{ b: 'x' }], when: new Date(0) } };
    const encoded = encodeBody(value);
    assert.ok('plain' in encoded);
    assert.equal(decodeBody(encoded), value);
  });

  for (const hostile of [{ $set: { a: 1 } }, { 'dotted.key': true }, { list: [{ $where: 'x' }] }, new Map([['$gt', 1]]), [new Map([['ok', { 'a.b': 1 }]])]]) {
    it(`stores ${JSON.stringify(hostile instanceof Map ? [...hostile] : hostile)} as BSON bytes and reads it back`, () => {
      const encoded = encodeBody(hostile);
      assert.ok('bson' in encoded);
      assert.ok(encoded.bson instanceof Binary);
      assert.equal(encoded.bson.sub_type, Binary.SUBTYPE_USER_DEFINED);
      const back = decodeBody(encoded);
      // A Map is written as a document of its entries, so it comes back as a plain object.
      const expected = hostile instanceof Map ? Object.fromEntries(hostile) : Array.isArray(hostile) ? hostile.map((m) => Object.fromEntries(m)) : hostile;
      assert.deepEqual(back, expected);
    });
  }

  it('finds unsafe keys at any depth, but not inside BSON values or in values', () => {
    assert.equal(hasUnsafeKey({ a: { b: [{ c: { $d: 1 } }] } }), true);
    assert.equal(hasUnsafeKey({ a: '$notAKey', b: 'x.y' }), false);
    assert.equal(hasUnsafeKey(new ObjectId()), false);
    assert.equal(hasUnsafeKey(Object.assign(Object.create(null) as object, { 'a.b': 1 })), true);
    assert.equal(hasUnsafeKey(new Map<unknown, unknown>([[1, 'x']])), false);
    // BSON writes any other object as a document of its own keys, whatever its prototype.
    class Shaped {
      '$where' = 'x';
    }
    assert.equal(hasUnsafeKey({ nested: new Shaped() }), true);
    assert.equal(hasUnsafeKey([new Date(0), /a.b/, new Uint8Array([1]), new Binary(new Uint8Array([2]))]), false);
    // A BSON value is written as itself, so what it holds (here a code scope's $x) is no field name of the document.
    assert.equal(hasUnsafeKey({ f: new Code('return x', { $x: 1 }) }), false);
    assert.equal(hasUnsafeKey([{ a: 1 }, { $b: 1 }, { c: 1 }]), true, 'one unsafe element among safe ones is enough');
    assert.equal(hasUnsafeKey(null), false);
    assert.equal(hasUnsafeKey('$x'), false);
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    assert.equal(hasUnsafeKey(cycle), false);
    assert.equal(isUnsafeKey('$'), true);
    assert.equal(isUnsafeKey('a.'), true);
    assert.equal(isUnsafeKey('a$'), false);
    assert.equal(isUnsafeKey(''), true);
  });

  it('round-trips any JSON value through the encoding', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const back = decodeBody(encodeBody(value));
        assert.deepEqual(JSON.stringify(back), JSON.stringify(asStored(value)));
        // -0 and +0 are one JSON number; BSON keeps the difference but JSON.stringify hides it
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a __proto__ key as data, never as a prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "$k": 1}') as Record<string, unknown>;
    const back = decodeBody(encodeBody(value)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(back), ['__proto__', '$k']);
    assert.equal((back as { polluted?: unknown }).polluted, undefined);
    assert.equal(Object.getPrototypeOf(back), Object.prototype);
  });

  it('names values BSON would change or drop', () => {
    assert.equal(unstorableValue({ a: 1, b: ['x', { c: null }] }), undefined);
    assert.match(unstorableValue({ a: { f: () => 1 } }, 'data')!, /data\.a\.f is a function/);
    assert.match(unstorableValue([Symbol('x')])!, /\[0\] is a symbol/);
    assert.match(unstorableValue({ n: 10n })!, /n is a bigint/);
    assert.match(unstorableValue(() => 1)!, /the value is a function/);
    assert.match(unstorableValue(Symbol('s'))!, /the value is a symbol/);
    assert.match(unstorableValue(1n)!, /the value is a bigint/);
    assert.match(unstorableValue({ 'a\0b': 1 })!, /NUL/);
    assert.match(unstorableValue({ x: { 'a\0b': 1 } })!, /x has a key with a NUL/);
    assert.equal(unstorableValue(new Date(0)), undefined);
    class Holder {
      amount = 5n;
    }
    assert.match(unstorableValue({ h: new Holder() }, 'data')!, /data\.h\.amount is a bigint/);
    assert.match(unstorableValue({ m: new Map([['k', 1n]]) }, 'data')!, /data\.m is a Map/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.match(unstorableValue(cycle, 'data')!, /data\.self refers to itself/);
    const shared = { x: 1 };
    assert.equal(unstorableValue({ a: shared, b: shared }), undefined, 'the same object twice is no cycle');
  });

  it('copies the way the server stores: undefined fields go, dates stay dates', () => {
    const original = { a: undefined, d: new Date(5), list: [1] };
    const copy = asStored(original);
    assert.deepEqual(copy, { d: new Date(5), list: [1] });
    assert.notEqual(copy.list, original.list);
  });
});
