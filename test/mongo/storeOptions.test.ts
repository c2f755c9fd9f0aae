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
    for (const bad of ['', 'a.b', 'a b', 'a$', 'x'.repeat(64), 3 as unknown as string]) assert.throws(() => checkDatabaseName(bad), /database name/);
  });
});
