import { runInNewContext } from 'node:vm';

/**
 * Values a BSON round trip would change, each with the refusal every store must give (the path is
 * named). Shared by the store contract (every store refuses them) and the offline check that the
 * driver's own serializer really changes each one (so the refusal is needed).
 */
export interface RefusedValue {
  title: string;
  data: () => Record<string, unknown>;
  message: RegExp;
}

const deep = (levels: number): Record<string, unknown> => {
  let node: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < levels; i++) node = { n: node };
  return node;
};

class WithToBson {
  amount = 5;
  toBSON() {
    return { $amount: this.amount, 'a.b': 1 };
  }
}

export const REFUSED_VALUES: readonly RefusedValue[] = [
  { title: 'a Set', data: () => ({ tags: new Set(['a', 'b']) }), message: /data\.tags is a Set/ },
  { title: 'a Map', data: () => ({ prices: new Map([['a', 1]]) }), message: /data\.prices is a Map/ },
  { title: 'a Float64Array', data: () => ({ samples: new Float64Array([1.5]) }), message: /data\.samples is binary data \(Float64Array\); store it as a base64 string/ },
  { title: 'an Int32Array', data: () => ({ list: [new Int32Array([7])] }), message: /data\.list\[0\] is binary data \(Int32Array\)/ },
  { title: 'a Uint8Array (BSON gives back a Binary)', data: () => ({ bytes: new Uint8Array([1, 2]) }), message: /data\.bytes is binary data \(Uint8Array\)/ },
  { title: 'an invalid Date', data: () => ({ when: new Date(Number.NaN) }), message: /data\.when is an invalid Date/ },
  { title: 'a string with a lone surrogate', data: () => ({ text: 'a\uD800b' }), message: /data\.text is a string with a lone surrogate/ },
  { title: 'a key with a lone surrogate', data: () => ({ nested: { 'k\uDC00': 1 } }), message: /data\.nested has a key with a lone surrogate/ },
  { title: 'an object with toBSON', data: () => ({ money: new WithToBson() }), message: /data\.money is an object with a toBSON method/ },
  { title: 'a field named _bsontype', data: () => ({ inner: { _bsontype: 'ObjectId', id: 'x' } }), message: /data\.inner has a field named _bsontype/ },
  { title: 'nesting past the limit', data: () => ({ tree: deep(70) }), message: /is nested deeper than 64 levels/ },
  { title: 'a RegExp', data: () => ({ pattern: /x/g }), message: /data\.pattern is a RegExp/ },
  { title: 'a bigint', data: () => ({ n: 10n }), message: /data\.n is a bigint/ },
  { title: 'a boxed number', data: () => ({ n: new Number(5) }), message: /data\.n is a boxed number/ },
  { title: 'a boxed string', data: () => ({ s: [new String('ab')] }), message: /data\.s\[0\] is a boxed string/ },
  { title: 'an Error', data: () => ({ failure: new Error('no stock') }), message: /data\.failure is an Error \(BSON keeps \{\}; store its message\)/ },
  { title: 'a URL', data: () => ({ link: new URL('https://example.com/a') }), message: /data\.link is a URL \(BSON keeps \{\}; store it as a string\)/ },
  // Made in another realm (a vm context, a test runner's sandbox): instanceof says no, BSON still sees a Map.
  { title: 'a Map made in another realm', data: () => ({ prices: runInNewContext('new Map([["a", 1]])') }), message: /data\.prices is a Map/ },
  { title: 'a getter that throws', data: () => ({ total: Object.defineProperty({}, 'amount', { get: () => { throw new Error('not loaded yet'); }, enumerable: true }) }), message: /data\.total\.amount is a getter that threw \(not loaded yet\)/ },
  { title: 'a getter that throws something no string can be made of', data: () => ({ total: Object.defineProperty({}, 'amount', { get: () => { throw Object.create(null); }, enumerable: true }) }), message: /data\.total\.amount is a getter that threw \(a value that is not an error\)/ },
  { title: 'a RegExp made in another realm', data: () => ({ pattern: runInNewContext('/x/g') }), message: /data\.pattern is a RegExp/ },
];

/** Values both stores keep, and what each gives back (undefined fields go, undefined in arrays is null, as in JSON). */
export const KEPT_VALUES: readonly { title: string; data: () => Record<string, unknown>; back: Record<string, unknown> }[] = [
  {
    title: 'numbers at their edges, Dates, astral text, empty containers',
    data: () => ({ neg0: -0, nan: Number.NaN, inf: -Infinity, big: 2 ** 53 - 1, wide: 2 ** 40, frac: 0.1, when: new Date('2025-03-01T10:00:00.123Z'), text: 'naïve 🚀 名前', empty: {}, list: [], nested: [[1], [{}]] }),
    back: { neg0: -0, nan: Number.NaN, inf: -Infinity, big: 2 ** 53 - 1, wide: 2 ** 40, frac: 0.1, when: new Date('2025-03-01T10:00:00.123Z'), text: 'naïve 🚀 名前', empty: {}, list: [], nested: [[1], [{}]] },
  },
  {
    title: 'a Date made in another realm, as a Date',
    data: () => ({ when: runInNewContext('new Date("2025-03-01T10:00:00.123Z")'), list: [runInNewContext('new Date(0)')] }),
    back: { when: new Date('2025-03-01T10:00:00.123Z'), list: [new Date(0)] },
  },
  {
    title: 'undefined: a field holding it goes, in an array it is null',
    data: () => ({ gone: undefined, list: [1, undefined, 2], kept: null }),
    back: { list: [1, null, 2], kept: null },
  },
  {
    title: 'nesting just inside the limit',
    data: () => {
      let node: Record<string, unknown> = { leaf: 1 };
      for (let i = 0; i < 60; i++) node = { n: node };
      return { tree: node };
    },
    back: (() => {
      let node: Record<string, unknown> = { leaf: 1 };
      for (let i = 0; i < 60; i++) node = { n: node };
      return { tree: node };
    })(),
  },
];
