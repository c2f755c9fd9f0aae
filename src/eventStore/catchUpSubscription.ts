import type { RecordedEvent } from '../core/envelope';
import { EventspecError } from '../core/errors';
import { backoffDelay, isTransientFailure, pause } from '../core/transientRetry';
import type { ReadAllOptions, SubscribeOptions, Subscription } from './eventStore';

/** What a store offers for subscriptions: ordered reads, its head, and a way to wait for news. */
export interface SubscriptionSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<number>;
  /** Resolves when new events may be visible (a notification, or a poll interval elapsing). */
  waitForAppend(stopped: Promise<void>): Promise<void>;
}

/**
 * Reads `readAll` in batches from a position, hands each event to the handler in order, then
 * waits for more. The same loop serves every store, so ordering is defined by `readAll` alone.
 */
export function catchUpSubscription(source: SubscriptionSource, options: SubscribeOptions): Subscription {
  const batchSize = options.batchSize ?? 500;
  // Refused at once: batchSize 0 would spin on empty reads, and a bad position would only fail inside the loop.
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new EventspecError(`subscribing: batchSize must be a whole number ≥ 1, got ${String(batchSize)}`);
  const after: unknown = options.after;
  if (after !== undefined && !(typeof after === 'number' && Number.isInteger(after) && after >= 0)) {
    throw new EventspecError(`subscribing: after must be a whole number ≥ 0 (a global position; 0 reads from the start), got ${String(after)}`);
  }
  if (typeof options.handler !== 'function') throw new EventspecError('subscribing: handler must be a function, called with each event');
  let position = options.after ?? 0;
  let stopping = false;
  let stopSignal!: () => void;
  const stopped = new Promise<void>((resolve) => (stopSignal = resolve));
  const waiters: { target: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let failure: unknown;

  const settleWaiters = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i]!;
      if (failure !== undefined) waiter.reject(failure);
      else if (position >= waiter.target || stopping) waiter.resolve();
      else continue;
      waiters.splice(i, 1);
    }
  };

  /** The next batch; transient failures (a failover, a dropped connection) are waited out, not fatal. */
  const readBatch = async (): Promise<RecordedEvent[] | undefined> => {
    for (let failures = 1; ; failures++) {
      try {
        return await source.readAll({ after: position, maxCount: batchSize });
      } catch (error) {
        if (!isTransientFailure(error)) throw error;
        options.onRetry?.(error, failures);
        await pause(backoffDelay(failures, options.retryBackoff), stopped);
        if (stopping) return undefined;
      }
    }
  };

  const run = async () => {
    while (!stopping) {
      const batch = await readBatch();
      if (!batch) return;
      for (const event of batch) {
        if (stopping) return;
        await options.handler(event);
        position = event.position;
      }
      settleWaiters();
      if (batch.length < batchSize && !stopping) await source.waitForAppend(stopped);
    }
  };

  const done = run().then(
    () => {
      stopping = true;
      settleWaiters();
    },
    (error: unknown) => {
      failure = error;
      stopping = true;
      settleWaiters();
      throw error;
    },
  );
  // The failure is reported through `done` and `caughtUp`; don't let it become an unhandled rejection.
  done.catch(() => undefined);

  return {
    get position() {
      return position;
    },
    async caughtUp() {
      const target = await source.headPosition();
      if (failure !== undefined) throw failure;
      if (position >= target || stopping) return;
      await new Promise<void>((resolve, reject) => {
        waiters.push({ target, resolve, reject });
        settleWaiters();
      });
    },
    async stop() {
      stopping = true;
      stopSignal();
      await done.catch(() => undefined);
    },
    done,
  };
}

/**
 * A wake-up signal for in-process stores: `wait` resolves at the next `notify` or at stop, or at
 * once when something was notified since that subscription last waited, since an append made
 * while it was reading or handling would otherwise leave it asleep until the next one.
 */
export function appendNotifier(): { notify(): void; wait(stopped: Promise<void>): Promise<void> } {
  let generation = 0;
  let wake: (() => void) | undefined;
  let next: Promise<void> | undefined;
  // Per subscription (its stop signal): the generation it has read up to.
  const seen = new WeakMap<Promise<void>, number>();
  const notify = () => {
    generation++;
    const resolve = wake;
    wake = undefined;
    next = undefined;
    resolve?.();
  };
  return {
    notify,
    wait(stopped) {
      const last = seen.get(stopped);
      // One reaction per subscription's stop signal: racing it on every wait would pile up handlers.
      if (last === undefined) void stopped.then(notify);
      if (last !== generation) {
        seen.set(stopped, generation);
        return Promise.resolve();
      }
      next ??= new Promise<void>((resolve) => (wake = resolve));
      // Marked before the caller's next read: whatever is appended after this is noticed next time.
      return next.then(() => void seen.set(stopped, generation));
    },
  };
}
