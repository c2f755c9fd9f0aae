/**
 * Command handling throughput on the in-memory store, small aggregate (Account): STREAMS accounts,
 * each opened then sent deposits and withdrawals round-robin, PER_STREAM commands each.
 * With and without a snapshot store, with the handler's state cache (default) and without it.
 * Baseline, same run: the same decide + evolve calls made directly on a Map of states (no store,
 * no validation, no metadata), i.e. the domain work alone. Budget: ≥ 100k commands/s.
 *
 *   node -r ts-node/register test/bench/commands.bench.ts [--streams 100] [--per-stream 200] [--runs 5]
 */
import { createCommandHandler } from '../../src/commandHandling';
import type { CommandRequest } from '../../src/commandHandling';
import { inMemoryEventStore } from '../../src/eventStore';
import { inMemorySnapshotStore } from '../../src/snapshots';
import { banking } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import type { Row } from './bench';
import { interleaved, main, option, report, stats, timeMs } from './bench';

const STREAMS = option('streams', 100);
const PER_STREAM = option('per-stream', 200);
const RUNS = Math.max(5, option('runs', 7));
const TOTAL = STREAMS * PER_STREAM;

/** The i-th command for an account: open first, then mostly deposits with a withdrawal every third. */
function commandAt(i: number): { type: string; data: Record<string, unknown> } {
  if (i === 0) return { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } };
  return i % 3 === 0 ? { type: 'Withdraw', data: { amount: 1 } } : { type: 'Deposit', data: { amount: 2 } };
}

const requests: CommandRequest[] = [];
for (let i = 0; i < PER_STREAM; i++) {
  for (let s = 0; s < STREAMS; s++) requests.push({ aggregate: 'Account', id: `acc-${s}`, command: commandAt(i) });
}

/** Commands per second of this process's CPU time (all threads), recorded next to the wall-clock rates. */
const cpuRates: Record<string, number[]> = {};

async function throughput(options: { snapshots: boolean; cacheSize?: number }): Promise<number> {
  const handler = createCommandHandler({
    domain: banking,
    store: inMemoryEventStore(),
    ...(options.snapshots ? { snapshots: inMemorySnapshotStore() } : {}),
    ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
  });
  let accepted = 0;
  const cpu = process.cpuUsage();
  const ms = await timeMs(async () => {
    for (const request of requests) if ((await handler.handle(request)).status === 'accepted') accepted++;
  });
  const used = process.cpuUsage(cpu);
  const key = `${options.snapshots}/${options.cacheSize ?? 'default'}`;
  (cpuRates[key] ??= []).push(TOTAL / ((used.user + used.system) / 1e6));
  if (accepted !== TOTAL) throw new Error(`only ${accepted} of ${TOTAL} commands were accepted`);
  return TOTAL / (ms / 1000);
}

/** The domain work alone: decide, then evolve with what it decided, on states in a Map. */
async function rawDomainWork(): Promise<number> {
  const decide = Account.decide as Record<string, (c: unknown, s: unknown, ctx: unknown) => { type: string; data: unknown }>;
  const evolve = Account.evolve as Record<string, (s: unknown, d: unknown, e: unknown) => unknown>;
  const states = new Map<string, unknown>();
  const reject = (name: string): never => {
    throw new Error(name);
  };
  const ms = await timeMs(async () => {
    for (const request of requests) {
      const state = states.get(request.id) ?? Account.initialState();
      const event = decide[request.command.type]!(request.command.data, state, { id: request.id, streamId: request.id, now: new Date(), reject });
      states.set(request.id, evolve[event.type]!(state, event.data, event));
      await undefined; // the handler is async too
    }
  });
  return TOTAL / (ms / 1000);
}

main(async () => {
  await throughput({ snapshots: false }); // warm up the JIT on every path once
  await rawDomainWork();
  for (const key of Object.keys(cpuRates)) delete cpuRates[key];
  const rates = await interleaved(RUNS, {
    raw: rawDomainWork,
    cached: () => throughput({ snapshots: false }),
    cachedSnapshots: () => throughput({ snapshots: true }),
    uncached: () => throughput({ snapshots: false, cacheSize: 0 }),
    uncachedSnapshots: () => throughput({ snapshots: true, cacheSize: 0 }),
  });
  const raw = { name: 'raw decide+evolve', stats: stats(rates.raw) };
  const budget = (rate: number) => ({ budget: '≥ 100k/s', met: rate >= 100_000 });
  const what = `${STREAMS} Accounts × ${PER_STREAM} commands`;
  const rows: Row[] = [
    { figure: `commands/s, state cache, no snapshots (${what})`, unit: '/s', stats: stats(rates.cached), baseline: raw, ...budget(stats(rates.cached).median) },
    {
      figure: 'commands per CPU second, state cache, no snapshots',
      unit: '/s',
      stats: stats(cpuRates['false/default']!),
      note: 'CPU time of the whole process (GC threads included): steadier than wall clock when the machine is shared',
    },
    { figure: 'commands/s, state cache, snapshots', unit: '/s', stats: stats(rates.cachedSnapshots), baseline: raw, ...budget(stats(rates.cachedSnapshots).median) },
    { figure: 'commands/s, no cache, no snapshots (secondary)', unit: '/s', stats: stats(rates.uncached), baseline: raw },
    { figure: 'commands/s, no cache, snapshots (secondary)', unit: '/s', stats: stats(rates.uncachedSnapshots), baseline: raw },
  ];
  report(rows);
});
