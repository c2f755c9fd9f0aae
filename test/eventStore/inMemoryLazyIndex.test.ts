import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryEventStore } from '../../src';
import type { NewEvent } from '../../src';
import { directAccessOf } from '../../src/eventStore/directAccess';

const vouched = { idsAreNew: true, parsedBy: {} };
const event = (id: string): NewEvent => ({ id, type: 'Counted', schemaVersion: 1, data: { n: 1 }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } });

// A stream is indexed at its first look-up, not as it grows; appends the handler vouches for look
// nothing up. The answers must be those of a stream looked up all along.
describe('the in-memory store indexes event ids when first asked', () => {
  it('finds every id of a long stream appended without look-ups, and keeps finding new ones', async () => {
    const store = inMemoryEventStore();
    const direct = directAccessOf(store)!;
    for (let i = 1; i <= 80; i++) direct.appendNow('S-1', [event(`e-${i}`)], { expectedVersion: i === 1 ? 'no_stream' : i - 1 }, vouched);
    assert.equal(await store.eventVersion('S-1', 'e-1'), 1);
    assert.equal(await store.eventVersion('S-1', 'e-80'), 80);
    await store.append('S-1', [event('e-81')], { expectedVersion: 80 });
    direct.appendNow('S-1', [event('e-82')], { expectedVersion: 81 }, vouched);
    assert.equal(await store.eventVersion('S-1', 'e-81'), 81);
    assert.equal(await store.eventVersion('S-1', 'e-82'), 82);
    assert.equal((await store.append('S-1', [event('e-40')], { expectedVersion: 39 })).alreadyStored, true);
    await assert.rejects(store.append('S-1', [event('e-82'), event('e-new')], { expectedVersion: 82 }), /already stored/);
  });

  it('looks ids up unless the caller vouches for them', () => {
    const store = inMemoryEventStore();
    const direct = directAccessOf(store)!;
    direct.appendNow('S-1', [event('e-1')], { expectedVersion: 'no_stream' }, vouched);
    assert.equal(direct.appendNow('S-1', [event('e-1')], { expectedVersion: 0 }).alreadyStored, true);
    assert.equal(direct.streamOf('S-1')?.events.length, 1);
  });
});
