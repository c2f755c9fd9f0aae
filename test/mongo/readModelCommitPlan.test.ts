import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MongoServerError, MongoServerSelectionError } from 'mongodb';
import { EventspecError } from '../../src/core/errors';
import { CheckpointConflict } from '../../src/projections';
import type { ReadModelChange, ReadModelCommit } from '../../src/projections';
import { classifyCommitFailure, collectionExisted, conflictOrRetry, planReadModelCommit, planReset } from '../../src/mongo/readModelCommitPlan';
import { bulkWriteError } from '../support/driverErrors';

const put = (readModel: string, id: string, doc: unknown): ReadModelChange => ({ kind: 'put', readModel, id, doc });
const del = (readModel: string, id: string): ReadModelChange => ({ kind: 'delete', readModel, id });
const commit = (over: Partial<ReadModelCommit> = {}): ReadModelCommit => ({ projection: 'P', expectedCheckpoint: 3, checkpoint: 5, changes: [], ...over });

describe('planning a read-model commit on MongoDB', () => {
  it('moves the checkpoint conditionally on the expected one', () => {
    const plan = planReadModelCommit(commit());
    assert.deepEqual(plan.checkpointFilter, { _id: { $eq: 'P' }, checkpoint: { $eq: 3 } });
    assert.deepEqual(plan.checkpointUpdate, { $set: { checkpoint: 5 } });
    assert.equal(plan.upsert, false, 'a projection past 0 has a checkpoint document: a missing one is a conflict');
    assert.deepEqual(plan.writes, []);
  });

  it('a commit may leave the checkpoint where it is (changes only), as the in-memory store allows', () => {
    assert.deepEqual(planReadModelCommit(commit({ checkpoint: 3, changes: [del('M', 'a')] })).checkpointUpdate, { $set: { checkpoint: 3 } });
  });

  it('from checkpoint 0 the update may create the checkpoint document (first run, after a reset)', () => {
    assert.equal(planReadModelCommit(commit({ expectedCheckpoint: 0 })).upsert, true);
  });

  it('turns puts into upserting replacements and deletes into deletes, keyed by read model and id as values', () => {
    const plan = planReadModelCommit(commit({ changes: [put('M', '$where', { n: 1 }), del('N', 'b')] }));
    assert.deepEqual(plan.writes, [
      { replaceOne: { filter: { model: { $eq: 'M' }, id: { $eq: '$where' } }, replacement: { model: 'M', id: '$where', doc: { n: 1 } }, upsert: true } },
      { deleteOne: { filter: { model: { $eq: 'N' }, id: { $eq: 'b' } } } },
    ]);
  });

  it('keeps only the last change of each document, in the order of those last changes', () => {
    const plan = planReadModelCommit(
      commit({ changes: [put('M', 'a', { n: 1 }), put('M', 'b', { n: 1 }), del('M', 'a'), put('N', 'a', { n: 9 }), put('M', 'a', { n: 2 }), del('M', 'b')] }),
    );
    assert.deepEqual(
      plan.writes.map((w) => ('replaceOne' in w ? ['put', w.replaceOne.replacement] : 'deleteOne' in w ? ['delete', w.deleteOne.filter] : ['?'])),
      [
        ['put', { model: 'N', id: 'a', doc: { n: 9 } }],
        ['put', { model: 'M', id: 'a', doc: { n: 2 } }],
        ['delete', { model: { $eq: 'M' }, id: { $eq: 'b' } }],
      ],
    );
  });

  it('does not mix up ids that only look alike once joined', () => {
    const plan = planReadModelCommit(commit({ changes: [put('a:b', 'c', { n: 1 }), put('a', 'b:c', { n: 2 })] }));
    assert.equal(plan.writes.length, 2);
  });

  it('refuses bad input before any I/O, saying what was wrong', () => {
    assert.throws(() => planReadModelCommit(commit({ projection: '' })), /projection name must be a non-empty string/);
    assert.throws(() => planReadModelCommit(commit({ expectedCheckpoint: -1 })), /projection P: the expected checkpoint must be a whole number ≥ 0, got -1/);
    assert.throws(() => planReadModelCommit(commit({ expectedCheckpoint: 1.5 })), /whole number/);
    assert.throws(() => planReadModelCommit(commit({ checkpoint: 2 })), /projection P: a checkpoint may only move forward \(from 3 to 2\)/);
    assert.throws(() => planReadModelCommit(commit({ checkpoint: 4.5 })), /only move forward/);
    assert.throws(() => planReadModelCommit(commit({ changes: [put('', 'a', {})] })), /read-model name must be a non-empty string/);
    assert.throws(() => planReadModelCommit(commit({ changes: [put('M', '', {})] })), /M: a document id must be a non-empty string/);
    assert.throws(() => planReadModelCommit(commit({ changes: [{ kind: 'patch', readModel: 'M', id: 'a' } as unknown as ReadModelChange] })), /M, document "a": a change is a put or a delete, got "patch"/);
    assert.throws(() => planReadModelCommit(commit({ changes: [put('M', 'a', { n: 1 }), put('M', 'b', { f: () => 1 })] })), /read model M, document "b": doc\.f is a function/);
  });

  it('a checkpoint found elsewhere is a conflict naming both; found where expected, the commit runs again', () => {
    const plan = planReadModelCommit(commit());
    const conflict = conflictOrRetry(plan, 7);
    assert.ok(conflict instanceof CheckpointConflict);
    assert.equal(conflict.expected, 3);
    assert.equal(conflict.actual, 7);
    assert.equal(conflict.projection, 'P');
    assert.equal(conflictOrRetry(plan, 3), 'retry');
  });
});

