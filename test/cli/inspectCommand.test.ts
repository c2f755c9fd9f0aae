import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import pc from 'picocolors';
import { controllableClock, createCommandHandler, inMemoryEventStore, inMemorySnapshotStore } from '../../src';
import type { EventStore } from '../../src';
import { formatStreamReport, inspectStream } from '../../src/cli';
import type { StoreOpener } from '../../src/cli';
import { domain, Order } from './fixtures/shopDomain';
import { run, shopDomain } from './cliHarness';

let events: EventStore;
let closed: number;
const opener: StoreOpener = async () => ({
  events,
  close: async () => {
    closed += 1;
  },
});

/** Order-o-1: placed at v1 (stored in the old { total } shape) at 10:00, then shipped at 11:00. */
async function seed(): Promise<void> {
  const clock = controllableClock('2025-03-01T10:00:00Z');
  events = inMemoryEventStore({ clock });
  closed = 0;
  await events.append('Order-o-1', [
    { id: 'e-1', type: 'OrderPlaced', schemaVersion: 1, data: { total: 20 }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } },
  ]);
  clock.set('2025-03-01T11:00:00Z');
  const handler = createCommandHandler({ domain, store: events, snapshots: inMemorySnapshotStore(), clock });
  const result = await handler.send(Order, 'o-1', { type: 'ShipOrder', data: { carrier: 'DHL' } });
  assert.equal(result.status, 'accepted');
}

describe('inspectStream', () => {
  beforeEach(seed);

  it('shows every event as stored and the current state', async () => {
    const report = await inspectStream({ domain, events, streamId: 'Order-o-1' });
    assert.equal(report.aggregate, 'Order');
    assert.equal(report.id, 'o-1');
    assert.equal(report.streamVersion, 2);
    assert.equal(report.version, 2);
    assert.deepEqual(
      report.events.map((e) => [e.version, e.type, e.schemaVersion, e.occurredAt, e.data]),
      [
        [1, 'OrderPlaced', 1, '2025-03-01T10:00:00.000Z', { total: 20 }],
        [2, 'OrderShipped', 1, '2025-03-01T11:00:00.000Z', { carrier: 'DHL' }],
      ],
    );
    // The state comes from the upcast data: v1's total became amount + currency.
    assert.deepEqual(report.state, { status: 'shipped', amount: 20, currency: 'EUR', carrier: 'DHL' });
  });

  it('stops at a version', async () => {
    const report = await inspectStream({ domain, events, streamId: 'Order-o-1', at: 1 });
    assert.deepEqual(report.events.map((e) => e.version), [1]);
    assert.deepEqual(report.state, { status: 'placed', amount: 20, currency: 'EUR', carrier: '' });
    assert.equal(report.at, 1);
  });

  it('stops at a time', async () => {
    const report = await inspectStream({ domain, events, streamId: 'Order-o-1', asOf: '2025-03-01T10:30:00Z' });
    assert.equal(report.version, 1);
    assert.equal(report.asOf, '2025-03-01T10:30:00.000Z');
    const before = await inspectStream({ domain, events, streamId: 'Order-o-1', asOf: '2025-03-01T09:00:00Z' });
    assert.deepEqual([before.version, before.events.length, before.state], [0, 0, Order.initialState()]);
  });

  it('refuses a version past the end, a bad time and a stream of no aggregate, with did-you-mean', async () => {
    await assert.rejects(inspectStream({ domain, events, streamId: 'Order-o-1', at: 3 }), /has 2 events, so it has no version 3/);
    await assert.rejects(inspectStream({ domain, events, streamId: 'Order-o-1', asOf: 'teatime' }), /--as-of "teatime" is not a date/);
    await assert.rejects(inspectStream({ domain, events, streamId: 'Ordr-o-1' }), /did you mean `Order`\?/);
  });

  it('formats one line per event, then the state', async () => {
    const text = formatStreamReport(await inspectStream({ domain, events, streamId: 'Order-o-1' }), pc.createColors(false));
    const lines = text.split('\n');
    assert.equal(lines[0], 'Order-o-1 (Order "o-1") — 2 events');
    assert.match(lines[1]!, /^ {2}v1 {2}OrderPlaced {3}schema v1 {2}2025-03-01T10:00:00\.000Z {2}\{"total":20\}$/);
    assert.match(lines[2]!, /^ {2}v2 {2}OrderShipped {2}schema v1 {2}2025-03-01T11:00:00\.000Z {2}\{"carrier":"DHL"\}$/);
    assert.equal(lines[4], 'State at version 2:');
    assert.deepEqual(JSON.parse(lines.slice(5).join('\n')), { status: 'shipped', amount: 20, currency: 'EUR', carrier: 'DHL' });
  });
});

