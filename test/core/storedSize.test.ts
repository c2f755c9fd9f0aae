import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BSON } from 'mongodb';
import type { NewEvent } from '../../src';
import { storedEventSize, storedSize } from '../../src/core/storedSize';
import { unstorableValue } from '../../src/core/storableValue';
import { BSON_OPTIONS, hasUnsafeKey } from '../../src/mongo/bodyEncoding';
import { encodeEvent } from '../../src/mongo/chunkDocument';

// The in-memory store sizes events without the driver; these checks hold it to the driver's count.
describe('stored sizes, counted without the driver', () => {
  const key = fc.string({ maxLength: 6 }).filter((k) => !k.includes('\0') && !k.startsWith('$') && !k.includes('.') && k !== '' && k !== '_bsontype');
  const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.double(), fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 31 - 1, -0), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date());
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
  }));
  const data = fc.dictionary(key, value, { maxKeys: 5 }).filter((d) => unstorableValue(d, 'data') === undefined && !hasUnsafeKey(d));

  it('a value takes as many bytes as BSON gives it (property)', () => {
    fc.assert(
      fc.property(data, (d) => {
        assert.equal(storedSize({ v: d }), BSON.calculateObjectSize({ v: d }, BSON_OPTIONS));
      }),
      { numRuns: 300 },
    );
  });

  it('an event adds to a chunk what the MongoDB store counts for it (property)', () => {
    fc.assert(
      fc.property(data, fc.string({ minLength: 1, maxLength: 10 }), (d, id) => {
        const event: NewEvent = { id, type: 'Happened', schemaVersion: 1, data: d, metadata: { occurredAt: '2025-03-01T10:00:00.000Z', user: 'alice' } };
        assert.equal(storedEventSize(event), encodeEvent('S-1', 0, event, '2025-03-01T10:00:00.000Z').bytes);
      }),
      { numRuns: 300 },
    );
  });
});
