import { EventspecError } from '../core/errors';
import { describeIssues } from '../contracts/parseContract';
import type { AnyProjection, ReadModelAccess } from './defineProjection';
import type { ReadModelChange, ReadModelStore } from './readModelStore';

export type Staged = { readonly readModel: string; readonly id: string; readonly doc: unknown };

/**
 * Writes staged in memory until they are committed with the checkpoint. Reads see staged writes
 * first, so events later in a batch build on earlier ones without a round trip to the store.
 */
export interface UnitOfWork {
  /** A nested scope for one event: merged on `keep`, dropped when the handler fails. */
  scope(): UnitOfWork;
  keep(): void;
  read(readModel: string, id: string): Promise<unknown>;
  write(readModel: string, id: string, doc: unknown): void;
  changes(): ReadModelChange[];
  readonly size: number;
  /** The writes of this scope, by read model and id, latest last. */
  readonly staged: Map<string, Staged>;
}

const keyOf = (readModel: string, id: string) => `${readModel}\u0000${id}`;

export function unitOfWork(store: ReadModelStore, parent?: UnitOfWork): UnitOfWork {
  const staged = new Map<string, Staged>();
  const self: UnitOfWork = {
    staged,
    get size() {
      return staged.size;
    },
    scope: () => unitOfWork(store, self),
    keep() {
      if (!parent) return;
      for (const [key, value] of staged) {
        parent.staged.delete(key); // keep the latest write last, in the order it happened
        parent.staged.set(key, value);
      }
    },
    async read(readModel: string, id: string): Promise<unknown> {
      const here = staged.get(keyOf(readModel, id));
      if (here) return structuredClone(here.doc);
      return parent ? parent.read(readModel, id) : store.get(readModel, id);
    },
    write(readModel: string, id: string, doc: unknown) {
      const key = keyOf(readModel, id);
      staged.delete(key);
      staged.set(key, { readModel, id, doc });
    },
    changes(): ReadModelChange[] {
      return [...staged.values()].map(({ readModel, id, doc }) =>
        doc === undefined ? { kind: 'delete', readModel, id } : { kind: 'put', readModel, id, doc },
      );
    },
  };
  return self;
}

/**
 * The typed read-model API a handler receives. Documents are parsed by their schema on write.
 * Writes after the handler settled are refused, and forgotten awaits are awaited for it.
 */
export function handlerAccess(
  projection: AnyProjection,
  work: UnitOfWork,
): { models: Record<string, ReadModelAccess<unknown>>; settle(): Promise<void> } {
  let sealed = false;
  const pending: Promise<unknown>[] = [];
  const failures: unknown[] = [];
  const models: Record<string, ReadModelAccess<unknown>> = {};
  for (const [name, schema] of Object.entries(projection.readModels)) {
    const where = (id: string) => `projection ${projection.name}, read model ${name} "${id}"`;
    const checkOpen = (id: string) => {
      if (sealed) throw new EventspecError(`${where(id)}: written after its handler returned; await every update in the handler`);
      if (typeof id !== 'string' || id.length === 0) throw new EventspecError(`${where(String(id))}: a document id must be a non-empty string`);
    };
    const parse = (id: string, doc: unknown) => {
      const parsed = schema.safeParse(doc);
      if (!parsed.success) throw new EventspecError(`${where(id)} does not match its schema — ${describeIssues(parsed.error, doc).text}`);
      return parsed.data;
    };
    const track = <T>(promise: Promise<T>) => {
      pending.push(promise.catch((error: unknown) => failures.push(error)));
      return promise;
    };
    models[name] = {
      get: (id) => track(work.read(name, id)),
      put(id, doc) {
        checkOpen(id);
        work.write(name, id, parse(id, doc));
      },
      delete(id) {
        checkOpen(id);
        work.write(name, id, undefined);
      },
      update: (id, next) =>
        track(
          (async () => {
            checkOpen(id);
            const current = await work.read(name, id);
            const doc = next(current);
            checkOpen(id);
            const stored = doc === undefined ? undefined : parse(id, doc);
            work.write(name, id, stored);
            return stored;
          })(),
        ),
    };
  }
  return {
    models,
    async settle() {
      while (pending.length > 0) await Promise.all(pending.splice(0));
      sealed = true;
      // A failed write the handler did not await must still fail the event, not vanish.
      if (failures.length > 0) throw failures[0];
    },
  };
}
