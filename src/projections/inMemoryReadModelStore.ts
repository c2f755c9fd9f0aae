import { EventspecError } from '../core/errors';
import { unstorableValue } from '../core/storableValue';
import { filterPath, matchesFilter } from './documentFilter';
import { CheckpointConflict } from './projectionErrors';
import type { ReadModelChange, ReadModelCommit, ReadModelDocument, ReadModelStore } from './readModelStore';

/** A point inside a commit where a test may simulate a crash. */
export type CommitStep =
  | { readonly step: 'write'; readonly projection: string; readonly change: ReadModelChange }
  | { readonly step: 'checkpoint'; readonly projection: string; readonly checkpoint: number };

export interface InMemoryReadModelStoreOptions {
  /** Test seam: called before each write of a commit; throwing there aborts the commit, which is rolled back. */
  failpoint?: (step: CommitStep) => void;
}

/** Read models in maps. A commit applies its writes with an undo log, so it lands whole or not at all. */
export function inMemoryReadModelStore(options: InMemoryReadModelStoreOptions = {}): ReadModelStore {
  const models = new Map<string, Map<string, unknown>>();
  const checkpoints = new Map<string, number>();
  const modelOf = (name: string) => {
    let model = models.get(name);
    if (!model) models.set(name, (model = new Map()));
    return model;
  };

  return {
    async get(readModel, id) {
      checkKey(readModel);
      checkId(readModel, id);
      const doc = models.get(readModel)?.get(id);
      return doc === undefined ? undefined : structuredClone(doc);
    },

    async find(readModel, filter = {}, findOptions = {}) {
      checkKey(readModel);
      Object.keys(filter).forEach(filterPath);
      const limit = findOptions.limit ?? Infinity;
      const { after } = findOptions;
      const found: ReadModelDocument[] = [];
      const ids = [...(models.get(readModel)?.keys() ?? [])].sort(byCodeUnit);
      for (const id of ids) {
        if (found.length >= limit) break;
        if (after !== undefined && byCodeUnit(id, after) <= 0) continue;
        const doc = models.get(readModel)!.get(id);
        if (matchesFilter(doc, filter)) found.push({ id, doc: structuredClone(doc) });
      }
      return found;
    },

    async count(readModel) {
      checkKey(readModel);
      return models.get(readModel)?.size ?? 0;
    },

    async checkpoint(projection) {
      return checkpoints.get(projection) ?? 0;
    },

    async commit(commit: ReadModelCommit) {
      const actual = checkpoints.get(commit.projection) ?? 0;
      if (actual !== commit.expectedCheckpoint) throw new CheckpointConflict(commit.projection, commit.expectedCheckpoint, actual);
      if (!Number.isInteger(commit.checkpoint) || commit.checkpoint < commit.expectedCheckpoint) {
        throw new EventspecError(`projection ${commit.projection}: a checkpoint may only move forward (from ${actual} to ${commit.checkpoint})`);
      }
      // Clone everything before touching the maps: a document that cannot be copied fails the commit up front.
      const changes = commit.changes.map((change) => {
        checkKey(change.readModel);
        checkId(change.readModel, change.id);
        if (change.kind !== 'put') return change;
        // Refused as MongoDB refuses it, so a projection tested in memory behaves the same there.
        const problem = unstorableValue(change.doc, 'doc');
        if (problem) throw new EventspecError(`read model ${change.readModel}, document "${change.id}": ${problem}. Nothing was written.`);
        return { ...change, doc: structuredClone(change.doc) };
      });
      const undo: (() => void)[] = [];
      try {
        for (const change of changes) {
          options.failpoint?.({ step: 'write', projection: commit.projection, change });
          const model = modelOf(change.readModel);
          const had = model.has(change.id);
          const before = model.get(change.id);
          undo.push(() => (had ? model.set(change.id, before) : model.delete(change.id)));
          if (change.kind === 'put') model.set(change.id, change.doc);
          else model.delete(change.id);
        }
        options.failpoint?.({ step: 'checkpoint', projection: commit.projection, checkpoint: commit.checkpoint });
        checkpoints.set(commit.projection, commit.checkpoint);
      } catch (error) {
        for (const step of undo.reverse()) step();
        throw error;
      }
    },

    async reset(projection, readModels) {
      for (const name of readModels) {
        checkKey(name);
        models.delete(name);
      }
      checkpoints.set(projection, 0);
    },

    async close() {},
  };
}

function checkKey(readModel: unknown): void {
  if (typeof readModel !== 'string' || readModel.length === 0) {
    throw new EventspecError(`read-model name must be a non-empty string, got ${JSON.stringify(readModel)}`);
  }
}

function checkId(readModel: string, id: unknown): void {
  if (typeof id !== 'string' || id.length === 0) {
    throw new EventspecError(`${readModel}: a document id must be a non-empty string, got ${JSON.stringify(id)}`);
  }
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
