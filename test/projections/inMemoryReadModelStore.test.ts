import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommitStep } from '../../src/projections';
import { inMemoryReadModelStore } from '../../src/projections';
import { readModelStoreContract } from './readModelStoreContract';

readModelStoreContract('in-memory', { create: async () => inMemoryReadModelStore() });

describe('in-memory read-model store: a crash inside a commit', () => {
  it('rolls back every write of the commit, whichever step fails', async () => {
    const changes = [
      { kind: 'put' as const, readModel: 'M', id: 'a', doc: { n: 2 } },
      { kind: 'delete' as const, readModel: 'M', id: 'b' },
      { kind: 'put' as const, readModel: 'N', id: 'c', doc: { n: 2 } },
    ];
    // Steps: one per write, then the checkpoint.
    for (let crashAt = 1; crashAt <= changes.length + 1; crashAt++) {
      let step = 0;
      let armed = false;
      const seen: CommitStep['step'][] = [];
      const store = inMemoryReadModelStore({
        failpoint: (s) => {
          if (!armed) return;
          seen.push(s.step);
          if (++step === crashAt) throw new Error(`crash at step ${crashAt}`);
        },
      });
      await store.commit({
        projection: 'P',
        expectedCheckpoint: 0,
        checkpoint: 1,
        changes: [
          { kind: 'put', readModel: 'M', id: 'a', doc: { n: 1 } },
          { kind: 'put', readModel: 'M', id: 'b', doc: { n: 1 } },
        ],
      });
      armed = true;
      await assert.rejects(store.commit({ projection: 'P', expectedCheckpoint: 1, checkpoint: 5, changes }), new RegExp(`crash at step ${crashAt}`));
      assert.equal(seen[seen.length - 1], crashAt <= changes.length ? 'write' : 'checkpoint');
      assert.deepEqual(await store.get('M', 'a'), { n: 1 }, `crash at ${crashAt}`);
      assert.deepEqual(await store.get('M', 'b'), { n: 1 }, `crash at ${crashAt}`);
      assert.equal(await store.get('N', 'c'), undefined, `crash at ${crashAt}`);
      assert.equal(await store.checkpoint('P'), 1, `crash at ${crashAt}`);
    }
  });

  it('refuses a document it cannot copy before writing anything', async () => {
    const store = inMemoryReadModelStore();
    await assert.rejects(
      store.commit({
        projection: 'P',
        expectedCheckpoint: 0,
        checkpoint: 1,
        changes: [
          { kind: 'put', readModel: 'M', id: 'a', doc: { n: 1 } },
          { kind: 'put', readModel: 'M', id: 'b', doc: { f: () => 1 } },
        ],
      }),
    );
    assert.equal(await store.get('M', 'a'), undefined);
    assert.equal(await store.checkpoint('P'), 0);
  });
});