describe('eventspec inspect', () => {
  beforeEach(seed);
  const uri = 'mongodb://alice:s3cr3t-pw@db.example.com:27017/shop';

  it('prints the report from the store the URI opens, and closes it', async () => {
    const { code, stdout, stderr } = await run(['inspect', 'Order-o-1', '--at', '1', '--mongo', uri, '--domain', shopDomain], undefined, {}, { openStores: opener });
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Order-o-1 \(Order "o-1"\) — 2 events at version 1\n {2}v1 {2}OrderPlaced/);
    assert.doesNotMatch(stdout, /OrderShipped/);
    assert.equal(closed, 1);
  });

  it('passes --prefix to the store opener as the collection prefix (A10)', async () => {
    const asked: unknown[] = [];
    const recording: StoreOpener = async (u, options) => (asked.push(options), opener(u, options));
    await run(['inspect', 'Order-o-1', '--mongo', uri, '--prefix', 'orders_', '--domain', shopDomain], undefined, {}, { openStores: recording });
    await run(['inspect', 'Order-o-1', '--mongo', uri, '--domain', shopDomain], undefined, {}, { openStores: recording });
    assert.deepEqual(asked, [{ collectionPrefix: 'orders_' }, {}]);
  });

  it('prints JSON with --json, taking the URI from MONGODB_URI', async () => {
    const { code, stdout } = await run(['inspect', 'Order-o-1', '--json', '--domain', shopDomain], undefined, { MONGODB_URI: uri }, { openStores: opener });
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual([report.streamVersion, report.version, report.state.carrier], [2, 2, 'DHL']);
  });

  it('exits 1 for a stream with no events', async () => {
    const { code, stdout } = await run(['inspect', 'Order-o-9', '--mongo', uri, '--domain', shopDomain], undefined, {}, { openStores: opener });
    assert.equal(code, 1);
    assert.match(stdout, /Order-o-9 \(Order "o-9"\) — 0 events\n {2}no events: nothing was ever recorded on this stream/);
  });

  it('exits 2 for usage mistakes: no store, both --at and --as-of, a bad version, an unknown aggregate', async () => {
    const cases: [string[], RegExp][] = [
      [['inspect', 'Order-o-1', '--domain', shopDomain], /pass --mongo <uri> or set MONGODB_URI/],
      [['inspect', 'Order-o-1', '--at', '1', '--as-of', '2025-03-01', '--mongo', uri], /option '--at <version>' cannot be used with option '--as-of <time>'/],
      [['inspect', 'Order-o-1', '--at', 'two', '--mongo', uri], /argument 'two' is invalid\. a stream version is a whole number/],
      [['inspect', 'Ordr-o-1', '--mongo', uri, '--domain', shopDomain], /stream "Ordr-o-1" does not belong to an aggregate.* did you mean `Order`\?/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await run(argv, undefined, {}, { openStores: opener });
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, message);
    }
  });

  it('never prints the credentials of the URI, even when the store quotes them', async () => {
    const leaky: StoreOpener = async (u) => {
      throw new Error(`connect failed for ${u} (user alice, password s3cr3t-pw)`);
    };
    const { code, stdout, stderr } = await run(['inspect', 'Order-o-1', '--mongo', uri, '--domain', shopDomain], undefined, { EVENTSPEC_DEBUG: '1' }, { openStores: leaky });
    assert.equal(code, 1);
    assert.match(stderr, /connect failed for mongodb:\/\/\*\*\*@db\.example\.com:27017\/shop/);
    assert.doesNotMatch(stdout + stderr, /s3cr3t-pw|alice:/);
  });

  it('explains, without the credentials, that the MongoDB server cannot be reached', async () => {
    const { code, stderr } = await run(['inspect', 'Order-o-1', '--mongo', uri, '--domain', shopDomain]);
    assert.equal(code, 1);
    assert.doesNotMatch(stderr, /s3cr3t-pw|alice/);
    assert.match(stderr, /cannot reach MongoDB at mongodb:\/\/\*\*\*@db\.example\.com:27017\/shop/);
  });
});
