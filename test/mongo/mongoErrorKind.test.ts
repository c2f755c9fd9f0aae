import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MongoCompatibilityError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { MongoSetupError } from '../../src/mongo';
import { mongoErrorKind, topologyProblem } from '../../src/mongo/mongoErrorKind';
import { setupFailure } from '../../src/mongo/setupFailure';
import { bulkWriteError } from '../support/driverErrors';

describe('driver error kinds', () => {
  it('a unique-index refusal is a duplicate key, alone or inside a bulk write', () => {
    assert.equal(mongoErrorKind(new MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key' })), 'duplicate-key');
    // The store's read-model commit is an ordered bulk write: it stops at the first refused write.
    assert.equal(mongoErrorKind(bulkWriteError(11000)), 'duplicate-key');
    assert.equal(mongoErrorKind(bulkWriteError(2)), 'other');
    // Shapes the driver does not build, but an unordered bulk could: every write error must be a duplicate.
    assert.equal(mongoErrorKind({ writeErrors: [{ code: 2 }, { code: 11000 }] }), 'other');
    assert.equal(mongoErrorKind({ writeErrors: [{ code: 11000 }, { code: 11000 }] }), 'duplicate-key', 'all duplicates, no top-level code');
    assert.equal(mongoErrorKind({ writeErrors: [] }), 'other');
    assert.equal(mongoErrorKind({ writeErrors: [null] }), 'other');
  });

  it('transactions on a standalone server are a missing replica set', () => {
    const standalone = new MongoServerError({ code: 20, errmsg: 'Transaction numbers are only allowed on a replica set member or mongos' });
    assert.equal(mongoErrorKind(standalone), 'no-replica-set');
    assert.equal(mongoErrorKind(new MongoCompatibilityError('Transactions are not supported on this deployment')), 'no-replica-set');
    assert.equal(mongoErrorKind(new MongoServerError({ code: 20, errmsg: 'some other illegal operation' })), 'other');
  });

  it('never by the text alone: the code or class must say so too', () => {
    const otherCode = new MongoServerError({ code: 251, errmsg: 'Transaction numbers are only allowed on a replica set member or mongos' });
    assert.equal(mongoErrorKind(otherCode), 'other');
    assert.equal(mongoErrorKind(new Error('Transactions are not supported on this deployment')), 'other');
    assert.equal(mongoErrorKind(new MongoCompatibilityError('Explain is not supported by this server')), 'other');
    // A message that is no string is not read, whatever it would print as.
    const printsAsIt = { toString: () => 'Transaction numbers are only allowed on a replica set member or mongos' };
    assert.equal(mongoErrorKind({ code: 20, message: printsAsIt }), 'other');
  });

  it('a server that cannot be found or talked to is unreachable', () => {
    // Constructed with the arguments the driver uses (cmap/connect.js, sdam/topology.js, sdam/server_selection).
    const unreachable = [
      new MongoServerSelectionError('Server selection timed out after 2000 ms', { type: 'Unknown' } as never),
      new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:1', { cause: new Error('ECONNREFUSED') }),
      new MongoNetworkTimeoutError("Socket 'connect' timed out after 2000ms (connectTimeoutMS: 2000)"),
      new MongoTopologyClosedError(),
    ];
    for (const error of unreachable) assert.equal(mongoErrorKind(error), 'unreachable', error.name);
  });

  it('anything else is other', () => {
    for (const value of [null, undefined, 'text', 42, new Error('x'), { code: 2 }, new MongoServerError({ code: 112, errmsg: 'WriteConflict' })]) {
      assert.equal(mongoErrorKind(value), 'other');
    }
  });
});

describe('deployment check', () => {
  it('replica sets and mongos are fine', () => {
    assert.equal(topologyProblem({ setName: 'rs0', maxWireVersion: 21 }), undefined);
    assert.equal(topologyProblem({ msg: 'isdbgrid', maxWireVersion: 25 }), undefined);
  });

  it('a standalone server is refused with how to make a replica set', () => {
    assert.match(topologyProblem({ maxWireVersion: 21 })!, /standalone mongod.*needs a replica set.*--replSet rs0.*rs\.initiate\(\).*or use mongodb-memory-server's MongoMemoryReplSet$/);
    assert.match(topologyProblem(undefined)!, /standalone/);
  });

  it('a server older than 6.0 is refused', () => assert.match(topologyProblem({ setName: 'rs0', maxWireVersion: 13 })!, /wire version 13.*MongoDB 6\.0 or newer/));

  it('MongoDB 6.0 itself (wire version 17) is fine, and an answer without a numeric wire version is judged by the rest', () => {
    assert.equal(topologyProblem({ setName: 'rs0', maxWireVersion: 17 }), undefined);
    assert.equal(topologyProblem({ setName: 'rs0', maxWireVersion: 16 })?.includes('wire version 16'), true);
    assert.equal(topologyProblem({ setName: 'rs0', maxWireVersion: null }), undefined);
  });

  it('a member whose replica set was never initiated (not writable, no set name) is told to initiate it', () => {
    // What such a mongod answers to hello when reached directly.
    const hello = { isWritablePrimary: false, secondary: false, isreplicaset: true, maxWireVersion: 21 };
    assert.match(topologyProblem(hello)!, /replica set was never initiated: run rs\.initiate\(\)/);
  });
});

describe('setup failures', () => {
  const uri = 'mongodb://alice:hunter2@db.example:27017/?replicaSet=rs0';
  const where = 'mongodb://***@db.example:27017/?replicaSet=rs0';

  it('unreachable: where, how long, and no credentials', () => {
    const error = setupFailure(new MongoServerSelectionError(`connect ECONNREFUSED for ${uri}`, { type: 'Unknown' } as never), where, uri, 2000);
    assert.ok(error instanceof MongoSetupError);
    assert.match(error.message, /cannot reach MongoDB at mongodb:\/\/\*\*\*@db\.example:27017.* within 2000 ms/);
    assert.doesNotMatch(error.message, /hunter2|alice/);
  });

  it('no replica set: how to get one', () => {
    const error = setupFailure(new MongoServerError({ code: 20, errmsg: 'Transaction numbers are only allowed on a replica set member or mongos' }), where, uri, 2000);
    assert.match(error.message, /needs a replica set/);
  });

  it('anything else keeps the driver’s words, redacted', () => {
    const error = setupFailure(new Error('auth failed for alice:hunter2'), where, uri, 2000);
    assert.match(error.message, /could not set up the event store: Error: auth failed for \*\*\*:\*\*\*/);
    assert.match(setupFailure('a string', where, undefined, 1).message, /a string/);
  });

  it('an error that is already a setup error passes through', () => {
    const original = new MongoSetupError('x');
    assert.equal(setupFailure(original, where, uri, 1), original);
  });
});

describe('messageOf', () => {
  it('takes an error’s message, or the text of anything else thrown', async () => {
    const { messageOf } = await import('../../src/mongo/messageOf');
    assert.equal(messageOf(new Error('boom')), 'boom');
    assert.equal(messageOf('plain'), 'plain');
    assert.equal(messageOf(42), '42');
  });
});
