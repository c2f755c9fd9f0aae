import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Query } from 'mingo';
import type { Document } from 'mongodb';
import { matchesFilter } from '../../src/projections/documentFilter';
import { readModelFindQuery, readModelKey } from '../../src/mongo/readModelQuery';
import { storedReadModel } from '../../src/mongo/readModelDocument';

const inModel = { model: { $eq: 'M' } };
const withConditions = (...conditions: Document[]) => ({ ...inModel, $or: [{ docBson: { $exists: true } }, { $and: conditions }] });

describe('read-model queries for MongoDB', () => {
  it('a document is addressed by its read model and id, both as values under $eq', () => {
    assert.deepEqual(readModelKey('M', '{"$gt": ""}'), { model: { $eq: 'M' }, id: { $eq: '{"$gt": ""}' } });
  });

  it('no filter asks for the whole read model', () => {
    assert.deepEqual(readModelFindQuery('M', {}), inModel);
    assert.deepEqual(readModelFindQuery('M', {}, 'o-9'), { ...inModel, id: { $gt: 'o-9' } });
  });

  it('scalars go to the server under $eq on the document’s field; bytes-stored documents are always candidates', () => {
    assert.deepEqual(
      readModelFindQuery('M', { status: 'open', 'owner.name': 'alice', n: 1, done: false, none: null }),
      withConditions(
        { 'doc.status': { $eq: 'open' } },
        { 'doc.owner.name': { $eq: 'alice' } },
        { 'doc.n': { $eq: 1 } },
        { 'doc.done': { $eq: false } },
        { 'doc.none': { $eq: null } },
      ),
    );
  });

  it('an object value becomes one condition per scalar leaf (the server would compare key order)', () => {
    assert.deepEqual(readModelFindQuery('M', { owner: { name: 'bob', address: { city: 'Oslo' } } }), withConditions({ 'doc.owner.name': { $eq: 'bob' } }, { 'doc.owner.address.city': { $eq: 'Oslo' } }));
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'bob' });
    assert.deepEqual(readModelFindQuery('M', { owner: bare }), withConditions({ 'doc.owner.name': { $eq: 'bob' } }));
    assert.deepEqual(readModelFindQuery('M', { owner: {} }), inModel, 'nothing to send: the check decides');
  });

  it('two conditions on one path stay two conditions', () => {
    assert.deepEqual(readModelFindQuery('M', { 'owner.name': 'x', owner: { name: 'y' } }), withConditions({ 'doc.owner.name': { $eq: 'x' } }, { 'doc.owner.name': { $eq: 'y' } }));
  });

  it('arrays, undefined, NaN, infinities, dates, class instances and other values stay with the check', () => {
    for (const value of [['x'], undefined, NaN, Infinity, new Date(0), new Map(), 10n, new (class Point { x = 1 })()]) {
      assert.deepEqual(readModelFindQuery('M', { tags: value }), inModel, String(value));
    }
  });

  it('a hostile value is data: an operator-looking object only contributes its plain leaves', () => {
    assert.deepEqual(readModelFindQuery('M', { n: '{"$gt": ""}' }), withConditions({ 'doc.n': { $eq: '{"$gt": ""}' } }));
    assert.deepEqual(readModelFindQuery('M', { n: { $gt: '' } }), inModel);
    assert.deepEqual(readModelFindQuery('M', { n: { $gt: '', ok: 1 } }), withConditions({ 'doc.n.ok': { $eq: 1 } }));
    assert.deepEqual(readModelFindQuery('M', { n: { 'a.b': 1 } }), inModel);
  });

  it('a field name that starts with $ or holds NUL never reaches the server as a name', () => {
    assert.deepEqual(readModelFindQuery('M', { $where: 'sleep(1000)' }), inModel);
    assert.deepEqual(readModelFindQuery('M', { 'owner.$ne': 'x' }), inModel);
    assert.deepEqual(readModelFindQuery('M', { 'a\0b': 'x' }), inModel);
    assert.deepEqual(readModelFindQuery('M', { __proto__: 'x' } as Record<string, unknown>), inModel, 'a literal __proto__ sets the prototype: no field');
    assert.deepEqual(readModelFindQuery('M', JSON.parse('{"__proto__": "x"}') as Record<string, unknown>), withConditions({ 'doc.__proto__': { $eq: 'x' } }));
  });

  it('an empty path segment is refused, as in memory', () => {
    assert.throws(() => readModelFindQuery('M', { 'owner..name': 'x' }), /empty segment/);
  });

  it('property: no value or field name from a filter ever becomes an operator', () => {
    fc.assert(
      fc.property(filterArbitrary(), (filter) => {
        operatorsOf(readModelFindQuery('M', filter)).forEach((path) => assert.match(path, /^(model\.\$eq|\$or|\$or\.\d+\.docBson\.\$exists|\$or\.\d+\.\$and|\$or\.\d+\.\$and\.\d+\.doc\.[^$]*\$eq)$/, path));
      }),
      { numRuns: 500 },
    );
  });

  it('property: the query, run by mingo (the MongoDB query language in JS), admits every document the in-memory filter matches', () => {
    fc.assert(
      fc.property(docArbitrary(), filterArbitrary(), fc.boolean(), (doc, filter, fromDoc) => {
        // Half the time the filter is taken from the document, so that there are matches to lose.
        const usedFilter = fromDoc ? filterFrom(doc) : filter;
        if (!matchesFilter(doc, usedFilter)) return;
        const stored = { ...storedReadModel('M', 'a', doc) };
        const query = readModelFindQuery('M', usedFilter);
        assert.ok(new Query(query).test(stored), JSON.stringify({ doc, usedFilter, query }));
      }),
      { numRuns: 1000 },
    );
  });
});

// No __proto__: mingo refuses it as a path (a guard of its own; the server takes it as a plain name, see the test above).
const names = ['a', 'b', 'status', '$where', '$gt', 'x.y', 'constructor', '0', 'naïve'];
const key = fc.constantFrom(...names, '');
const pathKey = fc.constantFrom(...names); // an empty path segment is refused (tested above)
const scalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(null), fc.constantFrom('{"$gt": ""}', '$where'));
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3 })),
})).value;

function docArbitrary() {
  return fc.dictionary(key, value, { maxKeys: 4 });
}

function filterArbitrary() {
  const path = fc.array(pathKey, { minLength: 1, maxLength: 3 }).map((segments) => segments.join('.'));
  return fc.dictionary(path, fc.oneof(value, fc.constant(undefined)), { maxKeys: 3 });
}

/** A filter the document matches: some of its fields, maybe as dotted leaves. */
function filterFrom(doc: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k.includes('.') || k === '') continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [inner, w] of Object.entries(v)) if (!inner.includes('.') && inner !== '') Object.defineProperty(filter, `${k}.${inner}`, { value: w, enumerable: true });
    } else Object.defineProperty(filter, k, { value: v, enumerable: true });
  }
  return filter;
}

/** Every path in the query that ends in an operator name. */
function operatorsOf(query: unknown, at = ''): string[] {
  if (query === null || typeof query !== 'object') return [];
  return Object.entries(query).flatMap(([k, v]) => {
    const here = at ? `${at}.${k}` : k;
    return [...(k.startsWith('$') ? [here] : []), ...(k === '$eq' ? [] : operatorsOf(v, here))];
  });
}
