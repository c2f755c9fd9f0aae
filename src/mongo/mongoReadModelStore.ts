import type { ClientSession, Collection, Db, Document, WriteConcern } from 'mongodb';
import { EventspecError } from '../core/errors';
import { matchesFilter } from '../projections/documentFilter';
import type { ReadModelDocument, ReadModelStore } from '../projections/readModelStore';
import { mongoConnection, type MongoTarget } from './mongoConnection';
import { classifyCommitFailure, collectionExisted, conflictOrRetry, planReadModelCommit, planReset, type ReadModelCommitPlan } from './readModelCommitPlan';
import { checkDocumentId, checkProjectionName, checkReadModelName, type CheckpointDocument, readCheckpoint, readModelCollectionNames, readStoredReadModel } from './readModelDocument';
import { readModelFindQuery, readModelKey } from './readModelQuery';

/** A point inside a commit's transaction where a test may simulate a crash (the transaction then aborts). */
export type MongoCommitStep =
  | { readonly step: 'checkpoint'; readonly projection: string; readonly checkpoint: number }
  | { readonly step: 'documents'; readonly projection: string; readonly count: number }
  | { readonly step: 'commit'; readonly projection: string };

export interface MongoReadModelStoreOptions extends MongoTarget {
  /** Prefix of the store's collections (`<prefix>readmodels`, `<prefix>checkpoints`); defaults to `eventspec_`. */
  collectionPrefix?: string;
  /** Test seam: called inside the transaction before each step; throwing there aborts the commit. */
  failpoint?: (step: MongoCommitStep) => void;
}

/** Rounds of "lost the race, read again" before a commit gives up. Each one means another writer made progress. */
const MAX_ATTEMPTS = 10;

/** Thrown inside a transaction to abort it and run the commit again. */
class RunAgain extends Error {}

/**
 * Read models and checkpoints on a MongoDB replica set. A commit is one transaction: the conditional
 * checkpoint update, then the documents. Decisions live in `readModelCommitPlan`, `readModelQuery`
 * and `readModelDocument`; this file only turns them into driver calls.
 */
