import assert from 'node:assert/strict';
import { before, describe, type TestContext } from 'node:test';
import { MongoClient, type CommandFailedEvent, type CommandSucceededEvent, type Document } from 'mongodb';
import { AppendOutcomeUnknownError, createCommandHandler, type EventStore, type RecordedEvent } from '../../src';
import { domain } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import { mongoEventStore, type MongoEventStoreOptions } from '../../src/mongo';
import { chunkQueryOf, planStreamRead, startChunkQuery } from '../../src/mongo/streamRead';
import { newEvents } from '../support/events';
import { serverSuite } from '../support/mongo';
import { skipMongo } from '../support/requireMongo';

/**
 * Races that must really happen on a server (review Part D), and the three tests of review Part E.
 * Stores are warmed before racing (a cold store spends its first append on set-up, which spreads
 * writers apart), and each test asserts that the race it is about actually occurred, counted
 * through the driver's command monitoring. Part E needs a three-node set with test commands:
 * MONGODB_URI=mongodb://h1,h2,h3/?replicaSet=rs0 and mongod --setParameter enableTestCommands=1.
 */
describe('MongoDB races that really race, and the failover soak (review Parts D, E)', () => {
  const s = serverSuite('MongoDB server race tests', 'serverraces');
  const { database } = s;
  const test = (title: string, body: (t: TestContext) => Promise<void>, timeout = 120_000) => s.test(title, body, timeout);
  let members = 0;

  before(async () => {
    if (s.skip) return;
    const hello = await s.raw.db('admin').command({ hello: 1 });
    members = Array.isArray(hello.hosts) ? hello.hosts.length : 1;
  });

  /** Writers as separate processes: each its own monitored client. Counts server errors by code and duplicate-key write errors. */
  async function writers(count: number, options: Partial<MongoEventStoreOptions> = {}) {
    const collectionPrefix = s.prefix('s');
    const seen = { conflicts: 0, aborts: 0, duplicateKeys: 0 };
    const stores: EventStore[] = [];
    for (let i = 0; i < count; i++) {
      const client = new MongoClient(s.uri, { monitorCommands: true });
      client.on('commandFailed', (event: CommandFailedEvent) => {
        if ((event.failure as { code?: number }).code === 112) seen.conflicts += 1;
      });
      client.on('commandStarted', (event) => {
        if (event.commandName === 'abortTransaction') seen.aborts += 1;
      });
      client.on('commandSucceeded', (event: CommandSucceededEvent) => {
        const writeErrors = (event.reply as { writeErrors?: { code?: number }[] }).writeErrors;
        if (writeErrors?.some((e) => e.code === 11000)) seen.duplicateKeys += 1;
      });
      const store = mongoEventStore({ client, database, collectionPrefix, pollIntervalMs: 5, ...options });
      s.track({ close: async () => (await store.close(), await client.close()) });
      stores.push(store);
      await store.headPosition(); // warm: connected, checked, set up
    }
    return { stores, seen, chunks: s.raw.db(database).collection<Document>(`${collectionPrefix}events`) };
  }

  async function failPoint(t: TestContext, data: Document, mode: Document = { times: 1 }): Promise<boolean> {
    try {
      await s.raw.db('admin').command({ configureFailPoint: 'failCommand', mode, data });
      return true;
    } catch (error) {
      skipMongo(t, `the server refuses fail points (start mongod with --setParameter enableTestCommands=1): ${(error as Error).message}`);
      return false;
    }
  }

  test('warm writers with the same expected version: conflicts or lost races really happen, and exactly one wins each round', async () => {
    const { stores, seen } = await writers(4);
    for (let round = 0; round < 20; round++) {
      const stream = `Race-${round}`;
      await stores[0]!.append(stream, newEvents(1));
      const results = await Promise.allSettled(stores.map((s) => s.append(stream, newEvents(2), { expectedVersion: 1 })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.equal(await stores[0]!.streamVersion(stream), 3);
    }
    assert.ok(seen.conflicts + seen.aborts > 0, `no write conflict and no lost race in 20 rounds of 4 writers: the test did not race (${JSON.stringify(seen)})`);
  });

  test('warm concurrent no_stream creations: the duplicate chunk key really happens, and one stream results', async () => {
    const { stores, seen } = await writers(4);
    for (let round = 0; round < 10; round++) {
      const results = await Promise.allSettled(stores.map((s) => s.append(`New-${round}`, newEvents(1), { expectedVersion: 'no_stream' })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    }
    assert.ok(seen.duplicateKeys > 0, `no duplicate key on chunk creation in 10 rounds: the test did not race (${JSON.stringify(seen)})`);
  });

  test('a lost connection on commit, then the handler’s retry with the same ids: one set of events (A1, A2)', async (t) => {
    const appName = `es-close-${process.pid}`;
    const client = new MongoClient(s.uri, { appName });
    const store = mongoEventStore({ client, database, collectionPrefix: s.prefix('s') });
    s.track({ close: async () => (await store.close(), await client.close()) });
    await createCommandHandler({ domain, store }).send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    // Twice: the driver's own commit retry and the first attempt both lose their connection.
    if (!(await failPoint(t, { failCommands: ['commitTransaction'], appName, closeConnection: true }, { times: 2 }))) return;
    try {
      const result = await createCommandHandler({ domain, store }).send(Account, 'a-1', { type: 'Deposit', data: { amount: 5 } }, { commandId: 'dep-1' }).catch((error: unknown) => error);
      if (result instanceof AppendOutcomeUnknownError) {
        const again = await createCommandHandler({ domain, store }).send(Account, 'a-1', { type: 'Deposit', data: { amount: 5 } }, { commandId: 'dep-1' });
        assert.equal(again.status, 'accepted');
      }
      assert.deepEqual((await store.readStream('Account-a-1')).map((e) => e.type), ['AccountOpened', 'MoneyDeposited']);
    } finally {
      await s.raw.db('admin').command({ configureFailPoint: 'failCommand', mode: 'off' });
    }
  });

  test('a forward read from a version examines only the chunks that hold it, shown by explain (A6)', async () => {
    const { stores, chunks } = await writers(1, { chunkMaxEvents: 10 });
    for (let i = 0; i < 30; i++) await stores[0]!.append('Long-1', newEvents(10));
    const plan = planStreamRead('Long-1', { fromVersion: 295 })!;
    const start = startChunkQuery('Long-1', plan)!;
    const startExplain = await chunks.find(start.filter, { sort: start.sort, projection: { _id: 0, chunk: 1 } }).limit(1).explain('executionStats');
    assert.ok(startExplain.executionStats.totalDocsExamined <= 1, JSON.stringify(startExplain.executionStats));
    const bounded = chunkQueryOf('Long-1', plan, 30);
    const boundedExplain = await chunks.find(bounded.filter).sort({ chunk: 1 }).explain('executionStats');
    const unbounded = chunkQueryOf('Long-1', plan);
    const unboundedExplain = await chunks.find(unbounded.filter).sort({ chunk: 1 }).explain('executionStats');
    assert.ok(boundedExplain.executionStats.totalDocsExamined <= 1, `bounded read examined ${boundedExplain.executionStats.totalDocsExamined} chunks`);
    assert.ok(unboundedExplain.executionStats.totalDocsExamined >= 30, 'the check has teeth: without the bound every chunk is fetched');
    assert.deepEqual((await stores[0]!.readStream('Long-1', { fromVersion: 295 })).map((e) => e.version), [295, 296, 297, 298, 299, 300]);
  });

  test('a batch near the 15 MiB chunk limit is stored whole, and the byte estimate is never below what the server stores', async () => {
    const { stores, chunks } = await writers(1, { chunkMaxBytes: 15 * 1024 * 1024 });
    const big = { id: `big-${process.pid}`, type: 'Big', schemaVersion: 1, data: { text: 'x'.repeat(15 * 1024 * 1024 - 4096) }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } };
    await stores[0]!.append('Big-1', [big]);
    const [sized] = await chunks
      .aggregate([{ $match: { stream: 'Big-1' } }, { $project: { bytes: 1, doc: { $bsonSize: '$$ROOT' }, events: { $bsonSize: { events: '$events' } } } }])
      .toArray();
    assert.ok(sized, 'the chunk is there');
    assert.ok(sized.doc <= 16 * 1024 * 1024, `the chunk takes ${sized.doc} bytes, over MongoDB's 16 MiB`);
    assert.ok(sized.bytes >= sized.events - 64, `the estimate ${sized.bytes} is below the ${sized.events} bytes the events take`);
    // A second one cannot fit beside it: the head is sealed and the batch goes whole into chunk 2.
    await stores[0]!.append('Big-1', [{ ...big, id: `big2-${process.pid}` }]);
    const docs = await chunks.find({ stream: 'Big-1' }, { projection: { chunk: 1, sealed: 1, count: 1 } }).sort({ chunk: 1 }).toArray();
    assert.deepEqual(docs.map((d) => [d.chunk, d.sealed, d.count]), [[1, true, 1], [2, false, 1]]);
  });

  test('Part E 1: failover soak with an independent checker (A1, A2, A8; three-node set)', async (t) => {
    if (members < 3) return skipMongo(t, `needs a three-node replica set in MONGODB_URI (this one has ${members} member(s))`);
    const { stores, chunks } = await writers(8);
    const streams = Array.from({ length: 50 }, (_, i) => `Soak-${i}`);
    const acknowledged = new Map<string, number>(); // commandId → events it recorded
    const subscribers = [0, 1].map(() => {
      const seen: RecordedEvent[] = [];
      const subscription = stores[0]!.subscribe({ handler: (e) => void seen.push(e), retryBackoff: { firstMs: 20, maxMs: 500 } });
      return { seen, subscription };
    });
    const errors = new Map<string, number>();
    let stop = false;
    const writer = async (store: EventStore, w: number) => {
      const handler = createCommandHandler({ domain, store });
      for (let n = 0; !stop; n++) {
        const id = `${streams[(w * 7 + n) % streams.length]}`;
        const commandId = `w${w}-${n}`;
        for (;;) {
          try {
            const result = await handler.send(Account, id, n === 0 ? { type: 'OpenAccount', data: { owner: id, overdraftLimit: 1e9 } } : { type: 'Deposit', data: { amount: 1 } }, { commandId });
            if (result.status === 'accepted' && result.events.length > 0) acknowledged.set(commandId, result.events.length);
            break;
          } catch (error) {
            const name = (error as Error).name;
            errors.set(name, (errors.get(name) ?? 0) + 1);
            if (name === 'ConcurrencyError' || name === 'WrongExpectedVersionError') break;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      }
    };
    const running = stores.map((s, w) => writer(s, w));
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      await s.raw.db('admin').command({ replSetStepDown: 10, secondaryCatchUpPeriodSecs: 5 }).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 15000));
    stop = true;
    await Promise.all(running);
    for (const s of subscribers) await s.subscription.caughtUp();
    // The independent checker: every chunk, read directly.
    const docs = await chunks.find({}).toArray();
    const all = docs.flatMap((d) => (d.events as { id: string; position: number; version: number; metadata?: { commandId?: string } }[]).map((e) => ({ ...e, stream: d.stream as string })));
    const positions = all.map((e) => e.position).sort((a, b) => a - b);
    assert.deepEqual(positions, positions.map((_, i) => i + 1), 'positions 1..h dense and unique');
    for (const commandId of acknowledged.keys()) assert.equal(all.filter((e) => e.id === `${commandId}:1`).length, 1, `command ${commandId} stored exactly once`);
    for (const stream of streams) {
      const events = all.filter((e) => e.stream === stream).sort((a, b) => a.version - b.version);
      events.forEach((e, i) => i > 0 && assert.ok(e.position > events[i - 1]!.position, `${stream}: positions follow versions`));
    }
    assert.deepEqual(subscribers[0]!.seen.map((e) => e.position), subscribers[1]!.seen.map((e) => e.position), 'the subscribers saw the same sequence');
    t.diagnostic(`errors surfaced to writers: ${JSON.stringify(Object.fromEntries(errors))}`);
  }, 600_000);

  test('Part E 3: without a majority, a roll-over step fails after the write timeout instead of hanging (A9; three-node set)', async (t) => {
    if (members < 3) return skipMongo(t, `needs a three-node replica set in MONGODB_URI (this one has ${members} member(s))`);
    const hello = await s.raw.db('admin').command({ hello: 1 });
    const secondaries = (hello.hosts as string[]).filter((h) => h !== hello.primary);
    const paused: MongoClient[] = [];
    try {
      for (const host of secondaries) {
        const direct = new MongoClient(`mongodb://${host}/?directConnection=true`);
        paused.push(direct);
        await direct.db('admin').command({ configureFailPoint: 'stopReplProducer', mode: 'alwaysOn' });
      }
      const { stores } = await writers(1, { chunkMaxEvents: 1, writeConcern: { w: 'majority', wtimeoutMS: 2000 } });
      await assert.rejects(stores[0]!.append('Lag-1', newEvents(1)), (error: unknown) => /timed out|WriteConcern|may or may not/i.test(String(error)));
    } finally {
      for (const direct of paused) {
        await direct.db('admin').command({ configureFailPoint: 'stopReplProducer', mode: 'off' }).catch(() => undefined);
        await direct.close();
      }
    }
  }, 300_000);
});
