import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoSetupError, mongoEventStore } from '../../src/mongo';
import { newEvents } from '../support/events';
import { serverSuite, testDatabase } from '../support/mongo';
import { skipMongo } from '../support/requireMongo';

/** Restores and operators (review A3, A10, B5), against a real mongod. */
describe('MongoDB store after restores, and for operators', () => {
  const s = serverSuite('MongoDB restore and operator tests', 'restores');
  const { database, test } = s;
  const store = (collectionPrefix: string) => s.track(mongoEventStore({ uri: s.uri, database, collectionPrefix }));

  test('a dropped position counter is recreated at the highest stored position, not at 0 (A3)', async () => {
    const prefix = s.prefix('x');
    const first = store(prefix);
    await first.append('Order-1', newEvents(3));
    await first.append('Order-2', newEvents(2));
    await s.raw.db(database).collection(`${prefix}positions`).drop();
    const restarted = store(prefix);
    assert.equal(await restarted.headPosition(), 5);
    const next = await restarted.append('Order-3', newEvents(1));
    assert.equal(next.events[0]!.position, 6);
    assert.deepEqual((await restarted.readAll()).map((e) => e.position), [1, 2, 3, 4, 5, 6], 'no position handed out twice');
  });

  test('a counter restored from an older backup than the events stops the store with the repair (A3)', async () => {
    const prefix = s.prefix('x');
    await store(prefix).append('Order-1', newEvents(4));
    await s.raw.db(database).collection<{ _id: string; value: number }>(`${prefix}positions`).updateOne({ _id: 'position' }, { $set: { value: 1 } });
    await assert.rejects(store(prefix).append('Order-1', newEvents(1)), (error: unknown) => {
      assert.ok(error instanceof MongoSetupError, String(error));
      assert.match(error.message, /is at 1, but events are stored up to position 4/);
      return true;
    });
  });

  test('inspecting opens read-only: no collection, index or counter is created, and the prefix is used (A10)', async () => {
    const prefix = s.prefix('x');
    await store(prefix).append('Order-1', newEvents(2));
    const inspectDb = testDatabase('inspect');
    const elsewhere = mongoEventStore({ uri: s.uri, database: inspectDb, readOnly: true });
    try {
      assert.deepEqual(await elsewhere.readStream('Order-1'), []);
      assert.equal(await elsewhere.streamVersion('Order-1'), 0);
    } finally {
      await elsewhere.close();
    }
    assert.deepEqual(await s.raw.db(inspectDb).listCollections().toArray(), [], 'nothing created in a database that was only inspected');
    const own = mongoEventStore({ uri: s.uri, database, collectionPrefix: prefix, readOnly: true });
    try {
      assert.equal((await own.readStream('Order-1')).length, 2, 'the prefix names the collections read');
    } finally {
      await own.close();
    }
  });

  test('a unique index build that meets duplicate chunks stops with how to find them (B5)', async () => {
    const prefix = s.prefix('x');
    const chunks = s.raw.db(database).collection(`${prefix}events`);
    const chunk = { stream: 'Order-1', chunk: 1, firstVersion: 1, nextVersion: 1, count: 0, bytes: 0, sealed: false, layout: 1, events: [] };
    await chunks.insertMany([{ ...chunk }, { ...chunk }]);
    await assert.rejects(store(prefix).append('Order-1', newEvents(1)), /unique index stream_chunk on x\d+_events cannot be built: two chunk documents hold the same stream and chunk number/);
  });
});

describe('a replica set member that was never initiated (A11)', () => {
  it('is told to run rs.initiate(), reached directly or through the set', { timeout: 120_000 }, async (t) => {
    const { localMongod } = await import('../../src/mongo');
    const local = await localMongod();
    if ('skip' in local) {
      console.log(`\n*** SKIPPED the uninitiated replica set test: it starts its own mongod, and ${local.skip} ***\n`);
      return skipMongo(t, local.skip);
    }
    const { MongoMemoryServer } = await import('mongodb-memory-server');
    const server = await MongoMemoryServer.create({ binary: { systemBinary: local.binary }, instance: { args: ['--replSet', 'rs-never'] } });
    try {
      for (const uri of [server.getUri(), `${server.getUri()}?replicaSet=rs-never`]) {
        const store = mongoEventStore({ uri, database: 'never', serverSelectionTimeoutMS: 3000 });
        try {
          await assert.rejects(store.headPosition(), (error: unknown) => {
            assert.ok(error instanceof MongoSetupError, String(error));
            assert.match(error.message, /never initiated: run rs\.initiate\(\)/);
            return true;
          });
        } finally {
          await store.close();
        }
      }
    } finally {
      await server.stop();
    }
  });
});
