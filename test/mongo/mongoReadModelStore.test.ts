import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MongoClient } from 'mongodb';
import { CheckpointConflict, inMemoryReadModelStore } from '../../src/projections';
import { MongoSetupError, mongoReadModelStore, type MongoCommitStep } from '../../src/mongo';
import { readModelStoreContract } from '../projections/readModelStoreContract';
import { checkpoints, dump, exampleProjections, mixedHistoryStore, runWithCrashes } from '../projections/support';
import { mongoSkipReason, mongoUri, testDatabase } from '../support/mongo';
import { skipMongo } from '../support/requireMongo';

readModelStoreContract('mongo', {
  unavailable: mongoSkipReason,
  create: async () => mongoReadModelStore({ uri: await mongoUri(), database: testDatabase('readmodels') }),
});

describe('the MongoDB read-model store without a server', () => {
  // Port 1 on the loopback refuses at once: the real driver, no server, no network.
  const uri = 'mongodb://alice:hunter2@127.0.0.1:1/?directConnection=true&authSource=admin';

  it('an unreachable server fails fast with the redacted address and no credentials', async () => {
    const store = mongoReadModelStore({ uri, serverSelectionTimeoutMS: 300 });
    try {
      for (const call of [() => store.get('M', 'a'), () => store.find('M', { a: 1 }), () => store.checkpoint('P'), () => store.commit({ projection: 'P', expectedCheckpoint: 0, checkpoint: 1, changes: [] }), () => store.reset('P', ['M'])]) {
        await assert.rejects(call(), (error: unknown) => {
          assert.ok(error instanceof MongoSetupError, String(error));
          assert.doesNotMatch(error.message, /hunter2|alice/);
          assert.match(error.message, /cannot reach MongoDB at mongodb:\/\/\*\*\*@127\.0\.0\.1:1\/.* within 300 ms/);
          return true;
        });
      }
    } finally {
      await store.close();
    }
  });

  it('bad input is refused before connecting, saying what was wrong', async () => {
    const store = mongoReadModelStore({ uri, serverSelectionTimeoutMS: 300 });
    try {
      await assert.rejects(store.get('', 'a'), /read-model name must be a non-empty string/);
      await assert.rejects(store.get('M', ''), /M: a document id must be a non-empty string/);
      await assert.rejects(store.find('M', { 'a..b': 1 }), /empty segment/);
      await assert.rejects(store.checkpoint(''), /projection name must be a non-empty string/);
      await assert.rejects(store.commit({ projection: 'P', expectedCheckpoint: 2, checkpoint: 1, changes: [] }), /a checkpoint may only move forward/);
      await assert.rejects(store.commit({ projection: 'P', expectedCheckpoint: 0, checkpoint: 1, changes: [{ kind: 'put', readModel: 'M', id: 'a', doc: { f: () => 1 } }] }), /read model M, document "a": doc\.f is a function/);
      await assert.rejects(store.reset('P', ['']), /read-model name/);
      assert.deepEqual(await store.find('M', {}, { limit: 0 }), [], 'a limit of 0 asks for nothing');
    } finally {
      await store.close();
    }
  });

  it('bad options are refused at once', () => {
    assert.throws(() => mongoReadModelStore({ uri, collectionPrefix: 'a b' }), /collectionPrefix/);
    assert.throws(() => mongoReadModelStore({ uri, database: 'a.b' }), /database name/);
    assert.throws(() => mongoReadModelStore({}), /needs a connection string \(uri\) or a MongoClient/);
  });
});

/** A store per run, on one client, in its own collections: runs never see each other. */
let client: MongoClient | undefined;
let runs = 0;
let database = '';
const freshStore = (failpoint?: (step: MongoCommitStep) => void) =>
  mongoReadModelStore({ client: client!, database, collectionPrefix: `r${++runs}_`, ...(failpoint ? { failpoint } : {}) });

