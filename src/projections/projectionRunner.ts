import type { EventContract } from '../contracts/contract';
import type { RecordedEvent } from '../core/envelope';
import { EventspecError } from '../core/errors';
import { backoffDelay, isTransientFailure, pause, type RetryBackoff } from '../core/transientRetry';
import type { Domain } from '../domain/defineDomain';
import type { EventStore, Subscription } from '../eventStore/eventStore';
import { upcast } from '../versioning/upcast';
import type { AnyProjection, ProjectedEvent, ReadModelAccess } from './defineProjection';
import { isProjection } from './defineProjection';
import { ProjectionFailed } from './projectionErrors';
import type { ReadModelStore } from './readModelStore';
import { handlerAccess, unitOfWork } from './unitOfWork';
import type { UnitOfWork } from './unitOfWork';

/** A point in the runner's work where a test may simulate a crash. */
export type RunnerStep =
  | { readonly step: 'read'; readonly projection: string; readonly after: number; readonly count: number }
  | { readonly step: 'handled'; readonly projection: string; readonly position: number }
  | { readonly step: 'committed'; readonly projection: string; readonly checkpoint: number };

export interface ProjectionRunnerOptions {
  events: EventStore;
  readModels: ReadModelStore;
  /** The projections to run; defaults to the domain's. */
  projections?: readonly AnyProjection[];
  /** When given, events are upcast by the domain's contracts, and each projection is checked against them. */
  domain?: Domain;
  /** Events read and committed together (default 500). */
  batchSize?: number;
  /**
   * A batch that fails with anything but an eventspec error (the event store or read-model store
   * unreachable for a while) is retried with this backoff while following; a handler's error or
   * damage stops the projection.
   */
  retryBackoff?: RetryBackoff;
  /** Told of each transient failure while following, before the wait. */
  onRetry?: (projection: string, error: unknown, failures: number) => void;
  /** Told once when a projection (or process) stops for good: its error names the event it failed on. */
  onFailure?: (projection: string, error: Error) => void;
  /** Wraps the applying and committing of each batch read (the service traces batches with it). */
  observeBatch?: (projection: string, events: readonly RecordedEvent[], apply: () => Promise<void>) => Promise<void>;
  /** Test seam: called at each step; throwing there is a crash (nothing more is written). */
  failpoint?: (step: RunnerStep) => void;
}

export type ProjectionState = 'idle' | 'following' | 'failed';

export interface ProjectionStatus {
  readonly name: string;
  readonly state: ProjectionState;
  readonly checkpoint: number;
  readonly head: number;
  /** Events committed to the store that the projection has not applied yet. */
  readonly lag: number;
  readonly error?: Error;
}

export interface ProjectionRunner {
  readonly projections: readonly AnyProjection[];
  /** Follows new events as they are appended, each projection from its checkpoint. */
  start(): Promise<void>;
  /** Stops following; resolves after the batches in flight. */
  stop(): Promise<void>;
  /**
   * Resolves once every projection has applied every event committed before the call: by the live
   * loops after `start`, otherwise by applying them now. Rejects with the error of a failed projection.
   */
  caughtUp(): Promise<void>;
  /** Clears the read models and checkpoint of one projection (or all), then applies every event again. */
  rebuild(name?: string): Promise<void>;
  status(): Promise<ProjectionStatus[]>;
  /**
   * Runs work on one projection's read models outside the event flow (a process's deadlines),
   * under the same lock as its batches; the writes are committed with the checkpoint unchanged.
   */
  within(name: string, work: (models: Record<string, ReadModelAccess<unknown>>) => Promise<void>): Promise<void>;
}

interface Worker {
  readonly projection: AnyProjection;
  readonly contracts: ReadonlyMap<string, EventContract>;
  /** Cached checkpoint; undefined means "ask the store". */
  checkpoint: number | undefined;
  state: ProjectionState;
  error: Error | undefined;
  lock: Promise<unknown>;
  loop: Promise<void> | undefined;
}

