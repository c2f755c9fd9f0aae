import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { RecordedEvent } from '../../src';
import { counterAtStart, firstPositionOf, highestPositionIn, inGlobalOrder, readAllWindow, readCounter } from '../../src/mongo/globalPositions';
import { indexBuildFailure } from '../../src/mongo/setupFailure';
import { MongoServerError } from 'mongodb';

const event = (position: number, streamId = 'S'): RecordedEvent => ({
  id: `e${position}`,
  type: 'T',
  schemaVersion: 1,
  data: {},
  metadata: { occurredAt: 'x', recordedAt: 'x' },
  streamId,
  version: position,
  position,
});

describe('global positions', () => {
  it('reads the counter and refuses a missing or broken one, saying how to repair it', () => {
    assert.equal(readCounter({ _id: 'position', value: 42 }, 'p'), 42);
    assert.throws(() => readCounter(null, 'x_positions'), /counter .* in collection x_positions\) is missing.*restore it with value = the highest stored position/);
    assert.throws(() => readCounter(undefined, 'p'), /is missing/);
    assert.throws(() => readCounter({ value: -1 }, 'p'), /holds -1, not a whole number/);
    assert.throws(() => readCounter({ value: '3' }, 'p'), /holds "3"/);
  });

  it('a batch of n gets the n positions ending at the bumped counter', () => {
    assert.equal(firstPositionOf(10, 3), 8);
    assert.equal(firstPositionOf(3, 3), 1);
    assert.throws(() => firstPositionOf(2, 3), /below the batch size/);
  });

  it('a readAll window starts after `after` and ends at the head seen before the read', () => {
    assert.deepEqual(readAllWindow({}, 5), { after: 0, upper: 5 });
    assert.deepEqual(readAllWindow({ after: 2, maxCount: 2 }, 10), { after: 2, upper: 4 });
    assert.deepEqual(readAllWindow({ after: 2, maxCount: 100 }, 10), { after: 2, upper: 10 });
    assert.equal(readAllWindow({ after: 10 }, 10), undefined);
    assert.equal(readAllWindow({ maxCount: 0 }, 10), undefined);
    assert.equal(readAllWindow({}, 0), undefined);
  });

  it('orders a complete window by position', () => {
    assert.deepEqual(inGlobalOrder([event(3), event(1), event(2)], { after: 0, upper: 3 }).map((e) => e.position), [1, 2, 3]);
    assert.deepEqual(inGlobalOrder([], { after: 4, upper: 4 }), []);
  });

  it('a position missing inside the window is reported, never skipped', () => {
    assert.throws(() => inGlobalOrder([event(1), event(3)], { after: 0, upper: 3 }), /global position 2 is missing/);
    assert.throws(() => inGlobalOrder([event(1)], { after: 0, upper: 3 }), /global positions 2\.\.3 are missing/);
  });

  it('a position stored twice is reported', () => {
    assert.throws(() => inGlobalOrder([event(1), event(1, 'T')], { after: 0, upper: 2 }), /global position 1 is stored twice/);
  });

  it('whatever order chunks come back in, a complete window reads in position order (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 1000 }), (after, size, seed) => {
        const events = Array.from({ length: size }, (_, i) => event(after + i + 1));
        const shuffled = [...events].sort((a, b) => ((a.position * 7919 + seed) % 101) - ((b.position * 7919 + seed) % 101));
        assert.deepEqual(inGlobalOrder(shuffled, { after, upper: after + size }), events);
      }),
    );
  });

  it('a missing counter is created at the highest stored position, never at 0 while events exist (A3)', () => {
    assert.deepEqual(counterAtStart(undefined, 0, 'p'), { create: 0 });
    assert.deepEqual(counterAtStart(undefined, 1234, 'p'), { create: 1234 });
    assert.equal(counterAtStart(1234, 1234, 'p'), undefined);
    assert.equal(counterAtStart(1300, 1234, 'p'), undefined, 'a counter ahead of what majority reads show is normal');
  });

  it('a counter below the stored events is refused, saying how to repair it (A3)', () => {
    assert.throws(() => counterAtStart(7, 1234, 'orders_positions'), (error: unknown) => {
      assert.match((error as Error).message, /counter .* in collection orders_positions\) is at 7, but events are stored up to position 1234/);
      assert.match((error as Error).message, /db\.orders_positions\.updateOne\(\{_id: "position"\}, \{\$set: \{value: 1234\}\}\)/);
      return true;
    });
  });

  it('finds the highest position in the chunk the index sort returns', () => {
    assert.equal(highestPositionIn({ events: [{ position: 3 }, { position: 9 }, { position: 4 }] }), 9);
    assert.equal(highestPositionIn(null), 0);
    assert.equal(highestPositionIn({ events: [] }), 0);
  });

  it('an index build that meets duplicate chunks stops with how to find them (B5)', () => {
    const duplicate = new MongoServerError({ code: 11000, errmsg: 'Index build failed: E11000 duplicate key error collection: shop.orders_events index: stream_chunk dup key: { stream: "Order-1", chunk: 2 }' });
    const error = indexBuildFailure(duplicate, 'orders_events');
    assert.ok(error);
    assert.match(error.message, /unique index stream_chunk on orders_events cannot be built: two chunk documents hold the same stream and chunk number/);
    assert.match(error.message, /dup key: \{ stream: "Order-1", chunk: 2 \}/);
    assert.match(error.message, /db\.orders_events\.aggregate\(/);
    assert.equal(indexBuildFailure(new MongoServerError({ code: 13, errmsg: 'not authorized' }), 'orders_events'), undefined);
  });
});

describe('global positions, from damaged documents', () => {
  it('the highest position skips elements that are null or hold no numeric position', () => {
    assert.equal(highestPositionIn({ events: [null, { position: '90' }, { position: 2 }, {}] }), 2);
  });

  it('the repair advice for a counter behind the events ends with when to apply it', () =>
    assert.throws(() => counterAtStart(7, 1234, 'p'), /\{\$set: \{value: 1234\}\}\) while no writer runs, then start again\.$/));
});
