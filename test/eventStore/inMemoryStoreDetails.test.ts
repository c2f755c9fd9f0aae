import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WrongExpectedVersionError, inMemoryEventStore } from '../../src';
import { newEvent, newEvents } from '../support/events';

describe('the in-memory store, in detail', () => {
  it('answers a retried batch that is no longer the stream tail with exactly that batch', async () => {
    const store = inMemoryEventStore();
    const batch = newEvents(2);
    await store.append('S-1', batch, { expectedVersion: 'no_stream' });
    await store.append('S-1', newEvents(3), { expectedVersion: 2 });
    const again = await store.append('S-1', batch, { expectedVersion: 'no_stream' });
    assert.equal(again.alreadyStored, true);
    assert.equal(again.nextExpectedVersion, 5);
    assert.deepEqual(again.events.map((e) => [e.id, e.version]), [[batch[0]!.id, 1], [batch[1]!.id, 2]]);
  });

  it('keeps data the way MongoDB gives it back: no undefined fields, null for undefined in arrays', async () => {
    const store = inMemoryEventStore();
    await store.append('S-2', [newEvent('Sparse', { a: 1, gone: undefined, list: [1, undefined, 3], nested: { gone: undefined, kept: 'k' } })]);
    const [stored] = await store.readStream('S-2');
    assert.deepEqual(stored!.data, { a: 1, list: [1, null, 3], nested: { kept: 'k' } });
    assert.deepEqual(Object.keys(stored!.data as object), ['a', 'list', 'nested']);
  });

  it('keeps a __proto__ key as an ordinary, listed field', async () => {
    const store = inMemoryEventStore();
    await store.append('S-3', [newEvent('Odd', JSON.parse('{"__proto__": {"x": 1}, "b": 2}'))]);
    const [stored] = await store.readStream('S-3');
    const kept = stored!.data as object;
    assert.deepEqual(Object.keys(kept), ['__proto__', 'b']);
    assert.equal(JSON.stringify(kept), '{"__proto__":{"x":1},"b":2}');
    assert.equal(Object.getPrototypeOf(kept), Object.prototype);
  });

  it('copies Dates, arrays of arrays and class instances, and freezes every copy', async () => {
    class Money {
      constructor(readonly amount: number, readonly currency: string) {}
    }
    const when = new Date('2025-03-01T10:00:00Z');
    const data = { when, grid: [[1, 2], [3]], price: new Money(5, 'EUR') };
    const store = inMemoryEventStore();
    await store.append('S-4', [newEvent('Rich', data)]);
    when.setFullYear(1999);
    data.grid[0]!.push(99);
    const [stored] = await store.readStream('S-4');
    const kept = stored!.data as { when: Date; grid: number[][]; price: Record<string, unknown> };
    assert.ok(kept.when instanceof Date);
    assert.equal(kept.when.toISOString(), '2025-03-01T10:00:00.000Z');
    assert.ok(Object.isFrozen(kept.when), 'the stored Date is frozen');
    assert.deepEqual(kept.grid, [[1, 2], [3]]);
    assert.ok(Object.isFrozen(kept.grid) && Object.isFrozen(kept.grid[0]), 'nested arrays are frozen');
    assert.deepEqual(kept.price, { amount: 5, currency: 'EUR' });
    assert.equal(Object.getPrototypeOf(kept.price), Object.prototype, 'a class instance is kept as a plain object');
    assert.ok(Object.isFrozen(kept.price) && Object.isFrozen(kept) && Object.isFrozen(stored!.metadata) && Object.isFrozen(stored));
  });

  it('says in a WrongExpectedVersionError what was expected and what was found', async () => {
    const store = inMemoryEventStore();
    await store.append('S-5', newEvents(2));
    const refusal = (error: unknown) => {
      assert.ok(error instanceof WrongExpectedVersionError, String(error));
      return [error.streamId, error.expected, error.actual, error.message];
    };
    const caught = async (expectedVersion: 'no_stream' | 'stream_exists' | number, streamId = 'S-5') => {
      try {
        await store.append(streamId, newEvents(1), { expectedVersion });
      } catch (error) {
        return refusal(error);
      }
      return assert.fail(`appending to ${streamId} with ${expectedVersion} was accepted`);
    };
    assert.deepEqual(await caught('no_stream'), ['S-5', 'no_stream', 2, 'stream "S-5" was expected to be at no_stream but is at version 2']);
    assert.deepEqual(await caught(1), ['S-5', 'version 1', 2, 'stream "S-5" was expected to be at version 1 but is at version 2']);
    assert.deepEqual(await caught('stream_exists', 'S-6'), ['S-6', 'stream_exists', 0, 'stream "S-6" was expected to be at stream_exists but is at version 0']);
  });

  it('refuses a value that fails while it is copied, naming stream, event and type, and stores nothing', async () => {
    // A getter that works once (when the batch is validated) and then throws, like a value backed by a closed resource.
    let reads = 0;
    const data = {
      get flaky() {
        reads++;
        if (reads > 1) throw new Error('the value is gone');
        return 1;
      },
    };
    const store = inMemoryEventStore();
    await assert.rejects(store.append('S-7', [newEvent('Ok'), newEvent('Flaky', data)]), {
      name: 'EventspecError',
      message: 'stream "S-7", event 2 of the batch (Flaky): the value is gone',
    });
    assert.equal(await store.streamVersion('S-7'), 0);
  });

  it('stamps each event of a batch with its own version and position', async () => {
    const store = inMemoryEventStore();
    await store.append('A', newEvents(1));
    const result = await store.append('B', newEvents(2));
    assert.deepEqual(result.events.map((e) => [e.version, e.position]), [[1, 2], [2, 3]]);
    assert.equal(result.nextExpectedVersion, 2);
  });
});

