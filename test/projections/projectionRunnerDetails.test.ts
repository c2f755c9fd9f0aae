import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventStore, RecordedEvent, Subscription } from '../../src';
import { EventspecError, defineDomain, inMemoryEventStore, z } from '../../src';
import { Order } from '../../src/domains/ordering/order';
import { OrderPlaced } from '../../src/domains/ordering/events';
import { orderSummaries } from '../../src/domains/ordering/orderSummary';
import { accountBalances } from '../../src/domains/banking/accountReadModels';
import type { ReadModelStore, RunnerStep } from '../../src/projections';
import { ProjectionFailed, defineProjection, inMemoryReadModelStore, projectionRunner } from '../../src/projections';
import { Counter, event, ordering, placedCounter } from './support';

/** Rejects when `promise` has not settled within `ms`: a hang fails the test with what was awaited. */
async function bounded<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not settled within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/** A projection whose handler waits at `gate` on the customer "slow", after firing `entered`. */
function gatedCounter() {
  const entered = signal();
  const gate = signal();
  const projection = defineProjection({
    name: 'GatedCounter',
    readModels: { Gated: Counter },
    from: [OrderPlaced],
    handlers: {
      OrderPlaced: async ({ data }, { Gated }) => {
        if (data.customer === 'slow') {
          entered.fire();
          await gate.promise;
        }
        Gated.put(data.customer, { count: 1 });
      },
    },
  });
  return { projection, entered: entered.promise, release: gate.fire };
}

/** A counter whose handler fails while `broken()` says so, counting its calls. */
function flakyCounter(broken: () => boolean) {
  const calls = { count: 0 };
  const projection = defineProjection({
    name: 'FlakyCounter',
    readModels: { Flaky: Counter },
    from: [OrderPlaced],
    handlers: {
      OrderPlaced: ({ data }, { Flaky }) => {
        calls.count += 1;
        if (broken()) throw new Error('flaky handler');
        Flaky.put(data.customer, { count: 1 });
      },
    },
  });
  return { projection, calls };
}

async function storeWith(...customers: string[]): Promise<EventStore> {
  const events = inMemoryEventStore();
  for (const [i, customer] of customers.entries()) await events.append(`Order-o-${i + 1}`, [event('OrderPlaced', { customer })]);
  return events;
}

/** A read model store whose commits are counted. */
function countingCommits(inner: ReadModelStore): { store: ReadModelStore; commits: () => number } {
  let commits = 0;
  return {
    store: { ...inner, commit: (commit) => ((commits += 1), inner.commit(commit)) },
    commits: () => commits,
  };
}

/**
 * An in-memory event store that records each subscription the runner opens and whether it was
 * stopped; with holdFirstHead, its first head read waits for `release` (then fails with
 * failFirstHead, if given).
 */
function watchedStore(options: { holdFirstHead?: boolean; failFirstHead?: Error } = {}) {
  const inner = inMemoryEventStore();
  const gate = signal();
  let reads = 0;
  const opened: { stopped: boolean }[] = [];
  const events: EventStore = {
    ...inner,
    headPosition: async () => {
      if (options.holdFirstHead && reads++ === 0) {
        await gate.promise;
        if (options.failFirstHead) throw options.failFirstHead;
      }
      return inner.headPosition();
    },
    subscribe: (subscribeOptions) => {
      const subscription = inner.subscribe(subscribeOptions);
      const record = { stopped: false };
      opened.push(record);
      const watched: Subscription = {
        get position() {
          return subscription.position;
        },
        caughtUp: () => subscription.caughtUp(),
        stop: async () => {
          record.stopped = true;
          await subscription.stop();
        },
        done: subscription.done,
      };
      return watched;
    },
  };
  return { events, opened, release: gate.fire };
}