describe('MongoDB read models with a server', () => {
  let skip: string | undefined;
  before(async () => {
    skip = await mongoSkipReason(); // the contract suite above has said why, loudly
    if (skip) return;
    client = new MongoClient(await mongoUri(), { serverSelectionTimeoutMS: 5000 });
    database = testDatabase('readmodel_crash');
  });
  after(async () => client?.close());

  it('a crash at any step inside a commit leaves documents and checkpoint as they were', async (t) => {
    if (skip) return skipMongo(t, skip);
    const changes = [
      { kind: 'put' as const, readModel: 'M', id: 'a', doc: { n: 2 } },
      { kind: 'delete' as const, readModel: 'M', id: 'b' },
      { kind: 'put' as const, readModel: 'N', id: 'c', doc: { n: 2 } },
    ];
    const steps: MongoCommitStep['step'][] = ['checkpoint', 'documents', 'commit'];
    for (const crashAt of steps) {
      let armed = false;
      const seen: string[] = [];
      const store = freshStore((s) => {
        if (!armed) return;
        seen.push(s.step);
        if (s.step === crashAt) throw new Error(`crash at ${crashAt}`);
      });
      try {
        await store.commit({ projection: 'P', expectedCheckpoint: 0, checkpoint: 1, changes: [{ kind: 'put', readModel: 'M', id: 'a', doc: { n: 1 } }, { kind: 'put', readModel: 'M', id: 'b', doc: { n: 1 } }] });
        armed = true;
        await assert.rejects(store.commit({ projection: 'P', expectedCheckpoint: 1, checkpoint: 5, changes }), new RegExp(`crash at ${crashAt}`));
        armed = false;
        assert.equal(seen[seen.length - 1], crashAt);
        assert.deepEqual(await store.get('M', 'a'), { n: 1 }, `crash at ${crashAt}`);
        assert.deepEqual(await store.get('M', 'b'), { n: 1 }, `crash at ${crashAt}`);
        assert.equal(await store.get('N', 'c'), undefined, `crash at ${crashAt}`);
        assert.equal(await store.checkpoint('P'), 1, `crash at ${crashAt}`);
        await store.commit({ projection: 'P', expectedCheckpoint: 1, checkpoint: 5, changes });
        assert.deepEqual(await store.find('M'), [{ id: 'a', doc: { n: 2 } }], 'the same commit lands once run again');
      } finally {
        await store.close();
      }
    }
  });

  it('a first commit racing another first commit: the loser gets a conflict naming the winner’s checkpoint', async (t) => {
    if (skip) return skipMongo(t, skip);
    const store = freshStore();
    try {
      await store.commit({ projection: 'P', expectedCheckpoint: 0, checkpoint: 4, changes: [] });
      await assert.rejects(store.commit({ projection: 'P', expectedCheckpoint: 0, checkpoint: 2, changes: [{ kind: 'put', readModel: 'M', id: 'a', doc: {} }] }), (error: unknown) => {
        assert.ok(error instanceof CheckpointConflict, String(error));
        assert.equal(error.actual, 4);
        return true;
      });
      assert.equal(await store.get('M', 'a'), undefined);
      await store.reset('P', ['M']);
      await store.commit({ projection: 'P', expectedCheckpoint: 0, checkpoint: 1, changes: [] });
      assert.equal(await store.checkpoint('P'), 1, 'after a reset the first commit creates the checkpoint again');
    } finally {
      await store.close();
    }
  });

  // The restart-anywhere check of test/projections/restartAnywhere.test.ts, on this store: a crash at
  // every step (runner steps and the steps inside the commit transaction), then a fresh runner.
  for (const batchSize of [1, 5]) {
    it(`a crash at any step, then a restart, gives the same read models as an uninterrupted in-memory run (batch size ${batchSize})`, async (t) => {
      if (skip) return skipMongo(t, skip);
      const events = await mixedHistoryStore();
      const baseline = await runWithCrashes(events, exampleProjections, { batchSize, crashAt: () => false, store: () => inMemoryReadModelStore() });
      const expected = await dump(baseline.readModels, exampleProjections);
      const head = await events.headPosition();
      const { steps } = await runWithCrashes(events, exampleProjections, { batchSize, crashAt: () => false, store: (tick) => freshStore(() => tick()) });
      assert.ok(steps > 3 * 17, `${steps} steps`);
      for (let k = 1; k <= steps; k++) {
        const run = await runWithCrashes(events, exampleProjections, { batchSize, crashAt: (s) => s === k, store: (tick) => freshStore(() => tick()) });
        try {
          assert.equal(run.restarts, 1, `crash at step ${k} of ${steps} happened`);
          assert.deepEqual(await dump(run.readModels, exampleProjections), expected, `crash at step ${k} of ${steps}`);
          assert.deepEqual(await checkpoints(run.readModels, exampleProjections), exampleProjections.map(() => head), `crash at step ${k} of ${steps}`);
        } finally {
          await run.readModels.close();
        }
      }
    });
  }
});
