import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Snapshot, SnapshotStore } from '../../src';
import { skipMongo } from '../support/requireMongo';

export interface SnapshotStoreFactory {
  create(): Promise<SnapshotStore>;
  unavailable?: () => Promise<string | undefined>;
}

let counter = 0;
const snap = (streamId: string, version: number, state: unknown, snapshotVersion = 1): Snapshot => ({
  streamId,
  version,
  snapshotVersion,
  state,
  takenAt: '2025-03-01T10:00:00.000Z',
});

/** The meaning of `SnapshotStore`, run by every snapshot store. */
export function snapshotStoreContract(name: string, factory: SnapshotStoreFactory): void {
  describe(`snapshot store contract: ${name}`, () => {
    let store: SnapshotStore;
    let skipReason: string | undefined;
    before(async () => {
      skipReason = await factory.unavailable?.();
      if (skipReason) console.log(`\n*** SKIPPED snapshot store contract on ${name}: ${skipReason} ***\n`);
      else store = await factory.create();
    });
    after(async () => store?.close());
    const test = (title: string, body: (stream: string) => Promise<void>) =>
      it(title, async (t) => {
        if (skipReason) return skipMongo(t, skipReason);
        await body(`Snap-${process.pid}-${++counter}`);
      });

    test('nothing is loaded for a stream without a snapshot', async (stream) => {
      assert.equal(await store.load(stream), undefined);
    });

    test('saves and loads a snapshot with its state intact', async (stream) => {
      const state = { status: 'placed', items: { a: { quantity: 2 } }, tags: ['x'], total: 12.5 };
      assert.equal(await store.save(snap(stream, 5, state)), true);
      assert.deepEqual(await store.load(stream), snap(stream, 5, state));
    });

    test('state a store would change (a Set, an invalid Date) or cannot read (a getter that throws) is refused naming stream, version and path', async (stream) => {
      await assert.rejects(store.save(snap(stream, 3, { tags: new Set(['a']) })), new RegExp(`snapshot of stream "${stream}" at version 3: state\\.tags is a Set`));
      await assert.rejects(store.save(snap(stream, 3, { at: new Date(Number.NaN) })), /state\.at is an invalid Date/);
      const lazy = Object.defineProperty({}, 'lines', { get: () => { throw new Error('not loaded yet'); }, enumerable: true });
      await assert.rejects(store.save(snap(stream, 3, { order: lazy })), /state\.order\.lines is a getter that threw \(not loaded yet\)/);
      assert.equal(await store.load(stream), undefined);
    });

    test("a state over MongoDB's 16 MiB document limit is refused with what to do, the stored snapshot kept; one just under is kept", async (stream) => {
      const limit = 16 * 1024 * 1024;
      await store.save(snap(stream, 2, { text: 'small' }));
      await assert.rejects(
        store.save(snap(stream, 4, { text: 'x'.repeat(limit) })),
        new RegExp(`snapshot of stream "${stream}" at version 4 takes \\d+ bytes, over MongoDB's 16 MiB document limit.*loading replays them`),
      );
      assert.deepEqual((await store.load(stream))?.state, { text: 'small' });
      assert.equal(await store.save(snap(stream, 6, { text: 'x'.repeat(limit - 1024) })), true);
      assert.equal((await store.load(stream))?.version, 6);
    });

    test('a newer snapshot replaces an older one', async (stream) => {
      await store.save(snap(stream, 5, { v: 5 }));
      assert.equal(await store.save(snap(stream, 9, { v: 9 })), true);
      assert.equal((await store.load(stream))?.version, 9);
    });

    test('a snapshot never replaces a newer one (writes that go backwards are ignored)', async (stream) => {
      await store.save(snap(stream, 9, { v: 9 }));
      assert.equal(await store.save(snap(stream, 5, { v: 5 })), false);
      assert.equal(await store.save(snap(stream, 9, { v: 'again' })), false);
      assert.deepEqual((await store.load(stream))?.state, { v: 9 });
    });

    test('a snapshot of a newer snapshot version wins even at a lower stream version', async (stream) => {
      await store.save(snap(stream, 9, { v: 9 }, 1));
      assert.equal(await store.save(snap(stream, 4, { v: 4 }, 2)), true);
      assert.equal(await store.save(snap(stream, 20, { v: 20 }, 1)), false);
      assert.deepEqual(await store.load(stream), snap(stream, 4, { v: 4 }, 2));
    });

    test('concurrent saves keep the newest', async (stream) => {
      await Promise.all([3, 8, 1, 6, 7, 2].map((v) => store.save(snap(stream, v, { v }))));
      assert.equal((await store.load(stream))?.version, 8);
    });

    test('changing a snapshot after saving it does not change the stored one', async (stream) => {
      const saved = snap(stream, 1, { list: [1] });
      await store.save(saved);
      (saved.state as { list: number[] }).list.push(2);
      saved.version = 7;
      assert.deepEqual(await store.load(stream), snap(stream, 1, { list: [1] }));
    });

    test('changing a loaded snapshot does not change the stored one', async (stream) => {
      await store.save(snap(stream, 1, { list: [1] }));
      const loaded = await store.load(stream);
      (loaded!.state as { list: number[] }).list.push(2);
      assert.deepEqual((await store.load(stream))?.state, { list: [1] });
    });
  });
}
