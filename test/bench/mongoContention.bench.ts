/**
 * Contention of the global position counter (review A7, B1): appends by 1, 4, 16 and 64 concurrent
 * writers, each on its own stream and all on one stream. Per setting: appends per second (wall
 * clock), p50 and p99 latency of one append, and the write conflicts (code 112) and aborted
 * transactions the driver saw. Exits 0 with a clear line when there is no MongoDB.
 *
 *   node -r ts-node/register test/bench/mongoContention.bench.ts [--appends 100]
 */
import { performance } from 'node:perf_hooks';
import { MongoClient, type CommandFailedEvent } from 'mongodb';
import type { NewEvent } from '../../src';
import { WrongExpectedVersionError } from '../../src';
import { findTestMongo, mongoEventStore } from '../../src/mongo';
import type { Row } from './bench';
import { main, option, report } from './bench';

const APPENDS = option('appends', 100);
const WRITER_COUNTS = [1, 4, 16, 64];

let counter = 0;
const event = (): NewEvent => ({
  id: `c-${process.pid}-${++counter}`,
  type: 'ItemAdded',
  schemaVersion: 1,
  data: { sku: `sku-${counter % 97}`, quantity: 1, price: 9.95 },
  metadata: { occurredAt: '2025-03-01T10:00:00.000Z' },
});

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

main(async () => {
  const mongo = await findTestMongo();
  if ('skip' in mongo) {
    console.log(`MongoDB contention benchmark skipped: ${mongo.skip}`);
    report([{ figure: 'MongoDB appends by 1/4/16/64 writers', unit: '/s', note: `skipped: ${mongo.skip}` }]);
    return;
  }
  const database = `es_contention_${process.pid}`;
  const client = new MongoClient(mongo.uri, { monitorCommands: true });
  const seen = { conflicts: 0, aborts: 0 };
  client.on('commandFailed', (e: CommandFailedEvent) => void ((e.failure as { code?: number }).code === 112 && seen.conflicts++));
  client.on('commandStarted', (e) => void (e.commandName === 'abortTransaction' && seen.aborts++));
  const store = mongoEventStore({ client, database, collectionPrefix: 'contention_' });
  await store.headPosition();
  const rows: Row[] = [];
  try {
    for (const shape of ['distinct streams', 'one stream'] as const) {
      for (const writers of WRITER_COUNTS) {
        seen.conflicts = 0;
        seen.aborts = 0;
        const latencies: number[] = [];
        const started = performance.now();
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const stream = shape === 'one stream' ? `One-${writers}` : `Own-${writers}-${w}`;
            for (let n = 0; n < APPENDS; n++) {
              const t0 = performance.now();
              // On one stream the writers race for each version: 'any' lets every append land once.
              await store.append(stream, [event()], { expectedVersion: 'any' }).catch((error: unknown) => {
                if (!(error instanceof WrongExpectedVersionError)) throw error;
              });
              latencies.push(performance.now() - t0);
            }
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        latencies.sort((a, b) => a - b);
        const rate = (writers * APPENDS) / seconds;
        const one = { median: rate, min: rate, max: rate, runs: 1 };
        rows.push({
          figure: `MongoDB appends, ${writers} writer(s), ${shape}`,
          unit: '/s',
          stats: one,
          note: `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, write conflicts ${seen.conflicts}, aborted transactions ${seen.aborts}`,
        });
      }
    }
    report(rows);
  } finally {
    await client.db(database).dropDatabase().catch(() => undefined);
    await store.close();
    await client.close();
    await mongo.stop();
  }
});