describe('projection runner options', () => {
  it('accepts a batch size of 1 and reads one event per batch', async () => {
    const events = await storeWith('alice', 'bob');
    const reads: RunnerStep[] = [];
    const runner = projectionRunner({
      events,
      readModels: inMemoryReadModelStore(),
      projections: [placedCounter],
      batchSize: 1,
      failpoint: (step) => void (step.step === 'read' && reads.push(step)),
    });
    await runner.caughtUp();
    assert.deepEqual(reads, [
      { step: 'read', projection: 'PlacedCounter', after: 0, count: 1 },
      { step: 'read', projection: 'PlacedCounter', after: 1, count: 1 },
    ]);
  });

  it("runs only the projections among a domain's parts, leaving other kinds of part aside", async () => {
    const glossary = { kind: 'glossary', name: 'Terms' };
    const domain = defineDomain({ name: 'ordering', aggregates: [Order], projections: [orderSummaries, glossary] });
    const events = await storeWith('alice');
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, domain });
    assert.deepEqual(runner.projections.map((p) => p.name), ['OrderSummaries']);
    await runner.caughtUp();
    assert.equal(await readModels.checkpoint('OrderSummaries'), 1);
  });

  it('refuses a projection handling an event the domain does not have, naming both and why', () => {
    assert.throws(
      () => projectionRunner({ events: inMemoryEventStore(), readModels: inMemoryReadModelStore(), projections: [accountBalances], domain: ordering }),
      (error: unknown) => {
        assert.ok(error instanceof TypeError, String(error));
        assert.match(error.message, /^projection AccountBalances handles AccountOpened, which domain ordering does not have: .*AccountOpened/);
        return true;
      },
    );
  });

  it('gives handlers the id after the aggregate name, or the whole stream id when no name comes before a dash', async () => {
    const seen: [string, string][] = [];
    const ids = defineProjection({
      name: 'AggregateIds',
      readModels: { Ids: z.object({ id: z.string() }) },
      from: [OrderPlaced],
      handlers: { OrderPlaced: ({ streamId, aggregateId }) => void seen.push([streamId, aggregateId]) },
    });
    const events = inMemoryEventStore();
    for (const streamId of ['Order-o-1', 'solo', '-lead']) await events.append(streamId, [event('OrderPlaced', { customer: 'x' })]);
    await projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [ids] }).caughtUp();
    assert.deepEqual(seen, [
      ['Order-o-1', 'o-1'],
      ['solo', 'solo'],
      ['-lead', '-lead'],
    ]);
  });
});

describe('projection runner: transient failures when not following', () => {
  it('rejects the caughtUp that met a lost connection, keeps the projection idle, and catches up on the next one', async () => {
    const inner = await storeWith('alice', 'bob');
    let failuresLeft = 1;
    const events: EventStore = { ...inner, readAll: (options) => (failuresLeft-- > 0 ? Promise.reject(new Error('connection reset')) : inner.readAll(options)) };
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [placedCounter] });
    await assert.rejects(runner.caughtUp(), /connection reset/);
    assert.deepEqual((await runner.status()).map((s) => [s.state, s.checkpoint, s.error]), [['idle', 0, undefined]]);
    await runner.caughtUp();
    assert.deepEqual(await readModels.get('Placed', 'bob'), { count: 1, last: 'Order-o-2' });
    assert.deepEqual((await runner.status()).map((s) => [s.state, s.checkpoint]), [['idle', 2]]);
  });

  it('still marks the projection failed when the store refuses with its own error, until a rebuild', async () => {
    const inner = await storeWith('alice');
    let refusing = true;
    const events: EventStore = {
      ...inner,
      readAll: (options) => (refusing ? Promise.reject(new EventspecError('stored event at position 1 is damaged')) : inner.readAll(options)),
    };
    const runner = projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [placedCounter] });
    await assert.rejects(runner.caughtUp(), /damaged/);
    refusing = false;
    await assert.rejects(runner.caughtUp(), /damaged/);
    assert.deepEqual((await runner.status()).map((s) => s.state), ['failed']);
    await runner.rebuild();
    assert.deepEqual((await runner.status()).map((s) => [s.state, s.checkpoint]), [['idle', 1]]);
  });
});

