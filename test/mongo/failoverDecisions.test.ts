import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoClient, MongoNetworkError, MongoNetworkTimeoutError, MongoServerError, MongoServerSelectionError, MongoTopologyClosedError, MongoWriteConcernError } from 'mongodb';
import { appendFailure } from '../../src/mongo/appendFailure';
import { clientOptionsFor, DEFAULT_WTIMEOUT_MS, storeWriteConcern, uriSets } from '../../src/mongo/clientOptions';
import { noPrimaryProblem, serverTypesOf, setupFailure } from '../../src/mongo/setupFailure';

// The driver's own option parser decides what a client really uses: no server is contacted.
const effective = (uri: string, timeout?: number) => new MongoClient(uri, clientOptionsFor(uri, timeout)).options;

describe('client options (A1)', () => {
  it('keeps the driver’s 30 s server selection, which outlasts an election, unless the caller sets one', () => {
    assert.equal(effective('mongodb://h1,h2/?replicaSet=rs0').serverSelectionTimeoutMS, 30000);
    assert.equal(effective('mongodb://h1/?replicaSet=rs0', 700).serverSelectionTimeoutMS, 700);
  });

  it('never overrides what the connection string sets', () => {
    const options = effective('mongodb://h1/?replicaSet=rs0&serverSelectionTimeoutMS=45000&appName=shop');
    assert.equal(options.serverSelectionTimeoutMS, 45000);
    assert.equal(options.appName, 'shop');
    assert.equal(effective('mongodb://h1/?replicaSet=rs0').appName, 'eventspec');
    assert.equal(effective('mongodb://h1/?APPNAME=Mixed').appName, 'Mixed');
  });

  it('reads option names case-insensitively, and only in the query', () => {
    assert.equal(uriSets('mongodb://h/?appname=x', 'appName'), true);
    assert.equal(uriSets('mongodb://appName@h/', 'appName'), false);
    assert.equal(uriSets('mongodb://h/db', 'appName'), false);
  });
});

describe('write concern of writes outside transactions (A9)', () => {
  it('the default is majority, journaled, with a time limit', () => {
    const wc = storeWriteConcern(undefined);
    assert.equal(wc.w, 'majority');
    assert.equal(wc.journal, true);
    assert.equal(wc.wtimeoutMS, DEFAULT_WTIMEOUT_MS);
  });

  it('a write concern weaker than majority is refused, saying why (A12)', () => {
    assert.throws(() => storeWriteConcern({ w: 1 }), /writeConcern w: 1 is weaker than "majority".*would not see their own writes.*Use w: "majority"/s);
    assert.throws(() => storeWriteConcern({ w: 0 }), /weaker than "majority"/);
    assert.equal(storeWriteConcern({ journal: true }).wtimeoutMS, DEFAULT_WTIMEOUT_MS, 'no w given: the server default, majority');
  });

  it('a caller’s write concern gets a time limit when it has none, and keeps its own', () => {
    assert.equal(storeWriteConcern({ w: 'majority' }).wtimeoutMS, DEFAULT_WTIMEOUT_MS);
    assert.equal(storeWriteConcern({ w: 'majority', wtimeoutMS: 2500 }).wtimeoutMS, 2500);
  });
});

describe('what a failed append transaction means for its events (A1, A7)', () => {
  it('a lost connection, no primary, a write-concern error or the commit-result label: the outcome is unknown', () => {
    assert.equal(appendFailure(new MongoNetworkError('socket closed')), 'unknown');
    assert.equal(appendFailure(new MongoServerSelectionError('Server selection timed out after 30000 ms', { servers: new Map() } as never)), 'unknown');
    const labelled = new MongoServerError({ code: 50, errmsg: 'operation exceeded time limit' });
    labelled.addErrorLabel('UnknownTransactionCommitResult');
    assert.equal(appendFailure(labelled), 'unknown');
    assert.equal(appendFailure(new MongoWriteConcernError({ writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' } } as never)), 'unknown');
  });

  it('a write conflict the driver retried until it gave up: aborted, nothing written', () => {
    const conflict = new MongoServerError({ code: 112, errmsg: 'WriteConflict' });
    conflict.addErrorLabel('TransientTransactionError');
    assert.equal(appendFailure(conflict), 'gave-up');
  });

  it('anything else is passed on', () => {
    assert.equal(appendFailure(new MongoServerError({ code: 13, errmsg: 'not authorized' })), 'other');
    assert.equal(appendFailure(new Error('x')), 'other');
    assert.equal(appendFailure(undefined), 'other');
  });
});

describe('no primary at start-up is not "unreachable" (A11)', () => {
  it('a member never initiated says rs.initiate()', () => {
    assert.match(noPrimaryProblem(['RSGhost'])!, /never initiated: run rs\.initiate\(\)/);
  });

  it('a member never initiated and reached directly answers hello with isreplicaset, and is told the same', async () => {
    const { topologyProblem } = await import('../../src/mongo/mongoErrorKind');
    assert.match(topologyProblem({ isreplicaset: true, maxWireVersion: 21 })!, /started as a replica set member, but its replica set was never initiated: run rs\.initiate\(\)/);
    assert.match(topologyProblem({ maxWireVersion: 21 })!, /standalone mongod/);
  });

  it('a direct connection to a secondary is refused before any write fails (B10)', async () => {
    const { topologyProblem } = await import('../../src/mongo/mongoErrorKind');
    assert.match(topologyProblem({ setName: 'rs0', isWritablePrimary: false, secondary: true, maxWireVersion: 21 })!, /member of replica set "rs0" but not its primary.*replicaSet=rs0, without directConnection=true/);
    assert.equal(topologyProblem({ setName: 'rs0', isWritablePrimary: true, maxWireVersion: 21 }), undefined);
    assert.equal(topologyProblem({ msg: 'isdbgrid', isWritablePrimary: true, maxWireVersion: 21 }), undefined);
  });

  it('a set without a primary says an election or too few members', () => {
    assert.match(noPrimaryProblem(['RSSecondary', 'Unknown'])!, /no primary right now: an election is under way/);
    assert.match(noPrimaryProblem(['RSArbiter'])!, /no primary/);
  });

  it('no answer at all, or a primary, is something else', () => {
    assert.equal(noPrimaryProblem(['Unknown', 'Unknown']), undefined);
    assert.equal(noPrimaryProblem([]), undefined);
    assert.equal(noPrimaryProblem(['RSPrimary', 'RSSecondary']), undefined);
  });

  it('reads the server types from a server-selection error and says so in the set-up message', () => {
    const error = new MongoServerSelectionError('Server selection timed out after 5000 ms', {
      servers: new Map([['h1:27017', { type: 'RSGhost' }]]),
    } as never);
    assert.deepEqual(serverTypesOf(error), ['RSGhost']);
    assert.deepEqual(serverTypesOf(new Error('x')), []);
    const message = setupFailure(error, 'mongodb://h1:27017/', 'mongodb://h1:27017/', 5000).message;
    assert.match(message, /MongoDB at mongodb:\/\/h1:27017\/ is reachable, but its replica set was never initiated/);
  });
});

describe('append failures: the rest of the driver errors that leave the outcome unknown', () => {
  it('a network timeout and a closed topology leave the outcome unknown; null is passed on', () => {
    assert.equal(appendFailure(new MongoNetworkTimeoutError('connection timed out')), 'unknown');
    assert.equal(appendFailure(new MongoTopologyClosedError()), 'unknown');
    assert.equal(appendFailure(null), 'other');
  });
});
