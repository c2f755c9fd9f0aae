import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, inMemoryEventStore, WrongExpectedVersionError } from '../../src';
import type { EventStore } from '../../src';
import { streamQueue } from '../../src/commandHandling/streamQueue';
import { domain } from '../../src/domains';
import { Account } from '../../src/domains/banking';

/** A promise settled from outside, to hold work open until the test lets it go. */
function gate<T = void>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('the per-stream queue', () => {
  it('runs one key’s work one after another, in order of arrival, and other keys alongside', async () => {
    const log: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate<void>>>();
    const queue = streamQueue(async (name: string) => {
      log.push(`start ${name}`);
      const g = gate<void>();
      gates.set(name, g);
      await g.promise;
      log.push(`end ${name}`);
      return name;
    });
    assert.equal(queue.has('A'), false);
    const a1 = queue.run('A', 'a1');
    const a2 = queue.run('A', 'a2');
    const b1 = queue.run('B', 'b1');
    await Promise.resolve();
    assert.deepEqual(log, ['start a1', 'start b1'], 'a2 waits for a1; b1 does not wait for A');
    assert.equal(queue.size, 2);
    assert.deepEqual([queue.has('A'), queue.has('B'), queue.has('C')], [true, true, false]);
    gates.get('a1')!.open();
    assert.equal(await a1, 'a1');
    await new Promise(setImmediate);
    assert.deepEqual(log, ['start a1', 'start b1', 'end a1', 'start a2']);
    gates.get('a2')!.open();
    gates.get('b1')!.open();
    assert.deepEqual(await Promise.all([a2, b1]), ['a2', 'b1']);
    await new Promise(setImmediate);
    assert.deepEqual([queue.has('A'), queue.has('B')], [false, false]);
  });

  it('drops a key once its work is done, so idle streams hold no memory', async () => {
    const queue = streamQueue(async (n: number) => n * 2);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => queue.run(`S-${i % 5}`, i)));
    assert.deepEqual(results, Array.from({ length: 50 }, (_, i) => i * 2));
    assert.equal(queue.size, 0);
    await queue.run('S-0', 1);
    assert.equal(queue.size, 0);
  });

  it('a failing call rejects its own caller only; the ones behind it still run, in order', async () => {
    const ran: number[] = [];
    const queue = streamQueue(async (n: number) => {
      ran.push(n);
      if (n % 2 === 1) throw new Error(`odd ${n}`);
      return n;
    });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => queue.run('S', n)));
    assert.deepEqual(ran, [1, 2, 3, 4]);
    assert.deepEqual(
      settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
      ['odd 1', 2, 'odd 3', 4],
    );
    assert.equal(queue.size, 0);
  });

  it('a call that throws at once (not async) does not stall the line', async () => {
    const queue = streamQueue((n: number): Promise<number> => {
      if (n === 1) throw new Error('sync');
      return Promise.resolve(n);
    });
    const settled = await Promise.allSettled([queue.run('S', 0), queue.run('S', 1), queue.run('S', 2)]);
    assert.deepEqual(settled.map((s) => s.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.equal(queue.size, 0);
  });
});

/** Counts the conflicts the store reports, to tell queueing from retrying. */
function countingConflicts(inner: EventStore) {
  const counts = { conflicts: 0 };
  const store: EventStore = {
    ...inner,
    async append(streamId, events, options) {
      try {
        return await inner.append(streamId, events, options);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) counts.conflicts += 1;
        throw error;
      }
    },
  };
  return { store, counts };
}

describe('command handling queues commands per stream', () => {
  it('100 concurrent commands to one aggregate through one handler all succeed, in order of arrival, without a conflict', async () => {
    const { store, counts } = countingConflicts(inMemoryEventStore());
    const handler = createCommandHandler({ domain, store });
    await handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: i + 1 } })),
    );
    assert.deepEqual(results.map((r) => r.status === 'accepted' && r.version), Array.from({ length: 100 }, (_, i) => i + 2));
    const amounts = (await store.readStream('Account-a-1')).slice(1).map((e) => (e.data as { amount: number }).amount);
    assert.deepEqual(amounts, Array.from({ length: 100 }, (_, i) => i + 1), 'stored in order of arrival');
    assert.equal(counts.conflicts, 0);
    assert.equal((await handler.load(Account, 'a-1')).state.balance, 5050);
  });

  it('commands to other streams do not wait for a slow one', async () => {
    const inner = inMemoryEventStore();
    const slow = gate();
    const store: EventStore = {
      ...inner,
      async append(streamId, events, options) {
        if (streamId === 'Account-slow') await slow.promise;
        return inner.append(streamId, events, options);
      },
    };
    const handler = createCommandHandler({ domain, store });
    const held = handler.send(Account, 'slow', { type: 'OpenAccount', data: { owner: 'sam', overdraftLimit: 0 } });
    const other = await handler.send(Account, 'quick', { type: 'OpenAccount', data: { owner: 'quinn', overdraftLimit: 0 } });
    assert.equal(other.status, 'accepted');
    slow.open();
    assert.equal((await held).status, 'accepted');
  });

  it('a command that fails does not block the ones behind it on the same stream', async () => {
    const handler = createCommandHandler({ domain, store: inMemoryEventStore() });
    const open = handler.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    const bad = handler.handle({ aggregate: 'Account', id: 'a-1', command: { type: 'Deposit', data: { amount: 'lots' } } });
    const good = handler.send(Account, 'a-1', { type: 'Deposit', data: { amount: 5 } });
    const [o, b, g] = await Promise.allSettled([open, bad, good]);
    assert.equal(o.status, 'fulfilled');
    assert.equal(b.status, 'rejected');
    assert.deepEqual(g.status === 'fulfilled' && g.value.status === 'accepted' && g.value.version, 2);
  });

  it('two handlers on one store still resolve their conflicts by retrying', async () => {
    const { store, counts } = countingConflicts(inMemoryEventStore());
    const first = createCommandHandler({ domain, store, retries: 20 });
    const second = createCommandHandler({ domain, store, retries: 20 });
    await first.send(Account, 'a-1', { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).send(Account, 'a-1', { type: 'Deposit', data: { amount: 1 } })),
    );
    assert.ok(results.every((r) => r.status === 'accepted'));
    assert.ok(counts.conflicts > 0, 'the two handlers did conflict');
    assert.equal(await store.streamVersion('Account-a-1'), 21);
    assert.equal((await first.load(Account, 'a-1')).state.balance, 20);
  });
});