describe('the in-memory store, copying a batch', () => {
  it('refuses a value that fails only while it is copied (after validation read it), naming stream, event and type, and stores nothing', async () => {
    // A getter that works k times and then throws, for growing k: small k fail while the batch is
    // validated, larger ones while the store copies it, and from some k on it is read few enough times.
    const outcomes: string[] = [];
    for (let k = 0; k <= 8; k++) {
      let reads = 0;
      const data = {
        get flaky() {
          reads++;
          if (reads > k) throw new Error('the value is gone');
          return 1;
        },
      };
      const store = inMemoryEventStore();
      const streamId = `S-copy-${k}`;
      const appended = await store.append(streamId, [newEvent('Ok'), newEvent('Flaky', data)]).then(
        () => 'stored',
        (error: unknown) => {
          assert.ok(error instanceof Error && error.name === 'EventspecError', `k=${k}: ${String(error)}`);
          assert.match(error.message, new RegExp(`^stream "${streamId}", event 2 of the batch \\(Flaky\\): (data\\.flaky is a getter that threw \\()?the value is gone`), `k=${k}`);
          return `refused after ${reads} reads`;
        },
      );
      const stored = await store.readStream(streamId);
      if (appended === 'stored') assert.deepEqual(stored.map((e) => [e.type, e.data]), [['Ok', stored[0]?.data], ['Flaky', { flaky: 1 }]], `k=${k}`);
      else assert.deepEqual(stored, [], `k=${k}: nothing stored`);
      outcomes.push(appended);
    }
    // Refusals first (the validation's reads, then the copy's), stored from the k that lets every read through.
    const refusals = outcomes.filter((o) => o !== 'stored').length;
    assert.ok(refusals > 1, outcomes.join(', '));
    assert.deepEqual(outcomes.slice(refusals), outcomes.slice(refusals).map(() => 'stored'), outcomes.join(', '));
  });

  it('keeps each event’s own metadata, and stores one copy for events given one metadata object', async () => {
    const store = inMemoryEventStore();
    const one = { occurredAt: '2025-03-01T10:00:00.000Z', user: 'one' };
    const two = { occurredAt: '2025-03-01T10:00:00.000Z', user: 'two' };
    const batch = [newEvent('A'), newEvent('B'), newEvent('C'), newEvent('D')].map((e, i) => ({ ...e, metadata: i === 2 ? two : one }));
    const { events } = await store.append('S-meta', batch);
    assert.deepEqual(events.map((e) => e.metadata.user), ['one', 'one', 'two', 'one']);
    // A command's events share their metadata: stored once, not once per event (memory per event).
    assert.equal(events[0]!.metadata, events[1]!.metadata);
    assert.ok(Object.isFrozen(events[0]!.metadata));
  });
});