describe('projection runner: transient failures while following', () => {
  it('retries a read that fails with a non-eventspec error, telling onRetry of each consecutive failure, and catches up once the store answers', async () => {
    const inner = await storeWith('alice', 'bob');
    let down = true;
    const events: EventStore = { ...inner, readAll: (options) => (down ? Promise.reject(new Error('connection reset')) : inner.readAll(options)) };
    const retries: [string, string, number][] = [];
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({
      events,
      readModels,
      projections: [placedCounter],
      retryBackoff: { firstMs: 20, maxMs: 40 },
      onRetry: (projection, error, failures) => {
        retries.push([projection, (error as Error).message, failures]);
        if (retries.length === 3) down = false;
      },
    });
    await runner.start();
    try {
      // Asked during the outage: it waits for the loop to get through, it does not fail.
      await bounded(runner.caughtUp(), 'caughtUp during an outage');
      assert.deepEqual(retries, [
        ['PlacedCounter', 'connection reset', 1],
        ['PlacedCounter', 'connection reset', 2],
        ['PlacedCounter', 'connection reset', 3],
      ]);
      assert.deepEqual(await readModels.get('Placed', 'bob'), { count: 1, last: 'Order-o-2' });
      assert.deepEqual((await runner.status()).map((s) => [s.state, s.checkpoint, s.error]), [['following', 2, undefined]]);
    } finally {
      await runner.stop();
    }
  });

  it('waits out transient failures without an onRetry', async () => {
    const inner = await storeWith('alice');
    let failuresLeft = 2;
    const events: EventStore = {
      ...inner,
      readAll: (options) => (failuresLeft-- > 0 ? Promise.reject(new Error('no primary')) : inner.readAll(options)),
    };
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [placedCounter], retryBackoff: { firstMs: 1, maxMs: 1 } });
    await runner.start();
    try {
      await bounded(runner.caughtUp(), 'caughtUp after two failed reads');
      assert.equal(failuresLeft, -1, 'two failed reads, then the one that answered');
      assert.deepEqual((await runner.status()).map((s) => [s.state, s.checkpoint]), [['following', 1]]);
    } finally {
      await runner.stop();
    }
  });

  it('caughtUp resolves at the head after a commit that landed but reported a failure', async () => {
    const events = await storeWith('alice');
    const inner = inMemoryReadModelStore();
    let lost = false;
    // The write reaches the store, the answer does not (a connection dropped after the write).
    const readModels: ReadModelStore = {
      ...inner,
      commit: async (commit) => {
        await inner.commit(commit);
        if (!lost) {
          lost = true;
          throw new Error('connection closed before the answer');
        }
      },
    };
    const retried = signal();
    // A long backoff: the loop's retry does not come before caughtUp is asked.
    const runner = projectionRunner({ events, readModels, projections: [placedCounter], retryBackoff: { firstMs: 60_000 }, onRetry: () => retried.fire() });
    await runner.start();
    try {
      await bounded(retried.promise, 'the lost answer');
      await bounded(runner.caughtUp(), 'caughtUp after the lost answer');
      assert.equal(await inner.checkpoint('PlacedCounter'), 1);
      assert.deepEqual(await inner.get('Placed', 'alice'), { count: 1, last: 'Order-o-1' });
    } finally {
      await bounded(runner.stop(), 'stop during the backoff');
    }
  });

  it('applies an event appended while the batch before it was being applied, without waiting for another append', async () => {
    const inner = inMemoryEventStore();
    const secondDelivered = signal();
    // Watches the runner's subscription: the append of position 2 has rung before the batch ends.
    const events: EventStore = {
      ...inner,
      subscribe: (options) =>
        inner.subscribe({
          ...options,
          handler: async (recorded: RecordedEvent) => {
            await options.handler(recorded);
            if (recorded.position === 2) secondDelivered.fire();
          },
        }),
    };
    const { projection, entered, release } = gatedCounter();
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [projection] });
    await runner.start();
    try {
      await inner.append('Order-o-1', [event('OrderPlaced', { customer: 'slow' })]);
      await bounded(entered, 'the first batch');
      await inner.append('Order-o-2', [event('OrderPlaced', { customer: 'bob' })]);
      await bounded(secondDelivered.promise, 'the ring for the second append');
      release();
      await bounded(runner.caughtUp(), 'caughtUp with the second event');
      assert.deepEqual(await readModels.get('Gated', 'bob'), { count: 1 });
    } finally {
      release();
      await runner.stop();
    }
  });
});

