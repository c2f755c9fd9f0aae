/**
 * Chunk documents vs one document per event, side by side on one mongod, same guarantees
 * (transaction, global position counter, majority + journal):
 *   - appends by 1 writer and by 16 concurrent writers,
 *   - reading a 10,000-event stream.
 * Prints median, min and max of at least 5 runs, and the ratios. Exits 0 with a clear line when
 * there is no MongoDB (see test/support/mongo.ts for how to provide one).
 *
 *   node -r ts-node/register test/bench/mongoChunks.bench.ts [--runs 5] [--appends 200]
 */
import { MongoClient, ReadConcern, WriteConcern, type Collection } from 'mongodb';
import type { EventStore, NewEvent } from '../../src';
import { findTestMongo, mongoEventStore } from '../../src/mongo';
import type { Row } from './bench';
import { main, option, report, stats, timeMs } from './bench';

const RUNS = Math.max(5, option('runs', 5));
const APPENDS = option('appends', 200);
const WRITERS = 16;
const STREAM_LENGTH = 10_000;

let counter = 0;
const event = (): NewEvent => ({
  id: `b-${process.pid}-${++counter}`,
  type: 'ItemAdded',
  schemaVersion: 1,
  data: { sku: `sku-${counter % 97}`, quantity: 1 + (counter % 5), price: 9.95, note: 'benchmark event of a typical size' },
  metadata: { occurredAt: '2025-03-01T10:00:00.000Z', correlationId: 'c-1' },
});

/** The baseline: one document per event, unique {stream, version}, positions from the same kind of counter. */
function perEventStore(client: MongoClient, database: string, prefix: string) {
  const db = client.db(database, { readConcern: new ReadConcern('majority'), writeConcern: new WriteConcern('majority', undefined, true) });
  const events = db.collection(`${prefix}events`);
  const counters: Collection<{ _id: string; value: number }> = db.collection(`${prefix}positions`);
  return {
    async setUp() {
      // Unique ids stand in for the chunk store's idempotency lookup, so both pay for it.
      await events.createIndexes([{ key: { stream: 1, version: 1 }, unique: true }, { key: { position: 1 } }, { key: { id: 1 }, unique: true }]);
      await counters.updateOne({ _id: 'position' }, { $setOnInsert: { value: 0 } }, { upsert: true });
    },
    async append(stream: string, batch: NewEvent[], expectedVersion: number) {
      const session = client.startSession();
      try {
        await session.withTransaction(
          async (s) => {
            const bumped = await counters.findOneAndUpdate({ _id: 'position' }, { $inc: { value: batch.length } }, { returnDocument: 'after', session: s });
            const first = bumped!.value - batch.length + 1;
            await events.insertMany(
              batch.map((e, i) => ({ ...e, stream, version: expectedVersion + i + 1, position: first + i, metadata: { ...e.metadata, recordedAt: new Date().toISOString() } })),
              { session: s },
            );
          },
          { readConcern: new ReadConcern('snapshot'), writeConcern: new WriteConcern('majority', undefined, true), readPreference: 'primary' },
        );
      } finally {
        await session.endSession();
      }
    },
    async read(stream: string) {
      return events.find({ stream: { $eq: stream } }).sort({ version: 1 }).toArray();
    },
  };
}

interface Contender {
  name: string;
  append(stream: string, batch: NewEvent[], expectedVersion: number): Promise<unknown>;
  read(stream: string): Promise<unknown[]>;
}

main(async () => {
  const mongo = await findTestMongo();
  if ('skip' in mongo) {
    console.log(`MongoDB chunk benchmark skipped: ${mongo.skip}`);
    report([{ figure: 'MongoDB chunks vs one document per event', unit: 'ms', note: `skipped: ${mongo.skip}` }]);
    return;
  }
  console.log(`MongoDB chunk benchmark on ${mongo.source}: ${RUNS} runs, ${APPENDS} appends per writer, ${WRITERS} concurrent writers, a ${STREAM_LENGTH}-event stream`);
  const database = `es_bench_${process.pid}`;
  const client = new MongoClient(mongo.uri, { serverSelectionTimeoutMS: 5000 });
  const chunkStore: EventStore = mongoEventStore({ client, database, collectionPrefix: 'chunks_' });
  const baseline = perEventStore(client, database, 'docs_');
  await baseline.setUp();
  const contenders: Contender[] = [
    { name: 'chunk documents', append: (s, b, v) => chunkStore.append(s, b, { expectedVersion: v }), read: (s) => chunkStore.readStream(s) },
    { name: 'one document per event', append: (s, b, v) => baseline.append(s, b, v), read: (s) => baseline.read(s) },
  ];

  try {
    const results = new Map<string, Map<string, number[]>>();
    const record = (scenario: string, name: string, ms: number) => {
      const byName = results.get(scenario) ?? new Map<string, number[]>();
      results.set(scenario, byName);
      byName.set(name, [...(byName.get(name) ?? []), ms]);
    };
    // Prepare the long streams once per contender (batches of 100).
    for (const c of contenders) {
      for (let v = 0; v < STREAM_LENGTH; v += 100) await c.append(`Long-${c.name}`, Array.from({ length: 100 }, event), v);
    }
    for (let run = 0; run < RUNS; run++) {
      // Alternate who goes first, so warm caches favour neither.
      const order = run % 2 ? [...contenders].reverse() : contenders;
      for (const c of order) {
        const solo = `Solo-${c.name}-${run}`;
        record('append, 1 writer (ms per append)', c.name, (await timeMs(async () => {
          for (let v = 0; v < APPENDS; v++) await c.append(solo, [event()], v);
        })) / APPENDS);
        record(`append, ${WRITERS} writers (ms per append, wall clock)`, c.name, (await timeMs(async () => {
          await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
            for (let v = 0; v < APPENDS; v++) await c.append(`Many-${c.name}-${run}-${w}`, [event()], v);
          }));
        })) / (APPENDS * WRITERS));
        record(`read a ${STREAM_LENGTH}-event stream (ms)`, c.name, await timeMs(async () => {
          const events = await c.read(`Long-${c.name}`);
          if (events.length !== STREAM_LENGTH) throw new Error(`${c.name} read ${events.length} events`);
        }));
      }
    }
    const rows: Row[] = [];
    for (const [scenario, byName] of results) {
      const [chunks, perEvent] = [...byName.values()].map((values) => stats(values));
      rows.push({ figure: `MongoDB ${scenario}, chunk documents`, unit: 'ms', stats: chunks!, baseline: { name: 'one doc per event', stats: perEvent! } });
    }
    report(rows);
    console.log('(ratio below 1 = chunks faster)');
  } finally {
    await client.db(database).dropDatabase().catch(() => undefined);
    await chunkStore.close();
    await client.close();
    await mongo.stop();
  }
});