describe('what a failed commit transaction means', () => {
  const serverError = (fields: { code: number; errmsg: string }) => new MongoServerError({ message: fields.errmsg, ...fields });

  it('our own errors (conflicts, bad input) pass on as they are', () => {
    assert.equal(classifyCommitFailure(new CheckpointConflict('P', 1, 2)), 'rethrow');
    assert.equal(classifyCommitFailure(new EventspecError('bad')), 'rethrow');
    // Even one that carries a driver's code (copied from a cause, say): ours are never read as the driver's.
    assert.equal(classifyCommitFailure(Object.assign(new EventspecError('already there'), { code: 11000 })), 'rethrow');
  });

  it('a duplicate key (the first-commit upsert met a document) means: read the checkpoint, then decide', () => {
    assert.equal(classifyCommitFailure(serverError({ code: 11000, errmsg: 'E11000 duplicate key error' })), 'read-checkpoint');
    assert.equal(classifyCommitFailure(bulkWriteError(11000)), 'read-checkpoint');
  });

  it('no replica set or no server is explained (without credentials, by the connection)', () => {
    assert.equal(classifyCommitFailure(serverError({ code: 20, errmsg: 'Transaction numbers are only allowed on a replica set member or mongos' })), 'explain');
    assert.equal(classifyCommitFailure(new MongoServerSelectionError('Server selection timed out', { type: 'Unknown' } as never)), 'explain');
  });

  it('anything else passes on (a crash injected by a test, a server error)', () => {
    assert.equal(classifyCommitFailure(new Error('crash at step 3')), 'rethrow');
    assert.equal(classifyCommitFailure(serverError({ code: 2, errmsg: 'BadValue' })), 'rethrow');
    assert.equal(classifyCommitFailure(undefined), 'rethrow');
  });

  it('a collection that already exists is fine at set-up; other errors are not', () => {
    assert.equal(collectionExisted(serverError({ code: 48, errmsg: 'Collection already exists' })), true);
    assert.equal(collectionExisted(serverError({ code: 13, errmsg: 'Unauthorized' })), false);
    assert.equal(collectionExisted(null), false);
    assert.equal(collectionExisted('48'), false);
    assert.equal(collectionExisted(Object.assign(() => undefined, { code: 48 })), false, 'only an error object says so');
  });
});

describe('planning a reset', () => {
  it('deletes the read models’ documents and the checkpoint document, by values', () => {
    assert.deepEqual(planReset('P', ['M', '$where']), { documents: { model: { $in: ['M', '$where'] } }, checkpoint: { _id: { $eq: 'P' } } });
    assert.deepEqual(planReset('P', []), { documents: { model: { $in: [] } }, checkpoint: { _id: { $eq: 'P' } } });
  });

  it('refuses bad names', () => {
    assert.throws(() => planReset('', ['M']), /projection name/);
    assert.throws(() => planReset('P', ['M', '']), /read-model name/);
    assert.throws(() => planReset('P', 'M' as unknown as string[]), /reset of projection P: readModels must be a list of read-model names/);
  });
});

describe('read-model transaction options (A14)', () => {
  it('are fresh for each transaction, with a plain read concern the driver cannot share between them', async () => {
    const { readModelTransactionOptions } = await import('../../src/mongo/mongoReadModelStore');
    const { WriteConcern, ReadConcern } = await import('mongodb');
    const wc = WriteConcern.fromOptions({ writeConcern: { w: 'majority' } })!;
    const a = readModelTransactionOptions(wc);
    const b = readModelTransactionOptions(wc);
    assert.notEqual(a.readConcern, b.readConcern);
    assert.ok(!(a.readConcern instanceof ReadConcern));
    assert.deepEqual(a.readConcern, { level: 'snapshot' });
  });
});
