/**
 * The in-memory store at 1M events: append rate, readAll rate (pages of 1,000, as a catch-up
 * subscription reads), and heap bytes per stored event (heap after a full GC, minus before).
 * Events look like a shop's ItemAdded with uuid ids and the handler's metadata.
 * Baselines, same run: slicing the same events in pages from a plain array; JSON size of an event.
 * No budget in DESIGN.md; these are figures to watch. Needs --expose-gc for the memory figure.
 *
 *   node --expose-gc -r ts-node/register test/bench/readAll.bench.ts [--events 1000000] [--runs 5]
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../../src/core';
import { inMemoryEventStore } from '../../src/eventStore';
import type { EventStore } from '../../src/eventStore';
import type { Row } from './bench';
import { main, option, report, stats, timeMs } from './bench';

const EVENTS = option('events', 1_000_000);
const RUNS = Math.max(5, option('runs', 5));
const PER_STREAM = 100;
const PAGE = 1000;

function batch(stream: number): NewEvent[] {
  const commandId = randomUUID();
  return Array.from({ length: PER_STREAM }, (_, i) => ({
    id: randomUUID(),
    type: 'ItemAdded',
    schemaVersion: 1,
    data: { sku: `SKU-${(stream * 7 + i) % 997}`, quantity: 1 + (i % 5), price: 9.95 },
    metadata: { occurredAt: new Date(1_740_823_200_000 + stream).toISOString(), correlationId: commandId, causationId: commandId, commandId },
  }));
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (npm run bench does)');
  collect();
  collect();
};

async function readPages(readAll: (after: number) => Promise<readonly RecordedEvent[]> | readonly RecordedEvent[]): Promise<number> {
  let seen = 0;
  const ms = await timeMs(async () => {
    for (let after = 0; ; after += PAGE) {
      const page = await readAll(after);
      if (page.length === 0) break;
      seen += page.length;
    }
  });
  if (seen !== EVENTS) throw new Error(`read ${seen} events, expected ${EVENTS}`);
  return EVENTS / (ms / 1000);
}

main(async () => {
  const appendRates: number[] = [];
  const readRates: number[] = [];
  const arrayRates: number[] = [];
  const bytes: number[] = [];
  let jsonBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    let store: EventStore | undefined = inMemoryEventStore();
    const filled = store;
    const ms = await timeMs(async () => {
      for (let s = 0; s * PER_STREAM < EVENTS; s++) await filled.append(`Order-${s}`, batch(s), { expectedVersion: 'no_stream' });
    });
    appendRates.push(EVENTS / (ms / 1000));
    gc();
    bytes.push((process.memoryUsage().heapUsed - before) / EVENTS);
    const all = await store.readAll();
    jsonBytes = Buffer.byteLength(JSON.stringify(all[EVENTS >> 1]));
    // Alternate which goes first.
    const pages = () => readPages((after) => filled.readAll({ after, maxCount: PAGE }));
    const slices = () => readPages((after) => all.slice(after, after + PAGE));
    if (run % 2) {
      arrayRates.push(await slices());
      readRates.push(await pages());
    } else {
      readRates.push(await pages());
      arrayRates.push(await slices());
    }
    store = undefined;
  }
  const n = EVENTS.toLocaleString('en');
  const rows: Row[] = [
    { figure: `in-memory append, batches of ${PER_STREAM}, to ${n} events`, unit: '/s', stats: stats(appendRates) },
    { figure: `readAll in pages of ${PAGE}, ${n} events (events/s)`, unit: '/s', stats: stats(readRates), baseline: { name: 'array slices', stats: stats(arrayRates) } },
    {
      figure: `heap per stored event at ${n} events (store alone, batches of ${PER_STREAM} under one command id)`,
      unit: 'B',
      stats: stats(bytes),
      baseline: { name: 'JSON of one event', stats: stats([jsonBytes]) },
      note: 'heap used after a full GC minus before, divided by the events; includes the store\'s id index and global log. Not the handler\'s shape (one event per command): see "heap per stored event through the handler"',
    },
  ];
  report(rows);
});
