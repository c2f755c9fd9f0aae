import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventStore } from '../../src';
import { inMemoryEventStore } from '../../src';
import { logCollector, startService } from './serviceHarness';

describe('the service: readiness', () => {
  it('is not ready (503) while the event store does not answer, and says so without the driver\'s words', async () => {
    const inner = inMemoryEventStore();
    let down = false;
    const flaky: EventStore = {
      ...inner,
      headPosition: async () => {
        if (down) throw new Error('connect ECONNREFUSED 10.0.0.1:27017');
        return inner.headPosition();
      },
    };
    const s = await startService({ stores: { events: flaky }, runReadSide: false });
    try {
      assert.equal((await s.call('GET', '/ready')).status, 200);
      down = true;
      const answer = await s.call('GET', '/ready');
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.json.store, { reachable: false, problem: 'the event store did not answer; see the service log' });
      assert.doesNotMatch(answer.text, /ECONNREFUSED/);
      assert.equal((await s.call('GET', '/health')).status, 200);
    } finally {
      await s.close();
    }
  });

  it('is not ready when a projection has stopped on an error, names it, logs it once, and says a missing document may never come', async () => {
    const { stream, text: logged } = logCollector();
    const s = await startService({ logger: { level: 'error', stream } });
    try {
      // An event the OrderSummaries projection cannot apply: an order shipped that it never saw placed.
      await s.events.append('Order-x', [{ id: 'bad-1', type: 'OrderShipped', schemaVersion: 1, data: { carrier: 'DHL' }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } }]);
      await s.service.projections!.caughtUp().catch(() => undefined);
      const answer = await s.call('GET', '/ready');
      const projections = answer.json.projections as { name: string; state: string; error?: string }[];
      assert.equal(answer.status, 503, answer.text);
      const failed = projections.find((p) => p.name === 'OrderSummaries');
      assert.equal(failed?.state, 'failed', answer.text);
      assert.match(String(failed?.error), /OrderShipped/);
      const metrics = (await s.call('GET', '/metrics')).text;
      assert.match(metrics, /eventspec_projection_failed\{projection="OrderSummaries"\} 1/);
      const stopped = logged().split('\n').filter((line) => line.includes('OrderSummaries stopped'));
      assert.equal(stopped.length, 1, logged());
      assert.match(stopped[0]!, /"level":50.*OrderShipped/);
      const missing = await s.call('GET', '/read-models/OrderSummary/nobody');
      assert.equal(missing.status, 404);
      assert.match(String(missing.json.detail), /OrderSummaries has stopped on an error \(see \/ready\), so it may never come/);
    } finally {
      await s.close();
    }
  });
});
