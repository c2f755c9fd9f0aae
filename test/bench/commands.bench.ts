/**
 * Command handling on the in-memory store, small aggregate (Account), in two shapes: 100 Accounts
 * × 200 commands (every stream hot in the state cache) and 10,000 Accounts × 10 commands (ten times
 * the cache's 1,000 streams: least-recently-used alone would never hit; with the cache's admission
 * rule about a tenth of the look-ups hit, the resident set). Each account is opened, then sent
 * deposits with a withdrawal every third command, round robin over the accounts.
 *
 * Contenders, interleaved in the same run: eventspec's handler with its state cache (the default)
 * and without it; Emmett 0.42's CommandHandler + in-memory store over the same decide/evolve; and
 * the floor: the same decide/evolve on a Map of states, an envelope per event and one `await` per
 * command. Every figure is given per CPU second of the process (steadier than wall clock on a shared
 * machine) with the wall-clock rate beside it, and the share of the run spent in GC pauses.
 * Budget (issue 16): ≥ 200k commands per CPU second, ≤ 5× the floor's CPU per command, GC ≤ 15%,
 * the state cache never slower than no cache.
 *
 *   node -r ./scripts/swc-register.js test/bench/commands.bench.ts [--runs 5] [--big-streams 10000] [--big-per-stream 10]
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type { PerformanceEntry } from 'node:perf_hooks';
import { createCommandHandler } from '../../src/commandHandling';
import type { CommandRequest } from '../../src/commandHandling';
import { inMemoryEventStore } from '../../src/eventStore';
import { inMemorySnapshotStore } from '../../src/snapshots';
import { banking } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import type { Row, Stats } from './bench';
import { main, option, report, stats } from './bench';
import { emmettHandler, emmettStore } from './emmettPeer';

const RUNS = Math.max(5, option('runs', 5));
const SHAPES = [
  { streams: option('streams', 100), perStream: option('per-stream', 200) },
  { streams: option('big-streams', 10_000), perStream: option('big-per-stream', 10) },
];

/** The i-th command for an account: open first, then mostly deposits with a withdrawal every third. */
function commandAt(i: number): { type: string; data: Record<string, unknown> } {
  if (i === 0) return { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } };
  return i % 3 === 0 ? { type: 'Withdraw', data: { amount: 1 } } : { type: 'Deposit', data: { amount: 2 } };
}

function requestsOf(shape: { streams: number; perStream: number }): CommandRequest[] {
  const requests: CommandRequest[] = [];
  for (let i = 0; i < shape.perStream; i++) {
    for (let s = 0; s < shape.streams; s++) requests.push({ aggregate: 'Account', id: `acc-${s}`, command: commandAt(i) });
  }
  return requests;
}

/** GC pauses of this process, as perf_hooks reports them. */
const pauses: PerformanceEntry[] = [];
const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
observer.observe({ entryTypes: ['gc'] });

interface Measured {
  /** Commands per second of wall clock. */
  wall: number;
  /** Commands per second of the process's CPU time (all threads, GC helpers included). */
  cpu: number;
  /** Percent of the run's wall clock spent in GC pauses. */
  gc: number;
}

/** Runs `body` over all requests and measures it; `body` resolves with the events it stored. */
async function measure(requests: readonly CommandRequest[], body: () => Promise<number>): Promise<Measured> {
  const startedAt = performance.now();
  const cpu = process.cpuUsage();
  const stored = await body();
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - startedAt;
  // Node delivers GC entries from the event loop: let it turn before taking them.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  pauses.push(...observer.takeRecords());
  const gcMs = pauses.filter((p) => p.startTime >= startedAt && p.startTime < startedAt + ms).reduce((sum, p) => sum + p.duration, 0);
  if (stored !== requests.length) throw new Error(`only ${stored} of ${requests.length} commands stored an event`);
  return { wall: requests.length / (ms / 1000), cpu: requests.length / ((used.user + used.system) / 1e6), gc: (100 * gcMs) / ms };
}

function eventspec(requests: readonly CommandRequest[], options: { snapshots?: boolean; cacheSize?: number }) {
  return () =>
    measure(requests, async () => {
      const handler = createCommandHandler({
        domain: banking,
        store: inMemoryEventStore(),
        ...(options.snapshots ? { snapshots: inMemorySnapshotStore() } : {}),
        ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
      });
      let stored = 0;
      for (const request of requests) {
        const result = await handler.handle(request);
        if (result.status === 'accepted') stored += result.events.length;
      }
      return stored;
    });
}

function emmett(requests: readonly CommandRequest[]) {
  return () =>
    measure(requests, async () => {
      const store = emmettStore();
      const handle = emmettHandler();
      let stored = 0;
      for (const request of requests) stored += await handle(store, request.id, request.command as { type: string; data: unknown });
      return stored;
    });
}

