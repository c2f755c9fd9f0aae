/**
 * Heap per stored event in the handler's real shape: commands sent through `createCommandHandler`
 * with its defaults (random command ids, event ids derived from them, the in-memory command log,
 * the state cache), one event per command, 10,000 Accounts × 10 commands. Heap used after a full GC,
 * minus before, divided by the events; everything the handler and store keep is counted.
 * Same run: Emmett 0.42's CommandHandler + in-memory store over the same decide/evolve, and a floor:
 * the decided events in an array per stream, each with a flat uuid, its version and its data.
 * Budget (issue 16): ≤ 450 B per event. Needs --expose-gc.
 *
 *   node --expose-gc -r ts-node/register test/bench/memory.bench.ts [--runs 5] [--streams 10000] [--per-stream 10]
 */
import { createCommandHandler } from '../../src/commandHandling';
import type { CommandRequest } from '../../src/commandHandling';
import { randomIds } from '../../src/core/ids';
import { inMemoryEventStore } from '../../src/eventStore';
import { banking } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import type { Row } from './bench';
import { main, option, report, stats } from './bench';
import { emmettHandler, emmettStore } from './emmettPeer';

const RUNS = Math.max(5, option('runs', 5));
const STREAMS = option('streams', 10_000);
const PER_STREAM = option('per-stream', 10);
const EVENTS = STREAMS * PER_STREAM;

function commandAt(i: number): { type: string; data: Record<string, unknown> } {
  if (i === 0) return { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } };
  return i % 3 === 0 ? { type: 'Withdraw', data: { amount: 1 } } : { type: 'Deposit', data: { amount: 2 } };
}

// Fresh command objects per run would be counted; these are made once, before any measurement.
const requests: CommandRequest[] = [];
for (let i = 0; i < PER_STREAM; i++) for (let s = 0; s < STREAMS; s++) requests.push({ aggregate: 'Account', id: `acc-${s}`, command: commandAt(i) });

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (npm run bench does)');
  collect();
  collect();
};

/** Heap bytes per event kept by what `fill` returns (held until measured). */
async function bytesPerEvent(fill: () => Promise<unknown>): Promise<number> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = await fill();
  gc();
  const bytes = (process.memoryUsage().heapUsed - before) / EVENTS;
  if (kept === undefined) throw new Error('nothing kept');
  return bytes;
}

const contenders: Record<string, () => Promise<unknown>> = {
  async eventspec() {
    const store = inMemoryEventStore();
    const handler = createCommandHandler({ domain: banking, store });
    let stored = 0;
    for (const request of requests) {
      const result = await handler.handle(request);
      if (result.status === 'accepted') stored += result.events.length;
    }
    if (stored !== EVENTS) throw new Error(`eventspec stored ${stored} of ${EVENTS} events`);
    return { store, handler };
  },
  async emmett() {
    const store = emmettStore();
    const handle = emmettHandler();
    let stored = 0;
    for (const request of requests) stored += await handle(store, request.id, request.command as { type: string; data: unknown });
    if (stored !== EVENTS) throw new Error(`Emmett stored ${stored} of ${EVENTS} events`);
    return store;
  },
  async floor() {
    const decide = Account.decide as Record<string, (c: unknown, s: unknown, ctx: unknown) => { type: string; data: unknown }>;
    const evolve = Account.evolve as Record<string, (s: unknown, d: unknown, e: unknown) => unknown>;
    const streams = new Map<string, { state: unknown; events: { id: string; version: number; type: string; data: unknown }[] }>();
    const reject = (name: string): never => {
      throw new Error(name);
    };
    for (const request of requests) {
      let stream = streams.get(request.id);
      if (!stream) streams.set(request.id, (stream = { state: Account.initialState(), events: [] }));
      const decided = decide[request.command.type]!(request.command.data, stream.state, { id: request.id, streamId: request.id, now: new Date(), reject });
      const event = { id: randomIds(), version: stream.events.length + 1, type: decided.type, data: decided.data };
      stream.state = evolve[decided.type]!(stream.state, decided.data, event);
      stream.events.push(event);
      await undefined;
    }
    return streams;
  },
};

main(async () => {
  const bytes: Record<string, number[]> = {};
  const names = Object.keys(contenders);
  for (let run = 0; run < RUNS; run++) {
    for (const name of run % 2 ? [...names].reverse() : names) (bytes[name] ??= []).push(await bytesPerEvent(contenders[name]!));
  }
  const eventspec = stats(bytes.eventspec!);
  const what = `${STREAMS.toLocaleString('en')} Accounts × ${PER_STREAM} commands`;
  const rows: Row[] = [
    {
      figure: `heap per stored event through the handler (${what})`,
      unit: 'B',
      stats: eventspec,
      baseline: { name: 'Emmett 0.42', stats: stats(bytes.emmett!) },
      budget: '≤ 450 B',
      met: eventspec.median <= 450,
      note: 'one event per command, generated command ids, event ids derived from them, the default command log and state cache included; heap used after a full GC minus before, per event',
    },
    { figure: '  heap per event, floor (decided events in arrays, a flat uuid each)', unit: 'B', stats: stats(bytes.floor!) },
  ];
  report(rows);
});
