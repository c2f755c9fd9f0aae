import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { readModelQuery } from '../../src/service/readModelQuery';

// A read model whose fields are named like the paging parameters.
const Shelf = z.object({ limit: z.number().int(), after: z.iso.date(), room: z.object({ floor: z.number() }), label: z.string() });
const read = (query: Record<string, string | string[] | undefined>) => readModelQuery('Shelf', Shelf, query);

describe('the query of GET /read-models/{ReadModel}', () => {
  it('pages with limit and after, and filters every other parameter by its field\'s type', () => {
    assert.deepEqual(read({ limit: '2', after: 's-1', 'room.floor': '3', label: 'A' }), { filter: { 'room.floor': 3, label: 'A' }, limit: 2, after: 's-1' });
  });

  it('filters a field named limit or after in its bracketed form, and any field that way', () => {
    assert.deepEqual(read({ 'filter[limit]': '10', 'filter[after]': '2025-03-01', 'filter[room.floor]': '1', limit: '5' }), {
      filter: { limit: 10, after: '2025-03-01', 'room.floor': 1 },
      limit: 5,
    });
  });

  it('says what to fix: a repeated parameter, a field filtered twice, an unknown field, a bad value or page size', () => {
    assert.throws(() => read({ after: ['a', 'b'] }), /^EventspecError: after= is given more than once; give the one id/);
    assert.throws(() => read({ label: ['A', 'B'] }), /label= is given more than once; give it one value/);
    assert.throws(() => read({ label: 'A', 'filter[label]': 'B' }), /label is filtered twice \(as label= and filter\[label\]=\)/);
    assert.throws(() => read({ 'filter[lable]': 'A' }), /the Shelf read model has no field `lable` — did you mean `label`/);
    assert.throws(() => read({ 'filter[limit]': 'ten' }), /^EventspecError: limit: "ten" is not a number/);
    assert.throws(() => read({ limit: 'ten' }), /limit="ten" must be a whole number from 1 to 1000; to filter the Shelf field `limit`, write filter\[limit\]=/);
    assert.throws(() => readModelQuery('Plain', z.object({ label: z.string() }), { limit: '0' }), (error: Error) => error.message === 'limit="0" must be a whole number from 1 to 1000');
  });
});
