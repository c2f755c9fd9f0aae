import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineAggregate, defineCommand, defineEvent, inMemoryEventStore, inMemorySnapshotStore, z } from '../../src';
import { loadAggregate } from '../../src/commandHandling/loadAggregate';

const Counted = defineEvent('Counted', z.object({ by: z.number() }));
const Count = defineCommand('Count', z.object({ by: z.number() }));
const Counter = defineAggregate({ name: 'Counter', events: [Counted], commands: [Count], initialState: { n: 0 }, snapshot: { every: 100, version: 2 } }).behavior({
  evolve: { Counted: (s, { by }) => ({ n: s.n + by }) },
  decide: { Count: ({ by }) => ({ type: 'Counted', data: { by } }) },
});

/** Five events adding 1, 2, 4, 8, 16 (so every version has its own total), a day apart from 2025-03-01. */
async function fiveEvents(snapshot?: { version: number; snapshotVersion: number; n: number }) {
  const store = inMemoryEventStore();
  const snapshots = inMemorySnapshotStore();
  await store.append(
    'Counter-c',
    [1, 2, 4, 8, 16].map((by, i) => ({ id: `e${i + 1}`, type: 'Counted', schemaVersion: 1, data: { by }, metadata: { occurredAt: `2025-03-0${i + 1}T09:00:00.000Z` } })),
  );
  if (snapshot) {
    await snapshots.save({ streamId: 'Counter-c', version: snapshot.version, snapshotVersion: snapshot.snapshotVersion, state: { n: snapshot.n }, takenAt: '2025-03-09T00:00:00.000Z' });
  }
  const load = (options: { atVersion?: number; asOf?: string } = {}) => loadAggregate({ store, snapshots }, Counter, 'Counter-c', options);
  return { load };
}

describe('loadAggregate', () => {
  it('loads a version above the snapshot from the snapshot, and stops at that version', async () => {
    const { load } = await fiveEvents({ version: 2, snapshotVersion: 2, n: 3 });
    assert.deepEqual(await load({ atVersion: 3 }), { state: { n: 7 }, version: 3, fromSnapshot: 2 });
    assert.deepEqual(await load(), { state: { n: 31 }, version: 5, fromSnapshot: 2 });
  });

  it('replays from the start for a version below the snapshot', async () => {
    // A snapshot whose state would show if it were used: the load must not start from it.
    const { load } = await fiveEvents({ version: 4, snapshotVersion: 2, n: 1000 });
    assert.deepEqual(await load({ atVersion: 2 }), { state: { n: 3 }, version: 2, fromSnapshot: 0 });
    assert.deepEqual(await load({ atVersion: 4 }), { state: { n: 1000 }, version: 4, fromSnapshot: 4 });
  });

  it('ignores a snapshot taken under another snapshot version (another state shape)', async () => {
    const { load } = await fiveEvents({ version: 4, snapshotVersion: 1, n: 1000 });
    assert.deepEqual(await load(), { state: { n: 31 }, version: 5, fromSnapshot: 0 });
  });

  it('takes an event that occurred exactly at the asOf time', async () => {
    const { load } = await fiveEvents();
    assert.deepEqual(await load({ asOf: '2025-03-02T09:00:00.000Z' }), { state: { n: 3 }, version: 2, fromSnapshot: 0 });
    assert.deepEqual(await load({ asOf: '2025-03-02T08:59:59.999Z' }), { state: { n: 1 }, version: 1, fromSnapshot: 0 });
  });

  it('refuses a version that is not a whole number ≥ 0, naming the stream', async () => {
    const { load } = await fiveEvents();
    for (const atVersion of [-1, 1.5, Number.NaN]) {
      await assert.rejects(load({ atVersion }), {
        name: 'EventspecError',
        message: `stream "Counter-c": version ${atVersion} is not a whole number ≥ 0; ask for the state after that many events (0 = the initial state)`,
      });
    }
  });

  it('refuses an asOf that is not a date, saying how to write one', async () => {
    const { load } = await fiveEvents();
    await assert.rejects(load({ asOf: 'yesterday' }), {
      name: 'EventspecError',
      message: 'as of "yesterday" is not a date or time eventspec reads; write it as ISO 8601: 2025-03-01, 2025-03-01T10:00, 2025-03-01T10:00:00, 2025-03-01T10:00:00Z or 2025-03-01T10:00:00+01:00 (without a zone, UTC)',
    });
  });
});
