import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseOfUri } from '../../src/mongo';

describe('the database a connection string names', () => {
  it('is the path of the URI, decoded, and absent when there is none', () => {
    assert.equal(databaseOfUri('mongodb://alice:pw@db.example.com:27017/shop?replicaSet=rs0'), 'shop');
    assert.equal(databaseOfUri('mongodb+srv://cluster.example.com/my%20db'), 'my db');
    assert.equal(databaseOfUri('mongodb://localhost:27017/?replicaSet=rs0'), undefined);
    assert.equal(databaseOfUri('mongodb://localhost:27017'), undefined);
  });
});