export function mongoReadModelStore(options: MongoReadModelStoreOptions): ReadModelStore {
  const names = readModelCollectionNames(options.collectionPrefix ?? 'eventspec_');
  const connection = mongoConnection(options, (db) => setUp(db, names.readModels, names.checkpoints));
  const readModels: Collection<Document> = connection.db.collection(names.readModels);
  const checkpoints: Collection<CheckpointDocument> = connection.db.collection(names.checkpoints);
  const failpoint = options.failpoint ?? (() => undefined);

  const storedCheckpoint = async (projection: string, session?: ClientSession) =>
    readCheckpoint(await checkpoints.findOne({ _id: { $eq: projection } }, { session }), projection);

  const commitOnce = async (session: ClientSession, plan: ReadModelCommitPlan) => {
    failpoint({ step: 'checkpoint', projection: plan.projection, checkpoint: plan.checkpoint });
    const moved = await checkpoints.updateOne(plan.checkpointFilter, plan.checkpointUpdate, { upsert: plan.upsert, session });
    if (moved.matchedCount === 0 && moved.upsertedCount === 0) {
      const outcome = conflictOrRetry(plan, await storedCheckpoint(plan.projection, session));
      throw outcome === 'retry' ? new RunAgain() : outcome;
    }
    if (plan.writes.length > 0) {
      failpoint({ step: 'documents', projection: plan.projection, count: plan.writes.length });
      await readModels.bulkWrite([...plan.writes], { ordered: true, session });
    }
    failpoint({ step: 'commit', projection: plan.projection });
  };

  /** Runs `body` in a transaction: 'again' after a lost race, `duplicateKey` after the first-commit upsert met a document. */
  const inTransaction = async (body: (session: ClientSession) => Promise<void>): Promise<'done' | 'again' | { duplicateKey: true }> => {
    const session = connection.client.startSession();
    try {
      await session.withTransaction(body, readModelTransactionOptions(connection.writeConcern));
      return 'done';
    } catch (error) {
      if (error instanceof RunAgain) return 'again';
      switch (classifyCommitFailure(error)) {
        case 'read-checkpoint':
          return { duplicateKey: true };
        case 'explain':
          throw connection.explain(error);
        case 'rethrow':
          throw error;
      }
    } finally {
      await session.endSession();
    }
  };

  return {
    async get(readModel, id) {
      checkReadModelName(readModel);
      checkDocumentId(readModel, id);
      await connection.ready();
      const raw = await readModels.findOne(readModelKey(readModel, id), { projection: { _id: 0, id: 1, doc: 1, docBson: 1 } });
      return raw ? readStoredReadModel(raw, readModel).doc : undefined;
    },

    async find(readModel, filter = {}, findOptions = {}) {
      checkReadModelName(readModel);
      const query = readModelFindQuery(readModel, filter, findOptions.after);
      const limit = findOptions.limit ?? Infinity;
      const found: ReadModelDocument[] = [];
      if (!(limit > 0)) return found;
      await connection.ready();
      // Candidates in id order (the model_id index); the same check as in memory decides.
      for await (const raw of readModels.find(query, { sort: { id: 1 }, projection: { _id: 0, id: 1, doc: 1, docBson: 1 } })) {
        const stored = readStoredReadModel(raw, readModel);
        if (!matchesFilter(stored.doc, filter)) continue;
        found.push(stored);
        if (found.length >= limit) break;
      }
      return found;
    },

    async count(readModel) {
      checkReadModelName(readModel);
      await connection.ready();
      // Counted on the model_id index: no document is read.
      return readModels.countDocuments({ model: { $eq: readModel } });
    },

    async checkpoint(projection) {
      checkProjectionName(projection);
      await connection.ready();
      return storedCheckpoint(projection);
    },

    async commit(commit) {
      const plan = planReadModelCommit(commit);
      await connection.ready();
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const outcome = await inTransaction((session) => commitOnce(session, plan));
        if (outcome === 'done') return;
        if (outcome === 'again') continue;
        // The first-commit upsert met a checkpoint document: read it outside the aborted transaction.
        const decided = conflictOrRetry(plan, await storedCheckpoint(plan.projection));
        if (decided !== 'retry') throw decided;
      }
      throw new EventspecError(
        `projection ${plan.projection}: gave up committing after ${MAX_ATTEMPTS} attempts; its checkpoint keeps changing under other writers. Nothing was written.`,
      );
    },

    async reset(projection, models) {
      const plan = planReset(projection, models);
      await connection.ready();
      const outcome = await inTransaction(async (session) => {
        await readModels.deleteMany(plan.documents, { session });
        await checkpoints.deleteOne(plan.checkpoint, { session });
      });
      if (outcome !== 'done') throw new EventspecError(`projection ${projection}: the reset met a duplicate key, which a delete cannot cause; nothing was reset`);
    },

    async close() {
      await connection.close();
    },
  };
}

async function setUp(db: Db, readModels: string, checkpoints: string): Promise<void> {
  // One document per (read model, id); also serves `find` in id order within a read model.
  await db.collection(readModels).createIndexes([{ key: { model: 1, id: 1 }, name: 'model_id', unique: true }]);
  // Transactions write to it, so it exists before the first one (explicit creation also works on old servers).
  try {
    await db.createCollection(checkpoints);
  } catch (error) {
    if (!collectionExisted(error)) throw error;
  }
}

/**
 * Fresh options for each transaction, with a plain read concern: the driver adds a retried
 * transaction's afterClusterTime to the read-concern object it is given (it mutates it), so a
 * shared ReadConcern instance would carry one transaction's state into the next (review A14).
 */
export function readModelTransactionOptions(writeConcern: WriteConcern) {
  return { readConcern: { level: 'snapshot' as const }, writeConcern, readPreference: 'primary' as const };
}
