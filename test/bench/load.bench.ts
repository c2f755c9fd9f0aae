/**
 * Loading an Account (snapshot policy: every 100 events) with 100, 10,000 and 100,000 events,
 * without a snapshot store (full replay) and with one holding the snapshot the command handler
 * would have taken (at the last multiple of 100). One more case loads 100,099 events, the worst
 * tail behind a snapshot. Baseline, same run: loading the 100-event Account without snapshots.
 * Budget: 100,000 events with snapshots ≤ 2× the baseline.
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
  const plain = createCommandHandler({ domain: banking, store });
  const snapped = createCommandHandler({ domain: banking, store, snapshots });

  /** Mean ms per load over enough loads to fill ~100 ms, so small aggregates are not timer noise. */
  const measure = (handler: typeof plain, size: number) => async () => {
    const expected = size;
    let loads = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < 100 || loads < 3) {
      const loaded = await handler.load(Account, String(size));
      if (loaded.version !== expected) throw new Error(`loaded version ${loaded.version}, expected ${expected}`);
      loads++;
      elapsed = performance.now() - start;
    }
    return elapsed / loads;
  };
  const contenders: Record<string, () => Promise<number>> = {};
  for (const size of SIZES) {
    contenders[`plain ${size}`] = measure(plain, size);
    contenders[`snapshots ${size}`] = measure(snapped, size);
  }
  for (const run of Object.values(contenders)) await run(); // warm-up
  const times = await interleaved(RUNS, contenders);
  const baseline = { name: 'load 100 events', stats: stats(times['plain 100']!) };
  const n = (size: number) => size.toLocaleString('en');
  const rows: Row[] = [];
  for (const size of SIZES) {
    rows.push({ figure: `load Account, ${n(size)} events, no snapshots`, unit: 'ms', stats: stats(times[`plain ${size}`]!), baseline });
    const s = stats(times[`snapshots ${size}`]!);
    const budgeted = size === 100_000;
    rows.push({
      figure: `load Account, ${n(size)} events, snapshots${size % 100 ? ` (tail ${size % 100})` : ''}`,
      unit: 'ms',
      stats: s,
      baseline,
      ...(budgeted ? { budget: '≤ 2× load 100 events', met: s.median <= 2 * baseline.stats.median } : {}),
    });
  }
  report(rows);
});
