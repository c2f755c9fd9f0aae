import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoClient } from 'mongodb';
import { controllableClock } from '../../src';
import { collectionsToDrop, mongoScenarioStores, scenarioTimeoutMs } from '../../src/mongo/mongoScenarioStores';

// Port 1 on the loopback refuses at once: the real driver, no server, no network.
const base = 'mongodb://alice:hunter2@127.0.0.1:1/?directConnection=true&authSource=admin';

describe('scenario stores on the mongo profile, without a server', () => {
  it('wait as long as the connection string says, unless told otherwise', () => {
    assert.equal(scenarioTimeoutMs(`${base}&serverSelectionTimeoutMS=250`, undefined), 250);
    assert.equal(scenarioTimeoutMs(`${base}&SERVERSELECTIONTIMEOUTMS=250`, undefined), 250, 'option names are case-insensitive');
    assert.equal(scenarioTimeoutMs(`${base}&serverSelectionTimeoutMS=250`, 900), 900);
    assert.equal(scenarioTimeoutMs(base, undefined), 5000);
    assert.equal(scenarioTimeoutMs(undefined, undefined), 5000);
  });

  it('a failure names the redacted connection string and the wait it really had', async () => {
    const factory = mongoScenarioStores({ uri: `${base}&serverSelectionTimeoutMS=300` });
    try {
      const stores = await factory.create({ clock: controllableClock(), scenario: 'x' });
      await assert.rejects(stores.events.streamVersion('Order-o-1'), (error: Error) => {
        assert.match(error.message, /^cannot reach MongoDB at mongodb:\/\/\*\*\*@127\.0\.0\.1:1\/\S* within 300 ms \(MongoServerSelectionError: connect ECONNREFUSED 127\.0\.0\.1:1\)\. Check that mongod is running/);
        assert.doesNotMatch(error.message, /MongoClient passed in|5000 ms|hunter2/);
        return true;
      });
      await stores.dispose();
    } finally {
      await factory.close();
    }
  });

  it('drops no collections for a scenario that never used its stores, so its After hook never connects', async () => {
    assert.deepEqual(collectionsToDrop(false, 's1_'), []);
    assert.equal(collectionsToDrop(true, 's1_').length, 5);
    const client = new MongoClient(base, { serverSelectionTimeoutMS: 300 });
    let opened = 0;
    client.on('topologyOpening', () => void (opened += 1));
    const factory = mongoScenarioStores({ client });
    try {
      const stores = await factory.create({ clock: controllableClock(), scenario: 'untouched' });
      await stores.dispose();
      assert.equal(opened, 0, 'the client never tried to connect');
    } finally {
      await factory.close();
      await client.close();
    }
  });
});
