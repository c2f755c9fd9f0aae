import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoSetupError } from '../../src/mongo';
import { checkDatabaseName, chunkLimits, collectionNames, DEFAULT_CHUNK_LIMITS, LARGEST_CHUNK_BYTES } from '../../src/mongo/storeOptions';

describe('store options', () => {
  it('defaults to 500 events and 1 MiB per chunk', () => {
    assert.deepEqual(chunkLimits({}), DEFAULT_CHUNK_LIMITS);
    assert.deepEqual(DEFAULT_CHUNK_LIMITS, { maxEvents: 500, maxBytes: 1048576 });
  });

  it('takes limits within bounds', () => assert.deepEqual(chunkLimits({ chunkMaxEvents: 3, chunkMaxBytes: 4096 }), { maxEvents: 3, maxBytes: 4096 }));

  it('allows the boundaries themselves: one event, 1024 bytes and the largest chunk size', () => {
    assert.deepEqual(chunkLimits({ chunkMaxEvents: 1, chunkMaxBytes: 1024 }), { maxEvents: 1, maxBytes: 1024 });
    assert.deepEqual(chunkLimits({ chunkMaxBytes: LARGEST_CHUNK_BYTES }), { maxEvents: 500, maxBytes: LARGEST_CHUNK_BYTES });
  });

  for (const bad of [0, -1, 1.5, Number.NaN]) {
    it(`refuses chunkMaxEvents ${bad}`, () => assert.throws(() => chunkLimits({ chunkMaxEvents: bad }), /chunkMaxEvents must be a whole number/));
  }
  for (const bad of [1023, LARGEST_CHUNK_BYTES + 1, 2048.5]) {
    it(`refuses chunkMaxBytes ${bad}`, () => assert.throws(() => chunkLimits({ chunkMaxBytes: bad }), (e: unknown) => e instanceof MongoSetupError && /16 MiB/.test(e.message)));
  }

  it('names the collections after the prefix', () => {
    assert.deepEqual(collectionNames('app_'), { events: 'app_events', positions: 'app_positions', snapshots: 'app_snapshots', commands: 'app_commands' });
    assert.deepEqual(collectionNames(''), { events: 'events', positions: 'positions', snapshots: 'snapshots', commands: 'commands' });
  });

  for (const bad of ['a$b', 'system.x', 'x'.repeat(101), 'sp ace', 7 as unknown as string]) {
    it(`refuses the prefix ${JSON.stringify(bad).slice(0, 20)}`, () => assert.throws(() => collectionNames(bad), /collectionPrefix/));
  }

  it('accepts a plain database name and refuses odd ones', () => {
    assert.equal(checkDatabaseName('eventspec'), 'eventspec');
    assert.equal(checkDatabaseName('x'.repeat(63)), 'x'.repeat(63), 'MongoDB allows 63 characters');
    for (const bad of ['', 'a.b', 'a b', 'a$', 'x'.repeat(64), 3 as unknown as string]) assert.throws(() => checkDatabaseName(bad), /database name/);
  });
});
