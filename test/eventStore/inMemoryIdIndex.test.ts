import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryEventStore } from '../../src';
import type { NewEvent } from '../../src';

const event = (id: string): NewEvent => ({ id, type: 'Counted', schemaVersion: 1, data: { n: 1 }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } });

describe('the in-memory store finds event ids in short and long streams alike', () => {
  // Short streams are scanned, long ones indexed (from 32 events): both must answer the same.
  for (const length of [1, 31, 32, 33, 80]) {
    it(`a stream of ${length} events`, async () => {
      const store = inMemoryEventStore();
      for (let i = 1; i <= length; i++) await store.append('S-1', [event(`e-${i}`)], { expectedVersion: i - 1 });
      assert.equal(await store.eventVersion('S-1', 'e-1'), 1);
      assert.equal(await store.eventVersion('S-1', `e-${length}`), length);
      assert.equal(await store.eventVersion('S-1', 'e-unknown'), undefined);
      const retry = await store.append('S-1', [event('e-1')], { expectedVersion: 0 });
      assert.equal(retry.alreadyStored, true);
      await assert.rejects(store.append('S-1', [event(`e-${length}`), event('e-new')], { expectedVersion: length }), /already stored/);
      assert.equal(await store.streamVersion('S-1'), length);
    });
  }
});
