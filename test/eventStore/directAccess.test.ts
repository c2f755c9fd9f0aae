import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryEventStore } from '../../src';
import type { EventStore, NewEvent } from '../../src';
import { directAccessOf, offerDirectAccess } from '../../src/eventStore/directAccess';

const event = (id: string): NewEvent => ({ id, type: 'Counted', schemaVersion: 1, data: { n: 1 }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } });
const writer = (parsedBy: object) => ({ idsAreNew: true, parsedBy });

describe("the in-memory store's direct access", () => {
  it('is offered only while the store still has its own append and readStream', () => {
    const store = inMemoryEventStore();
    assert.ok(directAccessOf(store));
    const wrapped: EventStore = { ...store, append: (...args) => store.append(...args) };
    assert.equal(directAccessOf(wrapped), undefined);
    const reads = inMemoryEventStore();
    reads.readStream = (...args) => store.readStream(...args);
    assert.equal(directAccessOf(reads), undefined);
    // A store that offers it, then has a method replaced.
    const own = inMemoryEventStore();
    const access = directAccessOf(own)!;
    const other: EventStore = { ...own };
    offerDirectAccess(other, access);
    assert.equal(directAccessOf(other), access);
    other.readStream = async () => [];
    assert.equal(directAccessOf(other), undefined);
    const appends: EventStore = { ...own };
    offerDirectAccess(appends, access);
    appends.append = async (...args) => own.append(...args);
    assert.equal(directAccessOf(appends), undefined);
  });

  it("marks a stream's prefix as parsed while one direct writer has written every event of it", async () => {
    const store = inMemoryEventStore();
    const direct = directAccessOf(store)!;
    const a = { name: 'A' };
    const b = { name: 'A' };
    direct.appendNow('S-1', [event('e-1'), event('e-2')], { expectedVersion: 'no_stream' }, writer(a));
    expectMark(direct.streamOf('S-1'), a, 2);
    direct.appendNow('S-1', [event('e-3')], { expectedVersion: 2 }, writer(a));
    expectMark(direct.streamOf('S-1'), a, 3);
    // Another writer's events end the prefix where it stands, and it never grows again.
    direct.appendNow('S-1', [event('e-4')], { expectedVersion: 3 }, writer(b));
    expectMark(direct.streamOf('S-1'), a, 3);
    await store.append('S-1', [event('e-5')], { expectedVersion: 4 });
    direct.appendNow('S-1', [event('e-6')], { expectedVersion: 5 }, writer(a));
    expectMark(direct.streamOf('S-1'), a, 3);
    // A stream begun by an append through the promise has no parsed prefix.
    await store.append('S-2', [event('f-1')]);
    direct.appendNow('S-2', [event('f-2')], { expectedVersion: 1 }, writer(a));
    expectMark(direct.streamOf('S-2'), undefined, 0);
    // A direct append without a writer marks nothing either.
    direct.appendNow('S-3', [event('g-1')], { expectedVersion: 'no_stream' });
    expectMark(direct.streamOf('S-3'), undefined, 0);
  });
});

/** The writer that marked the prefix (by identity: two writers may look alike) and its length. */
function expectMark(stream: { parsedBy: object | undefined; parsedUpTo: number } | undefined, by: object | undefined, upTo: number): void {
  assert.ok(stream);
  assert.ok(stream.parsedBy === by, 'parsed by another writer');
  assert.equal(stream.parsedUpTo, upTo);
}
