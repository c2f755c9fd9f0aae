import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, defineAggregate, defineCommand, defineDomain, defineEvent, inMemoryEventStore, z } from '../../src';
import type { EventStore } from '../../src';
import { stateCache } from '../../src/commandHandling/stateCache';
import type { StateCache } from '../../src/commandHandling/stateCache';

/** What the cache holds for a stream, without its bookkeeping. */
const held = (cache: StateCache, streamId: string) => {
  const entry = cache.get(streamId);
  return entry && { version: entry.version, state: entry.state };
};

describe('stateCache', () => {
  it('gives back what was set, and forgets what was deleted', () => {
    const cache = stateCache(2);
    assert.equal(cache.get('a'), undefined);
    cache.set('a', 3, { n: 3 });
    assert.deepEqual(held(cache, 'a'), { version: 3, state: { n: 3 } });
    cache.set('a', 4, { n: 4 });
    assert.deepEqual(held(cache, 'a'), { version: 4, state: { n: 4 } });
    cache.delete('a');
    assert.equal(cache.get('a'), undefined);
  });

  it('holds exactly as many streams as its size, dropping the least recently used', () => {
    const cache = stateCache(2);
    cache.set('a', 1, 'A');
    cache.set('b', 1, 'B');
    assert.ok(cache.get('a') && cache.get('b'), 'two streams fit in a cache of two');
    // b was read last, so a is the least recently used
    cache.set('c', 1, 'C');
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.get('b')?.state, 'B');
    assert.equal(cache.get('c')?.state, 'C');
  });

  it('counts a read as a use: the stream read most recently stays', () => {
    const cache = stateCache(2);
    cache.set('a', 1, 'A');
    cache.set('b', 1, 'B');
    cache.get('a');
    cache.set('c', 1, 'C');
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a')?.state, 'A');
  });

  it('setting a stream it already holds replaces it without dropping another', () => {
    const cache = stateCache(1);
    cache.set('a', 1, 'A1');
    cache.set('a', 2, 'A2');
    assert.deepEqual(held(cache, 'a'), { version: 2, state: 'A2' });
  });

  it('a look-up of a stream it does not hold takes no room', () => {
    const cache = stateCache(2);
    cache.set('a', 1, 'A');
    assert.equal(cache.get('b'), undefined);
    cache.set('c', 1, 'C');
    assert.equal(cache.get('a')?.state, 'A');
  });

  it('size 0 caches nothing', () => {
    const cache = stateCache(0);
    cache.set('a', 1, 'A');
    assert.equal(cache.get('a'), undefined);
  });
});

const Counted = defineEvent('Counted', z.object({ by: z.number() }));
const Count = defineCommand('Count', z.object({ by: z.number() }));
const Counter = defineAggregate({ name: 'Counter', events: [Counted], commands: [Count], initialState: { n: 0 } }).behavior({
  evolve: { Counted: (s, { by }) => ({ n: s.n + by }) },
  decide: { Count: ({ by }) => ({ type: 'Counted', data: { by } }) },
});
const counters = defineDomain({ name: 'counters', aggregates: [Counter] });

/** The handler's cache is invisible in its answers by design, so these tests watch what it reads from the store. */
function watchedHandler(cacheSize?: number) {
  const inner = inMemoryEventStore();
  const reads: string[] = [];
  const store: EventStore = {
    ...inner,
    readStream: (streamId, options) => {
      reads.push(`${streamId}@${options?.fromVersion ?? 1}`);
      return inner.readStream(streamId, options);
    },
  };
  const handler = createCommandHandler({ domain: counters, store, ...(cacheSize === undefined ? {} : { cacheSize }) });
  const count = (id: string) => handler.send(Counter, id, { type: 'Count', data: { by: 1 } });
  return { handler, reads, count };
}

describe('the command handler uses its state cache', () => {
  it('reads only the events after the cached version for the next command on a stream', async () => {
    const { reads, count } = watchedHandler();
    await count('x');
    await count('x');
    await count('x');
    assert.deepEqual(reads, ['Counter-x@1', 'Counter-x@2', 'Counter-x@3']);
  });

  it('with cacheSize 0 replays every stream from its first event', async () => {
    const { reads, count } = watchedHandler(0);
    await count('x');
    await count('x');
    assert.deepEqual(reads, ['Counter-x@1', 'Counter-x@1']);
  });

  it('with cacheSize 1 a second stream pushes the first out', async () => {
    const { reads, count } = watchedHandler(1);
    await count('x');
    await count('y');
    await count('y');
    await count('x');
    assert.deepEqual(reads, ['Counter-x@1', 'Counter-y@1', 'Counter-y@2', 'Counter-x@1']);
  });

  it('holds 1000 streams by default, and no more', async () => {
    const { reads, count } = watchedHandler();
    for (let i = 0; i <= 1000; i++) await count(`s${i}`);
    reads.length = 0;
    await count('s1000');
    await count('s0');
    assert.deepEqual(reads, ['Counter-s1000@2', 'Counter-s0@1']);
  });
});

describe('stateCache: updating a stream it holds', () => {
  it('drops no other stream, even when the updated one was read since', () => {
    const cache = stateCache(2);
    cache.set('a', 1, 'A1');
    cache.set('b', 1, 'B');
    cache.get('a');
    cache.set('a', 2, 'A2');
    assert.deepEqual(held(cache, 'b'), { version: 1, state: 'B' });
    assert.deepEqual(held(cache, 'a'), { version: 2, state: 'A2' });
  });

  it('counts as a use: the stream updated last outlives one set before it and not used since', () => {
    const cache = stateCache(2);
    cache.set('a', 1, 'A1');
    cache.set('b', 1, 'B');
    cache.set('a', 2, 'A2');
    cache.set('c', 1, 'C');
    assert.equal(cache.get('b'), undefined, 'b was the least recently used');
    assert.deepEqual(held(cache, 'a'), { version: 2, state: 'A2' });
    assert.deepEqual(held(cache, 'c'), { version: 1, state: 'C' });
  });
});

describe('stateCache: admission is judged over a window of 256 look-ups of a full cache', () => {
  /** A full cache of two (a, b), then `hits` look-ups of a and `misses` of a stream it does not hold. */
  function afterWindow(hits: number, misses: number) {
    const cache = stateCache(2);
    cache.set('a', 1, 'A');
    cache.set('b', 1, 'B');
    for (let i = 0; i < hits; i++) cache.get('a');
    for (let i = 0; i < misses; i++) cache.get(`x-${i}`);
    cache.set('c', 1, 'C');
    return cache;
  }

  it('after exactly 256 look-ups under a quarter of hits, a newcomer is turned away', () => {
    const cache = afterWindow(63, 193);
    assert.equal(cache.get('c'), undefined);
    assert.ok(cache.get('a') && cache.get('b'), 'the resident set stays');
  });

  it('a window of exactly a quarter of hits is not low: a newcomer is let in', () => {
    assert.equal(afterWindow(64, 192).get('c')?.state, 'C');
  });

  it('before the window is complete, a newcomer is let in', () => {
    assert.equal(afterWindow(0, 255).get('c')?.state, 'C');
  });
});