describe('projection runner: start and stop', () => {
  it('starting twice opens one subscription, and stop closes it', async () => {
    const { events, opened } = watchedStore();
    const runner = projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [placedCounter] });
    await runner.start();
    await runner.start();
    await runner.stop();
    assert.deepEqual(opened, [{ stopped: true }]);
  });

  it('a start that could not read the head can be started again, and then follows', async () => {
    const inner = inMemoryEventStore();
    let refusals = 1;
    const events: EventStore = {
      ...inner,
      headPosition: async () => {
        if (refusals-- > 0) throw new Error('store unreachable');
        return inner.headPosition();
      },
    };
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [placedCounter] });
    await assert.rejects(runner.start(), /store unreachable/);
    await runner.start();
    await inner.append('Order-o-1', [event('OrderPlaced', { customer: 'alice', total: 1 })]);
    await bounded(runner.caughtUp(), 'caughtUp after the second start');
    assert.equal(await readModels.checkpoint('PlacedCounter'), await inner.headPosition());
    await runner.stop();
  });

  it('a stop while start reads the head leaves no subscription open; a later start opens one', async () => {
    const { events, opened, release } = watchedStore({ holdFirstHead: true });
    const runner = projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [placedCounter] });
    const starting = runner.start();
    await runner.stop();
    release();
    await bounded(starting, 'the interrupted start');
    assert.deepEqual(opened, []);
    assert.deepEqual((await runner.status()).map((s) => s.state), ['idle']);
    await runner.start();
    await runner.stop();
    assert.deepEqual(opened, [{ stopped: true }]);
  });

  it('a stop and a new start while the first start reads the head: only the new start subscribes', async () => {
    const { events, opened, release } = watchedStore({ holdFirstHead: true });
    const runner = projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [placedCounter] });
    const first = runner.start();
    await runner.stop();
    await runner.start();
    release();
    await bounded(first, 'the first start');
    assert.equal(opened.length, 1);
    await runner.stop();
    assert.deepEqual(opened, [{ stopped: true }]);
  });

  it('a first start failing after a stop and a new start leaves the new start following', async () => {
    const { events, opened, release } = watchedStore({ holdFirstHead: true, failFirstHead: new Error('store unreachable') });
    const runner = projectionRunner({ events, readModels: inMemoryReadModelStore(), projections: [placedCounter] });
    const first = runner.start();
    await runner.stop();
    await runner.start();
    release();
    await assert.rejects(bounded(first, 'the first start'), /store unreachable/);
    // Still following: starting again opens nothing more.
    await runner.start();
    assert.equal(opened.length, 1);
    assert.deepEqual((await runner.status()).map((s) => s.state), ['following']);
    await runner.stop();
    assert.deepEqual(opened, [{ stopped: true }]);
  });

  it('stop on a runner that was never started resolves and leaves its projections idle', async () => {
    const runner = projectionRunner({ events: inMemoryEventStore(), readModels: inMemoryReadModelStore(), projections: [placedCounter] });
    await runner.stop();
    assert.deepEqual((await runner.status()).map((s) => s.state), ['idle']);
  });

  it('stop resolves only once the batch in flight is committed', async () => {
    const events = inMemoryEventStore();
    const { projection, entered, release } = gatedCounter();
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [projection] });
    await runner.start();
    await events.append('Order-o-1', [event('OrderPlaced', { customer: 'slow' })]);
    await bounded(entered, 'the batch');
    const stopped = runner.stop();
    setImmediate(release); // after stop has had every chance to resolve on its own
    await bounded(stopped, 'stop');
    assert.equal(await readModels.checkpoint('GatedCounter'), 1);
    assert.deepEqual(await readModels.get('Gated', 'slow'), { count: 1 });
  });

  it('after stop, a projection that was following is idle and a failed one stays failed, and start follows again', async () => {
    const events = await storeWith('boom');
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [placedCounter, orderSummaries] });
    await runner.start();
    await assert.rejects(bounded(runner.caughtUp(), 'caughtUp'), ProjectionFailed);
    await runner.stop();
    assert.deepEqual((await runner.status()).map((s) => [s.name, s.state]), [
      ['PlacedCounter', 'failed'],
      ['OrderSummaries', 'idle'],
    ]);
    await runner.start();
    assert.deepEqual((await runner.status()).map((s) => [s.name, s.state]), [
      ['PlacedCounter', 'failed'],
      ['OrderSummaries', 'following'],
    ]);
    await runner.stop();
  });
});

