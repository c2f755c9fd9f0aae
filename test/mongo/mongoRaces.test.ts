import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { MongoClient, type Collection, type Document } from 'mongodb';
import { controllableClock, IdempotencyError, WrongExpectedVersionError, type EventStore, type RecordedEvent } from '../../src';
import { MongoSetupError, StoredChunkError, localMongod, mongoEventStore, mongoSnapshotStore, type MongoEventStoreOptions } from '../../src/mongo';
import { newEvent, newEvents } from '../support/events';
import { serverSuite } from '../support/mongo';
import { skipMongo } from '../support/requireMongo';

/**
 * The races of DESIGN.md §3, against a real mongod. Each test gets its own collections; stores made
 * with separate clients stand for separate processes.
 */
describe('MongoDB store races', () => {
  const s = serverSuite('MongoDB race tests', 'races', { serverSelectionTimeoutMS: 5000 });
  const { database, test } = s;

  /** A fresh set of collections, with `writers` stores on separate clients, and the raw chunk collection. */
  function fresh(writers = 1, options: Partial<MongoEventStoreOptions> = {}) {
    const collectionPrefix = s.prefix('r');
    const stores = Array.from({ length: writers }, () =>
      s.track(mongoEventStore({ uri: s.uri, database, collectionPrefix, clock: controllableClock('2025-03-01T10:00:00Z'), pollIntervalMs: 10, ...options })),
    );
    const chunks: Collection<Document> = s.raw.db(database).collection(`${collectionPrefix}events`);
    return { stores, store: stores[0]!, chunks, collectionPrefix };
  }

  async function chunkDocs(chunks: Collection<Document>, stream: string) {
    return chunks.find({ stream }).sort({ chunk: 1 }).toArray();
  }

  test('two writers with the same expected version: one wins, the other is told the real version', async () => {
    const { stores } = fresh(2);
    const [a, b] = stores as [EventStore, EventStore];
    await a.append('Order-1', newEvents(1));
    const batches = [newEvents(2), newEvents(3)];
    const results = await Promise.allSettled([a.append('Order-1', batches[0]!, { expectedVersion: 1 }), b.append('Order-1', batches[1]!, { expectedVersion: 1 })]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.ok(won >= 0 && lost, JSON.stringify(results.map((r) => r.status)));
    assert.ok(lost.reason instanceof WrongExpectedVersionError, String(lost.reason));
    assert.equal(lost.reason.actual, 1 + batches[won]!.length);
    const stored = await a.readStream('Order-1');
    assert.deepEqual(stored.slice(1).map((e) => e.id), batches[won]!.map((e) => e.id));
  });

  test('a retry after an ambiguous answer that actually landed stores nothing twice', async () => {
    const { stores } = fresh(2);
    const [writer, retrier] = stores as [EventStore, EventStore];
    await writer.append('Order-2', newEvents(1));
    const batch = newEvents(3);
    const landed = await writer.append('Order-2', batch, { expectedVersion: 1 }); // the answer is "lost" on the way back
    const retried = await retrier.append('Order-2', batch, { expectedVersion: 1 });
    assert.equal(retried.alreadyStored, true);
    assert.deepEqual(retried.events.map((e) => [e.id, e.version, e.position]), landed.events.map((e) => [e.id, e.version, e.position]));
    assert.equal(await retrier.streamVersion('Order-2'), 4);
    const all = await retrier.readAll();
    assert.equal(all.filter((e) => batch.some((b) => b.id === e.id)).length, 3);
    await assert.rejects(retrier.append('Order-2', [...batch.slice(1), newEvent()], { expectedVersion: 'any' }), IdempotencyError);
  });

  test('a commit whose acknowledgement times out after it applied is retried by the driver and stored once', async (t) => {
    const appName = `eventspec-failpoint-${process.pid}`;
    const client = new MongoClient(s.uri, { appName, serverSelectionTimeoutMS: 5000 });
    const { chunks, collectionPrefix } = fresh(0);
    const store = mongoEventStore({ client, database, collectionPrefix });
    try {
      await store.append('Order-3', newEvents(1));
      try {
        await s.raw.db('admin').command({
          configureFailPoint: 'failCommand',
          mode: { times: 1 },
          data: { failCommands: ['commitTransaction'], appName, writeConcernError: { code: 64, codeName: 'WriteConcernFailed', errmsg: 'waiting for replication timed out', errInfo: { wtimeout: true } } },
        });
      } catch (error) {
        return skipMongo(t, `the server refuses fail points (start mongod with --setParameter enableTestCommands=1): ${(error as Error).message}`);
      }
      const batch = newEvents(2);
      const result = await store.append('Order-3', batch, { expectedVersion: 1 });
      assert.equal(result.alreadyStored, false);
      const stored = await store.readStream('Order-3');
      assert.deepEqual(stored.map((e) => e.version), [1, 2, 3]);
      const docs = await chunkDocs(chunks, 'Order-3');
      assert.equal(docs.reduce((n, d) => n + (d.events as unknown[]).length, 0), 3);
    } finally {
      await s.raw.db('admin').command({ configureFailPoint: 'failCommand', mode: 'off' }).catch(() => undefined);
      await store.close();
      await client.close();
    }
  });

  test('concurrent roll-over: many writers fill small chunks; every batch sits whole in one chunk, chunks chain exactly', async () => {
    const { stores, chunks } = fresh(4, { chunkMaxEvents: 5 });
    const batches = Array.from({ length: 24 }, (_, i) => newEvents(1 + (i % 3)));
    await Promise.all(batches.map((batch, i) => stores[i % stores.length]!.append('Order-4', batch, { expectedVersion: 'any' })));
    const total = batches.reduce((n, b) => n + b.length, 0);
    const stored = await stores[0]!.readStream('Order-4');
    assert.deepEqual(stored.map((e) => e.version), Array.from({ length: total }, (_, i) => i + 1));
    const docs = await chunkDocs(chunks, 'Order-4');
    assert.deepEqual(docs.map((d) => d.chunk), docs.map((_, i) => i + 1));
    docs.forEach((doc, i) => {
      assert.ok((doc.events as unknown[]).length <= 5);
      if (i > 0) assert.equal(doc.firstVersion, docs[i - 1]!.nextVersion);
      // Every chunk but the head is sealed; the head may be either (sealed when its last append filled it).
      if (i < docs.length - 1) assert.equal(doc.sealed, true);
      else assert.equal(typeof doc.sealed, 'boolean');
    });
    const chunkOf = new Map<string, number>();
    for (const doc of docs) for (const e of doc.events as { id: string }[]) chunkOf.set(e.id, doc.chunk as number);
    for (const batch of batches) assert.equal(new Set(batch.map((e) => chunkOf.get(e.id))).size, 1, 'a batch spans two chunks');
  });

  test('a crash between sealing and creating the next chunk is finished by the next writers, exactly once', async () => {
    const { stores, chunks } = fresh(3, { chunkMaxEvents: 3 });
    await stores[0]!.append('Order-5', newEvents(2));
    await chunks.updateOne({ stream: 'Order-5', chunk: 1 }, { $set: { sealed: true } }); // the crashed writer's first step
    await Promise.all(stores.map((s) => s.append('Order-5', newEvents(1), { expectedVersion: 'any' })));
    const docs = await chunkDocs(chunks, 'Order-5');
    assert.deepEqual(docs.map((d) => [d.chunk, d.firstVersion, d.sealed]), [[1, 1, true], [2, 3, false]]);
    assert.deepEqual((await stores[0]!.readStream('Order-5')).map((e) => e.version), [1, 2, 3, 4, 5]);
  });

  test('concurrent no_stream creations: one stream, one first chunk, one winner', async () => {
    const { stores, chunks } = fresh(4);
    const attempts = await Promise.allSettled(stores.flatMap((s) => [s, s].map((x) => x.append('Order-6', newEvents(2), { expectedVersion: 'no_stream' }))));
    assert.equal(attempts.filter((a) => a.status === 'fulfilled').length, 1);
    for (const a of attempts) if (a.status === 'rejected') assert.ok(a.reason instanceof WrongExpectedVersionError, String(a.reason));
    const docs = await chunkDocs(chunks, 'Order-6');
    assert.equal(docs.length, 1);
    assert.equal(await stores[0]!.streamVersion('Order-6'), 2);
  });

  test('oversized batches are refused whole; a batch too big for the head goes whole to a new chunk', async () => {
    const { store, chunks } = fresh(1, { chunkMaxEvents: 4, chunkMaxBytes: 4096 });
    const head = await store.headPosition();
    await assert.rejects(store.append('Order-7', newEvents(5)), /5 events but a chunk holds at most 4/);
    await assert.rejects(store.append('Order-7', [newEvent('Big', { text: 'x'.repeat(5000) })]), /bytes but a chunk holds at most 4096/);
    assert.equal(await store.streamVersion('Order-7'), 0);
    assert.equal(await store.headPosition(), head);
    assert.equal((await chunkDocs(chunks, 'Order-7')).length, 0);
    await store.append('Order-7', newEvents(3));
    await store.append('Order-7', newEvents(2));
    const docs = await chunkDocs(chunks, 'Order-7');
    assert.deepEqual(docs.map((d) => [d.count, d.sealed]), [[3, true], [2, false]]);
  });

  test('a subscriber restarted between handling and checkpointing gets the event again, and misses none', async () => {
    const { store } = fresh(1, { chunkMaxEvents: 4 });
    const start = await store.headPosition();
    await store.append('Order-8', newEvents(7));
    let checkpoint = start;
    const applied = new Map<number, string>();
    const crash = new Error('crash after handling, before checkpoint');
    let handled = 0;
    const first = store.subscribe({
      after: checkpoint,
      handler: (event) => {
        applied.set(event.position, event.id); // the read model, keyed so a repeat is harmless
        handled += 1;
        if (handled === 5) throw crash;
        if (handled % 2 === 0) checkpoint = event.position;
      },
    });
    await assert.rejects(first.done, /crash after handling/);
    assert.equal(checkpoint, start + 4);
    const redelivered: number[] = [];
    const second = store.subscribe({ after: checkpoint, handler: (event) => void (redelivered.push(event.position), applied.set(event.position, event.id)) });
    await second.caughtUp();
    await second.stop();
    assert.equal(redelivered[0], start + 5, 'the event handled before the crash comes again');
    assert.deepEqual([...applied.keys()].sort((a, b) => a - b), Array.from({ length: 7 }, (_, i) => start + i + 1));
  });

  test('snapshot writes that go backwards never replace a newer one, across processes', async () => {
    const collectionPrefix = s.prefix('r');
    const savers = [0, 1, 2].map(() => {
      const store = s.track(mongoSnapshotStore({ uri: s.uri, database, collectionPrefix }));
      return store;
    });
    const versions = [5, 12, 3, 9, 12, 1, 11, 7];
    const snap = (version: number) => ({ streamId: 'Order-9', version, snapshotVersion: 1, state: { version }, takenAt: '2025-03-01T10:00:00.000Z' });
    await Promise.all(versions.map((v, i) => savers[i % 3]!.save(snap(v))));
    assert.deepEqual((await savers[0]!.load('Order-9'))?.state, { version: 12 });
    assert.equal(await savers[1]!.save(snap(4)), false);
    assert.equal((await savers[2]!.load('Order-9'))?.version, 12);
  });

  test('readAll and subscriptions never skip an event under concurrent writers, and agree on one order', async () => {
    const { stores } = fresh(4, { chunkMaxEvents: 7 });
    const reader = stores[0]!;
    const start = await reader.headPosition();
    const seen: RecordedEvent[] = [];
    const subscription = reader.subscribe({ after: start, batchSize: 5, handler: (e) => void seen.push(e) });
    const polled: RecordedEvent[] = [];
    let writing = true;
    const poller = (async () => {
      let position = start;
      while (writing || position < (await reader.headPosition())) {
        const page = await reader.readAll({ after: position, maxCount: 13 });
        for (const e of page) {
          assert.equal(e.position, position + 1, `readAll skipped from ${position} to ${e.position}`);
          position = e.position;
          polled.push(e);
        }
      }
    })();
    const streams = ['A', 'B', 'C', 'D', 'E'].map((s) => `Race-${s}`);
    await Promise.all(
      Array.from({ length: 16 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 10; i++) await stores[w % 4]!.append(streams[(w + i) % streams.length]!, newEvents(1 + ((w + i) % 3)), { expectedVersion: 'any' });
        })(),
      ),
    );
    writing = false;
    await poller;
    await subscription.caughtUp();
    await subscription.stop();
    const head = await reader.headPosition();
    const expected = Array.from({ length: head - start }, (_, i) => start + i + 1);
    assert.deepEqual(seen.map((e) => e.position), expected);
    assert.deepEqual(polled.map((e) => e.id), seen.map((e) => e.id));
    for (const stream of streams) {
      const versions = seen.filter((e) => e.streamId === stream).map((e) => e.version);
      assert.deepEqual(versions, versions.map((_, i) => i + 1), `${stream} out of order in the global log`);
    }
  });

  test('a chunk document edited by hand is reported with its stream and chunk, not misread', async () => {
    const { store, chunks } = fresh(1, { chunkMaxEvents: 2 });
    await store.append('Order-10', newEvents(2));
    await store.append('Order-10', newEvents(2));
    await chunks.updateOne({ stream: 'Order-10', chunk: 2 }, { $set: { count: 'two' } });
    await assert.rejects(store.readStream('Order-10'), (error: unknown) => {
      assert.ok(error instanceof StoredChunkError, String(error));
      assert.equal(error.streamId, 'Order-10');
      assert.equal(error.chunk, 2);
      assert.match(error.message, /count is not a whole number/);
      return true;
    });
    await chunks.deleteOne({ stream: 'Order-10', chunk: 1 });
    await chunks.updateOne({ stream: 'Order-10', chunk: 2 }, { $set: { count: 2 } });
    await assert.rejects(store.readStream('Order-10'), /start at 3 where 1 was asked for/);
    await assert.rejects(store.readAll(), /global position \d+ is missing/);
  });

  test('a standalone mongod (no replica set) is refused with how to fix it', async (t) => {
    const local = await localMongod();
    if ('skip' in local) return skipMongo(t, `needs a local mongod binary to start a standalone server: ${local.skip}`);
    const { MongoMemoryServer } = await import('mongodb-memory-server');
    const standalone = await MongoMemoryServer.create({ binary: { systemBinary: local.binary } });
    const store = mongoEventStore({ uri: standalone.getUri(), serverSelectionTimeoutMS: 3000 });
    try {
      await assert.rejects(store.append('S-1', newEvents(1)), (error: unknown) => error instanceof MongoSetupError && /needs a replica set/.test(error.message));
    } finally {
      await store.close();
      await standalone.stop();
    }
  });
});
