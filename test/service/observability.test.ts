import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { EventStore } from '../../src';
import { inMemoryEventStore, inMemorySnapshotStore } from '../../src';
import { sample, startService } from './serviceHarness';

describe('the service: /metrics', () => {
  it('counts commands by aggregate, command and outcome, events appended, conflicts, and times commands', async () => {
    const s = await startService();
    try {
      await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' } });
      await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' } });
      await s.call('POST', '/aggregates/Order/o-2/commands/PlaceOrder', { body: { customer: 7 } });
      await s.call('POST', '/aggregates/Order/o-1/commands/AddItem', { body: { sku: 'A', price: 1 }, headers: { 'if-match': '"0"' } });
      await s.service.projections!.caughtUp();
      const answer = await s.call('GET', '/metrics');
      assert.equal(answer.status, 200);
      assert.match(answer.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const text = answer.text;
      const order = { aggregate: 'Order', command: 'PlaceOrder' };
      assert.equal(sample(text, 'eventspec_commands_total', { ...order, outcome: 'accepted' }), 1);
      assert.equal(sample(text, 'eventspec_commands_total', { ...order, outcome: 'rejected' }), 1);
      assert.equal(sample(text, 'eventspec_commands_total', { ...order, outcome: 'failed' }), 1);
      assert.equal(sample(text, 'eventspec_commands_total', { aggregate: 'Order', command: 'AddItem', outcome: 'failed' }), 1);
      assert.equal(sample(text, 'eventspec_command_duration_seconds_count', { ...order, outcome: 'accepted' }), 1);
      assert.equal(sample(text, 'eventspec_events_appended_total', { aggregate: 'Order', event: 'OrderPlaced' }), 1);
      assert.equal(sample(text, 'eventspec_projection_lag_events', { projection: 'OrderSummaries' }), 0);
      assert.equal(sample(text, 'eventspec_projection_failed', { projection: 'OrderSummaries' }), 0);
      assert.match(text, /# TYPE eventspec_append_conflicts_total counter/);
      assert.match(text, /# TYPE eventspec_store_errors_total counter/);
    } finally {
      await s.close();
    }
  });

  it('counts a conflict with another writer, which the handler then retries', async () => {
    const inner = inMemoryEventStore();
    let raced = false;
    // Another writer appends between the handler's load and its append, once.
    const racing: EventStore = {
      ...inner,
      async append(streamId, events, options) {
        if (!raced && streamId === 'Order-o-1' && options?.expectedVersion === 1) {
          raced = true;
          await inner.append(streamId, [{ id: 'outside-1', type: 'ItemAdded', schemaVersion: 1, data: { sku: 'A', quantity: 1, price: 1 }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } }], { expectedVersion: 1 });
        }
        return inner.append(streamId, events, options);
      },
    };
    const s = await startService({ stores: { events: racing } });
    try {
      await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' } });
      const answer = await s.call('POST', '/aggregates/Order/o-1/commands/AddItem', { body: { sku: 'B', price: 2 } });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.json.version, 3);
      assert.equal(raced, true);
      const text = (await s.call('GET', '/metrics')).text;
      assert.equal(sample(text, 'eventspec_append_conflicts_total', { aggregate: 'Order' }), 1);
    } finally {
      await s.close();
    }
  });

  it('answers a command whose snapshot cannot be saved as accepted, and counts the store error', async () => {
    const snapshots = { ...inMemorySnapshotStore(), save: async (): Promise<boolean> => { throw new Error('snapshot store down'); } };
    const s = await startService({ stores: { events: inMemoryEventStore(), snapshots } });
    try {
      await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' } });
      // Order snapshots every 50 events: the 50th is stored, then its snapshot fails.
      for (let i = 2; i < 50; i++) await s.call('POST', '/aggregates/Order/o-1/commands/AddItem', { body: { sku: `S${i}`, price: 1 } });
      const answer = await s.call('POST', '/aggregates/Order/o-1/commands/AddItem', { body: { sku: 'S50', price: 1 } });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.json.version, 50);
      assert.equal(sample((await s.call('GET', '/metrics')).text, 'eventspec_store_errors_total', { operation: 'snapshot' }), 1);
    } finally {
      await s.close();
    }
  });

  it('keeps its metrics in its own registry: two services, two sets', async () => {
    const a = await startService();
    const b = await startService();
    try {
      await a.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' } });
      assert.equal(sample((await b.call('GET', '/metrics')).text, 'eventspec_commands_total', { aggregate: 'Order', command: 'PlaceOrder', outcome: 'accepted' }), undefined);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('the service: tracing', () => {
  it('makes a span per command, per append and per projection batch, with the correlation and causation ids', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const s = await startService({ tracer: provider.getTracer('test') });
    try {
      await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' }, headers: { 'x-correlation-id': 'corr-7', 'x-causation-id': 'cause-7' } });
      await s.service.projections!.caughtUp();
    } finally {
      await s.close();
    }
    const spans = exporter.getFinishedSpans();
    const command = spans.find((span) => span.name === 'command Order.PlaceOrder');
    assert.ok(command, `spans: ${spans.map((x) => x.name).join(', ')}`);
    assert.equal(command.attributes['eventspec.correlation_id'], 'corr-7');
    assert.equal(command.attributes['eventspec.causation_id'], 'cause-7');
    assert.equal(command.attributes['eventspec.outcome'], 'accepted');
    const append = spans.find((span) => span.name === 'append Order');
    assert.ok(append);
    assert.equal(append.attributes['eventspec.stream_id'], 'Order-o-1');
    assert.equal(append.attributes['eventspec.correlation_id'], 'corr-7');
    assert.equal(append.attributes['eventspec.causation_id'], 'cause-7');
    const batch = spans.find((span) => span.name === 'project OrderSummaries');
    assert.ok(batch, `spans: ${spans.map((x) => x.name).join(', ')}`);
    assert.deepEqual(batch.attributes['eventspec.correlation_ids'], ['corr-7']);
    assert.deepEqual(batch.attributes['eventspec.causation_ids'], ['cause-7']);
  });
});
