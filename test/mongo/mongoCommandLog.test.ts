import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { mongoCommandLog } from '../../src/mongo';
import { commandLogContract } from '../commandHandling/commandLogContract';
import { mongoSkipReason, mongoUri, serverSuite, testDatabase } from '../support/mongo';

commandLogContract('mongo', {
  unavailable: mongoSkipReason,
  create: async () => mongoCommandLog({ uri: await mongoUri(), database: testDatabase('commands') }),
});

describe('the MongoDB command log, as an operator bounds it', () => {
  const s = serverSuite('MongoDB command log documents', 'commandttl');

  s.test('records when each answer was recorded, as a Date, so a TTL index (mongo-store.md) can expire old entries', async () => {
    const prefix = s.prefix('c');
    const log = s.track(mongoCommandLog({ uri: s.uri, database: s.database, collectionPrefix: prefix }));
    const before = Date.now();
    await log.record({ commandId: 'cmd-1', aggregate: 'Order', streamId: 'Order-o-1', command: 'PlaceOrder', replayed: false, status: 'accepted', version: 1, events: [] });
    const doc = await s.raw.db(s.database).collection(`${prefix}commands`).findOne({ _id: 'cmd-1' as never });
    assert.ok(doc?.recordedAt instanceof Date, JSON.stringify(doc));
    assert.ok(doc.recordedAt.getTime() >= before - 1000 && doc.recordedAt.getTime() <= Date.now() + 1000);
    assert.deepEqual((await log.get('cmd-1'))?.status, 'accepted');
  });
});