/** The floor: decide, an envelope, evolve with it, on states in a Map; one await per command. */
function floor(requests: readonly CommandRequest[]) {
  const decide = Account.decide as Record<string, (c: unknown, s: unknown, ctx: unknown) => { type: string; data: unknown }>;
  const evolve = Account.evolve as Record<string, (s: unknown, d: unknown, e: unknown) => unknown>;
  const reject = (name: string): never => {
    throw new Error(name);
  };
  return () =>
    measure(requests, async () => {
      const states = new Map<string, { version: number; state: unknown }>();
      let next = 0;
      for (const request of requests) {
        const known = states.get(request.id);
        const state = known?.state ?? Account.initialState();
        const version = (known?.version ?? 0) + 1;
        const streamId = `Account-${request.id}`;
        const now = new Date();
        const decided = decide[request.command.type]!(request.command.data, state, { id: request.id, streamId, now, reject });
        const commandId = `c-${++next}`;
        const envelope = {
          id: `${commandId}:1`,
          streamId,
          version,
          type: decided.type,
          data: decided.data,
          metadata: { occurredAt: now.toISOString(), commandId },
        };
        states.set(request.id, { version, state: evolve[decided.type]!(state, decided.data, envelope) });
        await undefined; // the handler is async too
      }
      return next;
    });
}

const pick = (runs: readonly Measured[], key: keyof Measured): Stats => stats(runs.map((r) => r[key]));

main(async () => {
  const rows: Row[] = [];
  for (const [index, shape] of SHAPES.entries()) {
    const requests = requestsOf(shape);
    const what = `${shape.streams.toLocaleString('en')} Accounts × ${shape.perStream} commands`;
    const contenders: Record<string, () => Promise<Measured>> = {
      floor: floor(requests),
      cached: eventspec(requests, {}),
      uncached: eventspec(requests, { cacheSize: 0 }),
      emmett: emmett(requests),
      ...(index === 0 ? { cachedSnapshots: eventspec(requests, { snapshots: true }) } : {}),
    };
    for (const run of Object.values(contenders)) await run(); // warm up the JIT on every path once
    const measured: Record<string, Measured[]> = {};
    const names = Object.keys(contenders);
    for (let run = 0; run < RUNS; run++) {
      for (const name of run % 2 ? [...names].reverse() : names) (measured[name] ??= []).push(await contenders[name]!());
    }
    const floorCpu = { name: 'floor (Map, envelope, await)', stats: pick(measured.floor!, 'cpu') };
    const cached = pick(measured.cached!, 'cpu');
    const uncached = pick(measured.uncached!, 'cpu');
    rows.push(
      {
        figure: `commands per CPU second, state cache (${what})`,
        unit: '/s',
        stats: cached,
        baseline: floorCpu,
        budget: '≥ 200k/s and ≤ 5× floor',
        met: cached.median >= 200_000 && floorCpu.stats.median / cached.median <= 5,
      },
      { figure: `  commands/s wall clock, state cache`, unit: '/s', stats: pick(measured.cached!, 'wall'), baseline: { name: 'floor', stats: pick(measured.floor!, 'wall') } },
      {
        figure: `  GC pauses, share of the run, state cache`,
        unit: '%',
        stats: pick(measured.cached!, 'gc'),
        baseline: { name: 'floor', stats: pick(measured.floor!, 'gc') },
        budget: '≤ 15%',
        met: pick(measured.cached!, 'gc').median <= 15,
      },
      {
        figure: `  commands per CPU second, no state cache`,
        unit: '/s',
        stats: uncached,
        baseline: { name: 'state cache', stats: cached },
        budget: 'cache ≥ no cache',
        met: cached.median >= uncached.median,
      },
      { figure: `  commands per CPU second, Emmett 0.42 CommandHandler`, unit: '/s', stats: pick(measured.emmett!, 'cpu'), baseline: { name: 'eventspec', stats: cached } },
      { figure: `  commands/s wall clock, Emmett 0.42 CommandHandler`, unit: '/s', stats: pick(measured.emmett!, 'wall'), baseline: { name: 'eventspec', stats: pick(measured.cached!, 'wall') } },
    );
    if (measured.cachedSnapshots) {
      rows.push({ figure: `  commands per CPU second, state cache + snapshot store`, unit: '/s', stats: pick(measured.cachedSnapshots, 'cpu'), baseline: floorCpu });
    }
  }
  rows[0]!.note =
    'CPU time of the whole process (GC threads included) per command, beside the floor: the same decide/evolve on a Map of states, an envelope and one await per command. GC share: perf_hooks GC pause time over the run\'s wall clock';
  report(rows);
});