export function projectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { events, readModels, domain } = options;
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a whole number ≥ 1, got ${batchSize}`);
  const projections = options.projections ?? domain?.projections.filter(isProjection) ?? [];
  const workers = checkProjections(projections, domain).map(
    ({ projection, contracts }): Worker => ({ projection, contracts, checkpoint: undefined, state: 'idle', error: undefined, lock: Promise.resolve(), loop: undefined }),
  );
  const byName = new Map(workers.map((w) => [w.projection.name, w]));
  const doorbell = createDoorbell();
  // Wakes a worker waiting out a transient failure when the runner stops.
  let stopSignal = stopSignalFor();
  let following = false;
  // Each start and stop counts, so a start whose head read outlived a stop opens nothing.
  let starts = 0;
  let subscription: Subscription | undefined;
  const waiters = new Set<{ target: number; resolve: () => void; reject: (error: unknown) => void }>();

  const exclusive = <T>(worker: Worker, work: () => Promise<T>): Promise<T> => {
    const result = worker.lock.then(work);
    worker.lock = result.catch(() => undefined);
    return result;
  };

  const checkpointOf = async (worker: Worker) => (worker.checkpoint ??= await readModels.checkpoint(worker.projection.name));

  /** Reads one batch after the checkpoint, applies it and commits it with the new checkpoint. Returns the events read. */
  async function processBatch(worker: Worker): Promise<number> {
    const { projection } = worker;
    const from = await checkpointOf(worker);
    const batch = await events.readAll({ after: from, maxCount: batchSize });
    if (batch.length === 0) return 0;
    const apply = () => applyBatch(worker, from, batch);
    await (options.observeBatch ? options.observeBatch(projection.name, batch, apply) : apply());
    return batch.length;
  }

  /** Applies the events read and commits their changes with the new checkpoint. */
  async function applyBatch(worker: Worker, from: number, batch: readonly RecordedEvent[]): Promise<void> {
    const { projection } = worker;
    options.failpoint?.({ step: 'read', projection: projection.name, after: from, count: batch.length });
    const work = unitOfWork(readModels);
    let applied = from;
    let failure: ProjectionFailed | undefined;
    for (const event of batch) {
      const contract = worker.contracts.get(event.type);
      if (contract) {
        const scope = work.scope();
        try {
          await applyEvent(projection, contract, event, scope);
          scope.keep();
        } catch (error) {
          failure = new ProjectionFailed(projection.name, event.type, event.position, event.streamId, event.version, error, projection.role);
          break;
        }
      }
      applied = event.position;
      options.failpoint?.({ step: 'handled', projection: projection.name, position: event.position });
    }
    if (applied > from) {
      worker.checkpoint = undefined; // if the commit's outcome is unknown, ask the store next time
      await readModels.commit({ projection: projection.name, expectedCheckpoint: from, checkpoint: applied, changes: work.changes() });
      worker.checkpoint = applied;
      settleWaiters();
      options.failpoint?.({ step: 'committed', projection: projection.name, checkpoint: applied });
    }
    if (failure) throw failure;
  }

  /** Applies batches until the checkpoint reaches `target` or nothing is left to read. */
  async function drive(worker: Worker, target: number): Promise<void> {
    for (;;) {
      const read = await exclusive(worker, async () => ((await checkpointOf(worker)) >= target ? 0 : processBatch(worker)));
      if (read === 0) return;
    }
  }

  function fail(worker: Worker, error: unknown): void {
    const first = worker.state !== 'failed';
    worker.state = 'failed';
    worker.error = error instanceof Error ? error : new EventspecError(String(error));
    if (first) options.onFailure?.(worker.projection.name, worker.error);
    settleWaiters();
  }

  function settleWaiters(): void {
    const failed = workers.find((w) => w.state === 'failed');
    for (const waiter of waiters) {
      if (failed) waiter.reject(failed.error);
      else if (workers.every((w) => w.checkpoint !== undefined && w.checkpoint >= waiter.target)) waiter.resolve();
      else continue;
      waiters.delete(waiter);
    }
  }

  async function follow(worker: Worker): Promise<void> {
    let failures = 0;
    try {
      while (following && worker.state === 'following') {
        const ring = doorbell.generation;
        let read: number;
        try {
          read = await exclusive(worker, () => processBatch(worker));
          failures = 0;
        } catch (error) {
          if (!isTransientFailure(error)) throw error;
          // Nothing half-done survives: the checkpoint is read again from the store next time.
          failures += 1;
          options.onRetry?.(worker.projection.name, error, failures);
          await pause(backoffDelay(failures, options.retryBackoff), stopSignal.promise);
          continue;
        }
        if (read < batchSize && following) await doorbell.wait(ring);
      }
    } catch (error) {
      fail(worker, error);
    }
  }

  const launch = (worker: Worker) => {
    worker.state = 'following';
    worker.loop = follow(worker);
  };

  const runner: ProjectionRunner = {
    projections: workers.map((w) => w.projection),

    async start() {
      if (following) return;
      following = true;
      const starting = ++starts;
      stopSignal = stopSignalFor();
      let head: number;
      try {
        head = await events.headPosition();
      } catch (error) {
        // Not started: a later start must try again, not find the runner following nothing.
        if (starting === starts) following = false;
        throw error;
      }
      // Stopped (and maybe started again) while the head was read: that stop or start decides.
      if (starting !== starts) return;
      subscription = events.subscribe({ after: head, handler: () => doorbell.ring() });
      for (const worker of workers) if (worker.state === 'idle') launch(worker);
    },

    async stop() {
      starts += 1;
      following = false;
      stopSignal.fire();
      await subscription?.stop();
      subscription = undefined;
      doorbell.ring();
      await Promise.all(workers.map((w) => w.loop));
      for (const worker of workers) if (worker.state === 'following') worker.state = 'idle';
    },

    async caughtUp() {
      const target = await events.headPosition();
      const failed = workers.find((w) => w.state === 'failed');
      if (failed) throw failed.error;
      if (!following) {
        for (const worker of workers) {
          try {
            await drive(worker, target);
          } catch (error) {
            // A lost connection leaves nothing half-done (the checkpoint is read again): this call
            // fails, the next one tries again. Only a broken projection or store stays failed.
            if (!isTransientFailure(error)) fail(worker, error);
            throw error;
          }
        }
        return;
      }
      // Under the lock: a commit in flight must not be overwritten by an older read.
      await Promise.all(workers.map((w) => exclusive(w, () => checkpointOf(w))));
      await new Promise<void>((resolve, reject) => {
        waiters.add({ target, resolve, reject });
        settleWaiters();
      });
    },

    async rebuild(name) {
      const chosen = name === undefined ? workers : [lookup(name)];
      for (const worker of chosen) {
        await exclusive(worker, async () => {
          worker.checkpoint = undefined;
          await readModels.reset(worker.projection.name, Object.keys(worker.projection.readModels));
          worker.checkpoint = 0;
          worker.error = undefined;
          worker.state = 'idle';
        });
        if (following) {
          doorbell.ring(); // the old loop sees the state change and ends
          await worker.loop;
          launch(worker);
        }
      }
      await runner.caughtUp();
    },

    async within(name, work) {
      const worker = lookup(name);
      if (worker.state === 'failed') throw worker.error;
      await exclusive(worker, async () => {
        const at = await checkpointOf(worker);
        const staged = unitOfWork(readModels);
        const access = handlerAccess(worker.projection, staged);
        try {
          await work(access.models);
        } finally {
          await access.settle();
        }
        if (staged.size === 0) return;
        worker.checkpoint = undefined;
        await readModels.commit({ projection: worker.projection.name, expectedCheckpoint: at, checkpoint: at, changes: staged.changes() });
        worker.checkpoint = at;
      });
    },

    async status() {
      const head = await events.headPosition();
      return Promise.all(
        workers.map(async (worker): Promise<ProjectionStatus> => {
          const checkpoint = await readModels.checkpoint(worker.projection.name);
          const status = { name: worker.projection.name, state: worker.state, checkpoint, head, lag: Math.max(0, head - checkpoint) };
          return worker.error ? { ...status, error: worker.error } : status;
        }),
      );
    },
  };

  function lookup(name: string): Worker {
    const worker = byName.get(name);
    if (!worker) throw new EventspecError(`no projection named ${name}; the runner has ${[...byName.keys()].join(', ') || 'none'}`);
    return worker;
  }

  return runner;
}

async function applyEvent(projection: AnyProjection, contract: EventContract, event: RecordedEvent, work: UnitOfWork) {
  const data = upcast(contract, event.schemaVersion, event.data, event);
  const dash = event.streamId.indexOf('-');
  const projected: ProjectedEvent = { ...event, data, aggregateId: dash > 0 ? event.streamId.slice(dash + 1) : event.streamId };
  const access = handlerAccess(projection, work);
  const handler = (projection.handlers as Record<string, (e: ProjectedEvent, m: unknown) => unknown>)[event.type]!;
  try {
    await handler(projected, access.models);
  } finally {
    await access.settle();
  }
}

/** Each projection's event contracts: the domain's when given (its current versions), checked for drift. */
function checkProjections(projections: readonly AnyProjection[], domain: Domain | undefined) {
  const names = new Set<string>();
  const readModelOwner = new Map<string, string>();
  return projections.map((projection) => {
    const where = `projection ${projection.name}`;
    if (names.has(projection.name)) throw new TypeError(`${where} is registered twice`);
    names.add(projection.name);
    for (const model of Object.keys(projection.readModels)) {
      const owner = readModelOwner.get(model);
      if (owner) throw new TypeError(`read model ${model} belongs to both ${owner} and ${projection.name}; read-model names must be unique`);
      readModelOwner.set(model, projection.name);
    }
    const contracts = new Map<string, EventContract>();
    for (const [type, own] of projection.eventsByName) {
      let current = own;
      if (domain) {
        try {
          current = domain.event(type).contract;
        } catch (error) {
          throw new TypeError(`${where} handles ${type}, which domain ${domain.name} does not have: ${(error as Error).message}`);
        }
      }
      if (current.version !== own.version) {
        throw new TypeError(`${where} handles ${type} v${own.version}, but domain ${domain!.name} has ${type} v${current.version}; update the projection`);
      }
      contracts.set(type, current);
    }
    return { projection, contracts };
  });
}

/** Wakes waiting loops when the store reports an append; the generation makes a missed ring impossible. */
function createDoorbell() {
  let generation = 0;
  let wakers: (() => void)[] = [];
  return {
    get generation() {
      return generation;
    },
    ring() {
      generation += 1;
      for (const wake of wakers.splice(0)) wake();
    },
    wait(since: number): Promise<void> {
      if (generation !== since) return Promise.resolve();
      return new Promise((resolve) => wakers.push(resolve));
    },
  };
}

function stopSignalFor(): { promise: Promise<void>; fire(): void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}
