import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoSetupError, mongoEventStore, mongoScenarioStores, mongoSnapshotStore } from '../../src/mongo';
import { controllableClock } from '../../src';
import { newEvent } from '../support/events';

// Port 1 on the loopback refuses at once: the real driver, no server, no network.
const uri = 'mongodb://alice:hunter2@127.0.0.1:1/?directConnection=true&authSource=admin';
const noSecrets = (error: unknown) => {
  assert.ok(error instanceof MongoSetupError, String(error));
  assert.doesNotMatch(error.message, /hunter2|alice/);
  return true;
};

describe('the MongoDB stores without a server', () => {
  it('an unreachable server fails fast with the redacted address and no credentials', async () => {
    const store = mongoEventStore({ uri, serverSelectionTimeoutMS: 300 });
    try {
      await assert.rejects(store.append('S-1', [newEvent()]), (error: unknown) => {
        noSecrets(error);
        assert.match((error as Error).message, /cannot reach MongoDB at mongodb:\/\/\*\*\*@127\.0\.0\.1:1\/.* within 300 ms/);
        return true;
      });
      // Not memoized as a failure: the next call tries again, and fails the same clear way.
      await assert.rejects(store.headPosition(), /cannot reach MongoDB/);
    } finally {
      await store.close();
    }
  });

  it('a read-only store refuses appends before connecting (A10)', async () => {
    const store = mongoEventStore({ uri, readOnly: true, serverSelectionTimeoutMS: 300 });
    try {
      await assert.rejects(store.append('S-1', [newEvent()]), /stream "S-1": this MongoDB event store was opened read-only \(for inspecting\)/);
    } finally {
      await store.close();
    }
  });

  it('the snapshot store says the same', async () => {
    const store = mongoSnapshotStore({ uri, serverSelectionTimeoutMS: 300 });
    try {
      await assert.rejects(store.load('S-1'), noSecrets);
    } finally {
      await store.close();
    }
  });

  it('an invalid connection string is refused at once, without echoing its secrets', () => {
    assert.throws(() => mongoEventStore({ uri: 'mongodb://alice:hunter2@host/?notAnOption=1&w=' }), noSecrets);
    assert.throws(() => mongoScenarioStores({ uri: 'mongodb://alice:hunter2@host/?w=' }), noSecrets);
  });

  it('no uri and no client is refused', () => {
    assert.throws(() => mongoEventStore({}), /needs a connection string \(uri\) or a MongoClient/);
    assert.throws(() => mongoScenarioStores({}), /needs a connection string \(uri\) or a MongoClient/);
  });

  it('bad options are refused before connecting', () => {
    assert.throws(() => mongoEventStore({ uri, chunkMaxEvents: 0 }), /chunkMaxEvents/);
    assert.throws(() => mongoEventStore({ uri, collectionPrefix: 'a b' }), /collectionPrefix/);
    assert.throws(() => mongoEventStore({ uri, database: 'a.b' }), /database name/);
  });

  it('oversized and malformed batches are refused before any I/O, naming the stream', async () => {
    const store = mongoEventStore({ uri, serverSelectionTimeoutMS: 300, chunkMaxEvents: 2, chunkMaxBytes: 2048 });
    try {
      await assert.rejects(store.append('S-big', [newEvent(), newEvent(), newEvent()]), /stream "S-big": the batch has 3 events but a chunk holds at most 2 \(chunkMaxEvents\).*Nothing was written/);
      await assert.rejects(store.append('S-big', [newEvent('Huge', { text: 'x'.repeat(3000) })]), /stream "S-big": the batch takes \d+ bytes but a chunk holds at most 2048/);
      await assert.rejects(store.append('', [newEvent()]), /stream id must be a non-empty string/);
      await assert.rejects(store.readStream(42 as unknown as string), /stream id must be a non-empty string/);
      await assert.rejects(store.streamVersion({ $gt: '' } as unknown as string), /stream id must be a non-empty string/);
      await assert.rejects(store.append('S-f', [newEvent('Fn', { f: () => 1 })]), /stream "S-f", event 1 of the batch \(Fn\): data\.f is a function/);
      assert.deepEqual(await store.readStream('S-1', { maxCount: 0 }), []);
    } finally {
      await store.close();
    }
  });

  it('a scenario factory on an unreachable server fails the scenario clearly', async () => {
    const factory = mongoScenarioStores({ uri, serverSelectionTimeoutMS: 300 });
    try {
      assert.equal(factory.name, 'mongo');
      const stores = await factory.create({ clock: controllableClock(), scenario: 'x' });
      await assert.rejects(stores.events.streamVersion('S-1'), noSecrets);
      await assert.rejects(stores.snapshots.load('S-1'), noSecrets);
      await stores.dispose();
    } finally {
      await factory.close();
    }
  });
});
