import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { tableFields } from '../../src/checks/tableCells';

describe('fields of a printed table', () => {
  it('states nothing for data with no fields, rather than a nameless column', () => {
    assert.deepEqual(tableFields({}, z.object({ reason: z.string().optional() })), []);
    assert.deepEqual(tableFields({ reason: undefined }, z.object({ reason: z.string().optional() })), []);
  });

  it('keeps an empty object inside the data as the value of its field', () => {
    assert.deepEqual(tableFields({ tags: {} }, z.object({ tags: z.record(z.string(), z.string()) })), [['tags', {}]]);
  });
});
