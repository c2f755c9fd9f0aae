import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { inMemoryEventStore, type NewEvent } from '../../src';
import { unstorableValue } from '../../src/core/storableValue';
import { asStored } from '../../src/mongo/bodyEncoding';
import { encodeEvent, placeEvents, readStoredEvent } from '../../src/mongo/chunkDocument';
import { KEPT_VALUES, REFUSED_VALUES } from '../support/valueCases';

const at = '2025-03-01T10:00:00.000Z';

/** What the MongoDB store gives back for an event, offline: its own encoding, then the driver's BSON round trip, then its own reading. */
function throughMongo(event: NewEvent) {
  const [stored] = placeEvents([encodeEvent('S-1', 0, event, at)], 1, 1);
  return readStoredEvent(asStored(stored), { stream: 'S-1', chunk: 1 }, 0);
}

function bsonChanges(value: unknown): boolean {
  try {
    return !isDeepStrictEqual(asStored({ value }), { value });
  } catch {
    return true; // the serializer refuses it outright
  }
}

// Refused for another reason than a BSON change, said here so the exemption is deliberate:
const NOT_A_BSON_CHANGE: Record<string, string> = {
  'nesting past the limit': 'the server refuses documents deeper than 100 levels; chunk → events → event → data takes 4, and 64 leaves room',
  'a RegExp': 'not data: BSON keeps only the flags i, l, m, s, u, x, and other drivers and tools read it differently',
};

describe('value fidelity, checked with the driver’s own BSON serializer (A4, A5, B8, B9)', () => {
  for (const refused of REFUSED_VALUES) {
    const exempt = NOT_A_BSON_CHANGE[refused.title];
    it(`${refused.title}: ${exempt ? `refused because ${exempt}` : 'BSON would change it, so every store refuses it'}`, () => {
      const data = refused.data();
      if (!exempt) assert.ok(bsonChanges(data), `BSON keeps ${refused.title} unchanged, so refusing it needs another reason`);
      assert.match(unstorableValue(data, 'data') ?? '', refused.message);
    });
  }

  it('lone surrogates in ids are changed by BSON, which is why ids must be well-formed', () => {
    assert.equal(asStored({ id: 'evt-\uDC01' }).id, 'evt-\uFFFD');
    assert.equal(asStored({ id: 'x\uD800' }).id, asStored({ id: 'x\uDBFF' }).id, 'two ids would become one');
  });

  for (const kept of KEPT_VALUES) {
    it(`${kept.title}: the MongoDB encoding and the in-memory store give back the same`, async () => {
      const event: NewEvent = { id: 'e-1', type: 'T', schemaVersion: 1, data: kept.data(), metadata: { occurredAt: at } };
      const store = inMemoryEventStore();
      const [memory] = (await store.append('S-1', [event])).events;
      assert.deepStrictEqual(throughMongo(event).data, kept.back);
      assert.deepStrictEqual(memory!.data, kept.back);
    });
  }

  it('for any value: both stores refuse it, or both give back exactly the same (property)', async () => {
    const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('$set', 'a.b', '', '__proto__', '_bsontype', 'toBSON'));
    const leaf = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false }),
      fc.constantFrom<unknown>(new Set([1]), new Uint8Array([1]), 1n),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
    }));
    let kept = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { maxKeys: 4 }), async (data) => {
        const event: NewEvent = { id: 'e-1', type: 'T', schemaVersion: 1, data, metadata: { occurredAt: at } };
        const store = inMemoryEventStore();
        if (unstorableValue(data, 'data')) {
          refused += 1;
          await assert.rejects(store.append('S-1', [event]), /Nothing was written/);
          assert.throws(() => encodeEvent('S-1', 0, event, at));
          return;
        }
        kept += 1;
        const [memory] = (await store.append('S-1', [event])).events;
        assert.deepStrictEqual(memory!.data, throughMongo(event).data);
      }),
      { numRuns: 300, seed: 14 },
    );
    assert.ok(kept > 50 && refused > 50, `both sides were exercised: ${kept} kept, ${refused} refused`);
  });
});
