import type { AnyBulkWriteOperation, Document } from 'mongodb';
import { EventspecError } from '../core/errors';
import { CheckpointConflict } from '../projections/projectionErrors';
import type { ReadModelCommit } from '../projections/readModelStore';
import { mongoErrorKind } from './mongoErrorKind';
import { checkDocumentId, checkProjectionName, checkReadModelName, storedReadModel } from './readModelDocument';
import { readModelKey } from './readModelQuery';

/**
 * What one commit does, decided before any I/O. Inside one transaction the store runs
 * `checkpointFilter`/`checkpointUpdate` (an upsert when the projection may not have a checkpoint
 * document yet), then `writes` in order; so a stale commit stops at its first write and nothing lands.
 */
export interface ReadModelCommitPlan {
  readonly projection: string;
  readonly expectedCheckpoint: number;
  readonly checkpoint: number;
  readonly checkpointFilter: { _id: { $eq: string }; checkpoint: { $eq: number } };
  readonly checkpointUpdate: { $set: { checkpoint: number } };
  /** Checkpoint 0 is also "no document yet" (first run, or after a reset), which the update must create. */
  readonly upsert: boolean;
  readonly writes: readonly AnyBulkWriteOperation<Document>[];
}

export function planReadModelCommit(commit: ReadModelCommit): ReadModelCommitPlan {
  const projection = checkProjectionName(commit.projection);
  const { expectedCheckpoint, checkpoint } = commit;
  if (!Number.isInteger(expectedCheckpoint) || expectedCheckpoint < 0) {
    throw new EventspecError(`projection ${projection}: the expected checkpoint must be a whole number ≥ 0, got ${String(expectedCheckpoint)}`);
  }
  if (!Number.isInteger(checkpoint) || checkpoint < expectedCheckpoint) {
    throw new EventspecError(`projection ${projection}: a checkpoint may only move forward (from ${expectedCheckpoint} to ${checkpoint})`);
  }
  // Only the last change of each document matters; later ones replace earlier ones, as in memory.
  const last = new Map<string, ReadModelCommit['changes'][number]>();
  for (const change of commit.changes) {
    const model = checkReadModelName(change.readModel);
    const id = checkDocumentId(model, change.id);
    if (change.kind !== 'put' && change.kind !== 'delete') {
      throw new EventspecError(`${model}, document "${id}": a change is a put or a delete, got ${JSON.stringify((change as { kind: unknown }).kind)}`);
    }
    const key = JSON.stringify([model, id]);
    last.delete(key); // so the surviving change keeps the position of the last one
    last.set(key, change);
  }
  const writes = [...last.values()].map((change): AnyBulkWriteOperation<Document> => {
    const filter = readModelKey(change.readModel, change.id);
    if (change.kind === 'delete') return { deleteOne: { filter } };
    return { replaceOne: { filter, replacement: storedReadModel(change.readModel, change.id, change.doc), upsert: true } };
  });
  return {
    projection,
    expectedCheckpoint,
    checkpoint,
    checkpointFilter: { _id: { $eq: projection }, checkpoint: { $eq: expectedCheckpoint } },
    checkpointUpdate: { $set: { checkpoint } },
    upsert: expectedCheckpoint === 0,
    writes,
  };
}

/**
 * The checkpoint the commit did not find where it expected, as read afterwards: inside the
 * transaction when the conditional update matched nothing, or after it when the first-commit upsert
 * hit a duplicate key (a document created meanwhile). Differing, it is a conflict. Equal means the
 * commit wrote nothing and raced a change that is gone again (a reset): it may simply run again.
 */
export function conflictOrRetry(plan: ReadModelCommitPlan, stored: number): CheckpointConflict | 'retry' {
  return stored === plan.expectedCheckpoint ? 'retry' : new CheckpointConflict(plan.projection, plan.expectedCheckpoint, stored);
}

/** Why a commit's transaction failed, and what the store does next. */
export type CommitFailure =
  /** The first-commit upsert met a checkpoint document created meanwhile: read it, then decide. */
  | 'read-checkpoint'
  /** No replica set, or no server: said without credentials, with how to fix it. */
  | 'explain'
  /** Anything else (a conflict, bad input, a crash in a test): passed on as it is. */
  | 'rethrow';

export function classifyCommitFailure(error: unknown): CommitFailure {
  if (error instanceof EventspecError) return 'rethrow';
  switch (mongoErrorKind(error)) {
    case 'duplicate-key':
      return 'read-checkpoint';
    case 'no-replica-set':
    case 'unreachable':
      return 'explain';
    default:
      return 'rethrow';
  }
}

const NAMESPACE_EXISTS = 48;

/** Creating a collection that is already there: harmless at set-up (another store or process made it). */
export function collectionExisted(error: unknown): boolean {
  return error !== null && typeof error === 'object' && (error as { code?: unknown }).code === NAMESPACE_EXISTS;
}

/** What a reset deletes, in one transaction: the read models' documents and the checkpoint document. */
export function planReset(projection: string, readModels: readonly string[]): { documents: Document; checkpoint: { _id: { $eq: string } } } {
  checkProjectionName(projection);
  if (!Array.isArray(readModels)) throw new EventspecError(`reset of projection ${projection}: readModels must be a list of read-model names`);
  const names = readModels.map(checkReadModelName);
  return { documents: { model: { $in: names } }, checkpoint: { _id: { $eq: projection } } };
}
