import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { initialStateCopier } from '../../src/aggregate/initialStateCopy';

// The hand copy must give what structuredClone gives, or these fail.
describe('copying a declared initial state', () => {
  it('gives what structuredClone gives, fresh each time (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.date({ noInvalidDate: true }), (json, date) => {
        const initial = { json, date, list: [json, date], deep: { deeper: [{ json }] } };
        const copy = initialStateCopier(initial);
        const a = copy();
        const b = copy();
        assert.deepStrictEqual(a, structuredClone(initial));
        assert.notEqual(a, b);
        assert.notEqual(a.deep, b.deep);
        assert.notEqual(a.list, initial.list);
        assert.notEqual(a.date, initial.date);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves what is not a tree of plain data to structuredClone', () => {
    class Point {
      x = 1;
    }
    const shared = { n: 1 };
    const sparse = [1, , 3];
    const named = Object.assign([1], { label: 'x' });
    const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
    const protoKey = JSON.parse('{"__proto__": {"a": 1}}') as object;
    const undefinedField = { a: undefined, b: -0, c: Number.NaN };
    for (const initial of [new Map([['a', 1]]), { s: new Set([1]) }, { p: new Point() }, { a: shared, b: shared }, sparse, named, nullProto, protoKey, undefinedField]) {
      const made = initialStateCopier(initial)();
      assert.deepStrictEqual(made, structuredClone(initial));
      assert.equal(Object.getPrototypeOf(made), Object.getPrototypeOf(structuredClone(initial)));
    }
    const sharedCopy = initialStateCopier({ a: shared, b: shared })();
    assert.equal(sharedCopy.a, sharedCopy.b, 'structuredClone keeps a shared object shared');
  });

  it('throws what structuredClone throws for what cannot be cloned', () => {
    for (const initial of [{ f: () => 1 }, { s: Symbol('s') }]) {
      assert.throws(() => initialStateCopier(initial)(), (error: Error) => error.name === 'DataCloneError');
    }
  });

  it('judges the declaration again when it was changed after being declared', () => {
    const initial: Record<string, unknown> = { a: 1 };
    const copy = initialStateCopier(initial);
    initial.m = new Map([['k', 1]]);
    assert.deepStrictEqual(copy(), structuredClone(initial));
    assert.ok(copy().m instanceof Map);
  });
});
