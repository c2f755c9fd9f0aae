import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoClient } from 'mongodb';
import { controllableClock } from '../../src';
import { mongoScenarioStores } from '../../src/mongo';
import type { ScenarioStoreFactory } from '../../src/testing/scenarioStores';
import { newEvents } from '../support/events';
import { announcedSkipReason, mongoUri, testDatabase } from '../support/mongo';
import { skipMongo } from '../support/requireMongo';

// The factory fits the seam the cucumber world picks from (checked by the compiler).
const fits = (factory: ReturnType<typeof mongoScenarioStores>): ScenarioStoreFactory => factory;

describe('MongoDB scenario stores', () => {
  it('gives each scenario its own stores on one client, and drops them at the end', async (t) => {
    const skip = await announcedSkipReason('MongoDB scenario store tests');
    if (skip) return skipMongo(t, skip);
    const uri = await mongoUri();
    const database = testDatabase('scenarios');
    const factory = fits(mongoScenarioStores({ uri, database }));
    const clock = controllableClock('2025-03-01T10:00:00Z');
    try {
      const one = await factory.create({ clock, scenario: 'one' });
      const two = await factory.create({ clock, scenario: 'two' });
      await one.events.append('Order-o-1', newEvents(2));
      await two.events.append('Order-o-1', newEvents(1));
      assert.equal(await one.events.streamVersion('Order-o-1'), 2);
      assert.equal(await two.events.streamVersion('Order-o-1'), 1);
      assert.deepEqual((await two.events.readAll()).map((e) => e.position), [1]);
      await one.snapshots.save({ streamId: 'Order-o-1', version: 2, snapshotVersion: 1, state: {}, takenAt: '2025-03-01T10:00:00.000Z' });
      assert.equal(await two.snapshots.load('Order-o-1'), undefined);
      await one.dispose();
      await two.dispose();
      const client = new MongoClient(uri);
      try {
        assert.deepEqual(await client.db(database).listCollections().toArray(), []);
      } finally {
        await client.close();
      }
    } finally {
      await factory.close();
    }
  });
});
