/**
 * The HTTP service under load on loopback (autocannon): Deposit commands to 1,000 accounts on the
 * in-memory store, at 1, 16 and 64 connections; commands per second, p50 and p99 latency, and
 * commands per CPU-second of the server process. Baseline, same run and same server process: a
 * bare Fastify route that calls the command handler directly (no problem mapping, metrics,
 * tracing, header parsing): the ratio is the service's own overhead. Then a longer run of the
 * service alone, its heap sampled after a full GC, to show memory stays flat apart from the
 * events the store keeps (measured beside it: the handler alone storing as many of the same events). Bounded: every load run stops at REQUESTS requests or SECONDS seconds.
 *
 *   node -r ts-node/register test/bench/service.bench.ts [--requests 20000] [--seconds 10] [--runs 3] [--memory-seconds 60]
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Row } from './bench';
import { machine, main, option, report, stats } from './bench';

const REQUESTS = option('requests', 20_000);
const SECONDS = option('seconds', 10);
const RUNS = Math.max(3, option('runs', 3));
const MEMORY_SECONDS = option('memory-seconds', 60);
const CONNECTIONS = [1, 16, 64];
const ACCOUNTS = 1000;

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  start: Date | string;
  finish: Date | string;
}
type CannonRequest = { method: string; path: string; headers: Record<string, string>; body: string };
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = require('autocannon') as Cannon;

interface Usage {
  cpu: NodeJS.CpuUsage;
  heap: number;
  stored: number;
}

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message as object);
  });
}

async function load(url: string, path: (i: number) => string, connections: number, limits: { amount?: number; duration: number }) {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    ...(limits.amount !== undefined ? { amount: limits.amount } : {}),
    duration: limits.duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"amount":1}',
        setupRequest: (request: CannonRequest) => ({ ...request, path: path(next++ % ACCOUNTS) }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} answers other than 2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result;
}

main(async () => {
  const child = fork(join(__dirname, 'service.server.ts'), [], {
    execArgv: ['--expose-gc', '-r', 'ts-node/register'],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  type Urls = { serviceUrl: string; fullUrl: string; bareUrl: string };
  const { serviceUrl, fullUrl, bareUrl } = await new Promise<Urls>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Urls));
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
  const contenders = {
    service: { url: serviceUrl, path: (i: number) => `/aggregates/Account/acc-${i}/commands/Deposit` },
    full: { url: fullUrl, path: (i: number) => `/aggregates/Account/acc-${i}/commands/Deposit` },
    bare: { url: bareUrl, path: (i: number) => `/bare/acc-${i}` },
  };
  type Name = keyof typeof contenders;
  console.log(`service bench on ${machine()}`);
  try {
    // Warm both up: JIT, state caches, sockets.
    for (const c of Object.values(contenders)) await load(c.url, c.path, 16, { amount: 5000, duration: SECONDS });

    const rows: Row[] = [];
    for (const connections of CONNECTIONS) {
      const figures = Object.fromEntries(Object.keys(contenders).map((name) => [name, { rate: [] as number[], p50: [] as number[], p99: [] as number[], cpuRate: [] as number[] }])) as Record<Name, { rate: number[]; p50: number[]; p99: number[]; cpuRate: number[] }>;
      for (let run = 0; run < RUNS; run++) {
        const names = Object.keys(contenders) as Name[];
        const order = run % 2 ? [...names].reverse() : names;
        for (const name of order) {
          const before = await ask<Usage>(child, { ask: 'usage' });
          const result = await load(contenders[name].url, contenders[name].path, connections, { amount: REQUESTS, duration: SECONDS });
          const after = await ask<Usage>(child, { ask: 'usage' });
          const cpuSeconds = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1e6;
          // Over the run's own wall time: autocannon's per-second average is coarse for short runs.
          figures[name].rate.push(result.requests.total / ((new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000));
          figures[name].p50.push(result.latency.p50);
          figures[name].p99.push(result.latency.p99);
          figures[name].cpuRate.push(result.requests.total / cpuSeconds);
        }
      }
      const s = figures.service;
      const b = figures.bare;
      const f = figures.full;
      rows.push(
        { figure: `service, ${connections} conn: commands/s`, unit: '/s', stats: stats(s.rate), baseline: { name: 'bare route', stats: stats(b.rate) } },
        { figure: `service, ${connections} conn: commands/CPU-s (server)`, unit: '/s', stats: stats(s.cpuRate), baseline: { name: 'bare route', stats: stats(b.cpuRate) } },
        { figure: `service, ${connections} conn: p50 latency`, unit: 'ms', stats: stats(s.p50), baseline: { name: 'bare route', stats: stats(b.p50) }, ...(connections === 1 ? { note: 'autocannon gives latency in whole milliseconds: 0 means under 1 ms' } : {}) },
        { figure: `service, ${connections} conn: p99 latency`, unit: 'ms', stats: stats(s.p99), baseline: { name: 'bare route', stats: stats(b.p99) } },
        { figure: `service + read side, ${connections} conn: commands/CPU-s`, unit: '/s', stats: stats(f.cpuRate), baseline: { name: 'bare route', stats: stats(b.cpuRate) } },
      );
    }

    // Memory: the service alone for MEMORY_SECONDS at 16 connections, the heap sampled after a GC.
    const samples: Usage[] = [await ask<Usage>(child, { ask: 'usage' })];
    const slice = Math.max(1, Math.round(MEMORY_SECONDS / 6));
    for (let elapsed = 0; elapsed < MEMORY_SECONDS; elapsed += slice) {
      await load(serviceUrl, contenders.service.path, 16, { duration: slice });
      samples.push(await ask<Usage>(child, { ask: 'usage' }));
    }
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const stored = last.stored - first.stored;
    const perEvent = (last.heap - first.heap) / Math.max(1, stored);
    // Same process, same run: the handler alone appending the same number of the same events.
    const { bytesPerEvent } = await ask<{ bytesPerEvent: number }>(child, { ask: 'storeBytes', commands: stored });
    console.log(`heap after GC every ${slice} s: ${samples.map((u) => `${(u.heap / 1e6).toFixed(1)} MB`).join(' → ')}`);
    rows.push(
      { figure: `service ${MEMORY_SECONDS} s: heap at start`, unit: 'B', stats: stats([first.heap]) },
      { figure: `service ${MEMORY_SECONDS} s: heap at end`, unit: 'B', stats: stats([last.heap]), note: `${stored} events stored meanwhile (the in-memory store keeps them all)` },
      {
        figure: `service ${MEMORY_SECONDS} s: heap growth per stored event`,
        unit: 'B',
        stats: stats([perEvent]),
        baseline: { name: 'handler alone, same events', stats: stats([bytesPerEvent]) },
        note: 'a ratio near 1 means the service keeps nothing of its own per command; one heap sample each, so a few % either way is noise',
      },
    );
    report(rows);
  } finally {
    await ask(child, { ask: 'stop' }).catch(() => undefined);
    child.kill();
  }
});
