import { EventspecError } from './errors';

/** How long to wait before the next try after a transient failure: doubling, capped. */
export interface RetryBackoff {
  /** Wait after the first failure (default 50 ms). */
  firstMs?: number;
  /** Longest wait (default 5000 ms). */
  maxMs?: number;
}

/**
 * Whether a failure of a store read or write is worth retrying: eventspec's own errors name damage
 * or a broken contract and stay broken; anything else (a lost connection, no primary during an
 * election) passes.
 */
export function isTransientFailure(error: unknown): boolean {
  return !(error instanceof EventspecError);
}

/** The wait after `failures` consecutive failures (1 = the first). */
export function backoffDelay(failures: number, backoff: RetryBackoff = {}): number {
  const first = backoff.firstMs ?? 50;
  const max = backoff.maxMs ?? 5000;
  return Math.min(max, first * 2 ** Math.min(Math.max(failures - 1, 0), 30));
}

/** Sleeps, waking early when `stopped` settles. */
export function pause(ms: number, stopped: Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void stopped.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