describe('projection runner: a failed projection stays failed until rebuilt', () => {
  /** A runner whose one projection failed on its first event (caughtUp's error), and a way to mend the handler. */
  async function failedOnce() {
    const events = await storeWith('alice');
    let broken = true;
    const { projection, calls } = flakyCounter(() => broken);
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [projection] });
    const error = await runner.caughtUp().then(
      () => assert.fail('expected the projection to fail'),
      (e: unknown) => e,
    );
    return { readModels, runner, calls, error, mend: () => (broken = false) };
  }

  it('caughtUp rejects with the same error without applying again, even once the cause is gone', async () => {
    const { readModels, runner, calls, error, mend } = await failedOnce();
    assert.ok(error instanceof ProjectionFailed, String(error));
    mend();
    await assert.rejects(runner.caughtUp(), (e: unknown) => e === error);
    assert.equal(calls.count, 1);
    assert.equal(await readModels.checkpoint('FlakyCounter'), 0);
    await runner.rebuild();
    assert.deepEqual(await readModels.get('Flaky', 'alice'), { count: 1 });
  });

  it('start does not restart it: it stays failed with its error', async () => {
    const { runner, calls, error, mend } = await failedOnce();
    mend();
    await runner.start();
    try {
      assert.deepEqual((await runner.status()).map((s) => [s.state, s.error]), [['failed', error]]);
      await assert.rejects(runner.caughtUp(), (e: unknown) => e === error);
      assert.equal(calls.count, 1);
    } finally {
      await runner.stop();
    }
  });
});

describe('projection runner: within', () => {
  async function caughtUpRunner(readModels: ReadModelStore) {
    const events = await storeWith('alice', 'bob');
    const runner = projectionRunner({ events, readModels, projections: [placedCounter] });
    await runner.caughtUp();
    return runner;
  }

  it("commits the work's writes with the checkpoint unchanged, reading the projection's documents", async () => {
    const readModels = inMemoryReadModelStore();
    const runner = await caughtUpRunner(readModels);
    await runner.within('PlacedCounter', async ({ Placed }) => {
      const alice = (await Placed!.get('alice')) as { count: number };
      Placed!.put('total', { count: alice.count + 1 });
      Placed!.delete('bob');
    });
    assert.deepEqual(await readModels.find('Placed'), [
      { id: 'alice', doc: { count: 1, last: 'Order-o-1' } },
      { id: 'total', doc: { count: 2 } },
    ]);
    assert.equal(await readModels.checkpoint('PlacedCounter'), 2);
  });

  it('commits nothing when the work writes nothing', async () => {
    const { store, commits } = countingCommits(inMemoryReadModelStore());
    const runner = await caughtUpRunner(store);
    const before = commits();
    let ran = false;
    await runner.within('PlacedCounter', async ({ Placed }) => {
      ran = (await Placed!.get('alice')) !== undefined;
    });
    assert.equal(ran, true);
    assert.equal(commits(), before);
  });

  it('waits for an update the work did not await, and a forgotten update that breaks its schema fails it with nothing written', async () => {
    const readModels = inMemoryReadModelStore();
    const runner = await caughtUpRunner(readModels);
    await runner.within('PlacedCounter', async ({ Placed }) => {
      void Placed!.update('alice', (c) => ({ count: (c as { count: number }).count + 10 }));
    });
    assert.deepEqual(await readModels.get('Placed', 'alice'), { count: 11 });

    await assert.rejects(
      runner.within('PlacedCounter', async ({ Placed }) => {
        Placed!.put('carol', { count: 1 });
        void Placed!.update('bob', () => ({ count: 'many' }));
      }),
      /read model Placed "bob" does not match its schema/,
    );
    assert.equal(await readModels.get('Placed', 'carol'), undefined);
    assert.deepEqual(await readModels.get('Placed', 'bob'), { count: 1, last: 'Order-o-2' });
  });

  it("refuses a failed projection with its error, without running the work", async () => {
    const events = await storeWith('boom');
    const readModels = inMemoryReadModelStore();
    const runner = projectionRunner({ events, readModels, projections: [placedCounter] });
    const error = await runner.caughtUp().then(
      () => assert.fail('expected the projection to fail'),
      (e: unknown) => e,
    );
    let ran = false;
    await assert.rejects(
      runner.within('PlacedCounter', async () => {
        ran = true;
      }),
      (e: unknown) => e === error,
    );
    assert.equal(ran, false);
  });

  it('refuses an unknown projection, naming the ones the runner has, or none', async () => {
    const none = projectionRunner({ events: inMemoryEventStore(), readModels: inMemoryReadModelStore(), projections: [] });
    await assert.rejects(none.within('Nope', async () => undefined), /^EventspecError: no projection named Nope; the runner has none$/);
  });
});
