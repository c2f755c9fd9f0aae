/**
 * Loading an Account (snapshot policy: every 100 events) with 100, 10,000 and 100,000 events,
 * without a snapshot store (full replay) and with one holding the snapshot the command handler
 * would have taken (at the last multiple of 100). One more case loads 100,099 events, the worst
 * tail behind a snapshot. Baseline, same run: loading the 100-event Account without snapshots.
 * Budget: 100,099 events with snapshots (the snapshot 99 events back, as a live stream mostly has
 * it, not at the end) ≤ 2× the baseline. Peer, same run: Emmett 0.42's in-memory store replaying
 * the same streams with the same evolve (aggregateStream; Emmett has no snapshots). Each figure is
 * wall clock per load, with CPU time per load beside the budgeted one.
 *
 *   node -r ts-node/register test/bench/load.bench.ts [--runs 7]
 */
import { replay } from '../../src/aggregate';
import { createCommandHandler } from '../../src/commandHandling';
import type { NewEvent } from '../../src/core';
import type { EventStore } from '../../src/eventStore';
import { inMemoryEventStore } from '../../src/eventStore';
import type { SnapshotStore } from '../../src/snapshots';
import { inMemorySnapshotStore } from '../../src/snapshots';
import { banking } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import type { Row } from './bench';
import { interleaved, main, option, report, stats } from './bench';
import { emmettLoad, emmettStore } from './emmettPeer';

const RUNS = Math.max(5, option('runs', 7));
const SIZES = [100, 10_000, 100_000, 100_099];

function eventAt(i: number): NewEvent {
  const occurredAt = '2025-03-01T10:00:00.000Z';
  if (i === 0) return { id: `e-${i}`, type: 'AccountOpened', schemaVersion: 1, data: { owner: 'alice', overdraftLimit: 0 }, metadata: { occurredAt } };
  return i % 3 === 0
    ? { id: `e-${i}`, type: 'MoneyWithdrawn', schemaVersion: 1, data: { amount: 1 }, metadata: { occurredAt } }
    : { id: `e-${i}`, type: 'MoneyDeposited', schemaVersion: 1, data: { amount: 2 }, metadata: { occurredAt } };
}

async function fill(store: EventStore, snapshots: SnapshotStore, size: number): Promise<void> {
  const streamId = `Account-${size}`;
  for (let from = 0; from < size; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, size - from) }, (_, i) => eventAt(from + i));
    await store.append(streamId, batch, { expectedVersion: from === 0 ? 'no_stream' : from });
  }
  const at = Math.floor(size / 100) * 100;
  const state = replay(Account, Account.initialState(), await store.readStream(streamId, { maxCount: at }));
  await snapshots.save({ streamId, version: at, snapshotVersion: 1, state, takenAt: '2025-03-01T10:00:00.000Z' });
}

main(async () => {
  const store = inMemoryEventStore();
  const snapshots = inMemorySnapshotStore();
  for (const size of SIZES) await fill(store, snapshots, size);
  const emmett = emmettStore();
  for (const size of SIZES) {
    const streamId = `Account-${size}`;
    for (let from = 0; from < size; from += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - from) }, (_, i) => eventAt(from + i)).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));
      await emmett.appendToStream(streamId, batch);
    }
  }
  const plain = createCommandHandler({ domain: banking, store });
  const snapped = createCommandHandler({ domain: banking, store, snapshots });

  /** CPU ms per load, per contender, beside the wall-clock figures `interleaved` collects. */
  const cpuMs: Record<string, number[]> = {};
  /** Mean ms per load over enough loads to fill ~100 ms, so small aggregates are not timer noise. */
  const timed = (name: string, size: number, load: () => Promise<number>) => async () => {
    let loads = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < 100 || loads < 3) {
      const version = await load();
      if (version !== size) throw new Error(`${name}: loaded version ${version}, expected ${size}`);
      loads++;
      elapsed = performance.now() - start;
    }
    const used = process.cpuUsage(cpu);
    (cpuMs[name] ??= []).push((used.user + used.system) / 1000 / loads);
    return elapsed / loads;
  };
  const contenders: Record<string, () => Promise<number>> = {};
  for (const size of SIZES) {
    contenders[`plain ${size}`] = timed(`plain ${size}`, size, async () => (await plain.load(Account, String(size))).version);
    contenders[`snapshots ${size}`] = timed(`snapshots ${size}`, size, async () => (await snapped.load(Account, String(size))).version);
    contenders[`emmett ${size}`] = timed(`emmett ${size}`, size, () => emmettLoad(emmett, `Account-${size}`));
  }
  for (const run of Object.values(contenders)) await run(); // warm-up
  for (const key of Object.keys(cpuMs)) delete cpuMs[key];
  const times = await interleaved(RUNS, contenders);
  const baseline = { name: 'load 100 events', stats: stats(times['plain 100']!) };
  const n = (size: number) => size.toLocaleString('en');
  const rows: Row[] = [];
  for (const size of SIZES) {
    rows.push({ figure: `load Account, ${n(size)} events, no snapshots`, unit: 'ms', stats: stats(times[`plain ${size}`]!), baseline });
    const s = stats(times[`snapshots ${size}`]!);
    const budgeted = size % 100 !== 0;
    rows.push({
      figure: `load Account, ${n(size)} events, snapshots${budgeted ? ` (snapshot ${size % 100} events back)` : ' (snapshot at the end)'}`,
      unit: 'ms',
      stats: s,
      baseline,
      ...(budgeted ? { budget: '≤ 2× load 100 events', met: s.median <= 2 * baseline.stats.median } : {}),
    });
    if (budgeted) {
      rows.push({ figure: `  CPU per load, ${n(size)} events, snapshots`, unit: 'ms', stats: stats(cpuMs[`snapshots ${size}`]!), baseline: { name: 'load 100 events', stats: stats(cpuMs['plain 100']!) } });
    }
    rows.push({
      figure: `  Emmett 0.42 aggregateStream, ${n(size)} events`,
      unit: 'ms',
      stats: stats(times[`emmett ${size}`]!),
      baseline: { name: 'eventspec, no snapshots', stats: stats(times[`plain ${size}`]!) },
    });
  }
  rows.push({
    figure: '  CPU per load, Emmett 0.42, 100,000 events',
    unit: 'ms',
    stats: stats(cpuMs['emmett 100000']!),
    baseline: { name: 'eventspec, no snapshots', stats: stats(cpuMs['plain 100000']!) },
  });
  report(rows);
});
