import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventStore } from '../../src';
import { inMemoryEventStore } from '../../src';
import { startService } from './serviceHarness';

/** A store whose next append waits until the test lets it go, and says when it has started. */
function gatedStore(): { store: EventStore; entered: Promise<void>; release(): void } {
  const inner = inMemoryEventStore();
  let enter!: () => void;
  let release!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const store: EventStore = {
    ...inner,
    async append(streamId, events, options) {
      enter();
      await gate;
      return inner.append(streamId, events, options);
    },
  };
  return { store, entered, release };
}

describe('the service: graceful shutdown', () => {
  it('answers a command in flight before it closes, then stops the projections and takes no more requests', async () => {
    const gated = gatedStore();
    const s = await startService({ stores: { events: gated.store } });
    const inFlight = s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' } });
    await gated.entered;
    let closed = false;
    const closing = s.close().then(() => (closed = true));
    // The close waits for the command: it cannot finish while the append is held.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(closed, false);
    gated.release();
    const answer = await inFlight;
    assert.equal(answer.status, 200, answer.text);
    await closing;
    assert.equal(await gated.store.streamVersion('Order-o-1'), 1);
    const statuses = await s.service.projections!.status();
    assert.ok(statuses.every((status) => status.state === 'idle'), JSON.stringify(statuses));
    await assert.rejects(fetch(`${s.url}/health`));
  });
});
