import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import { EventspecError } from '../core/errors';

export interface EventuallyOptions {
  /** Give up after this long (default 2000 ms). */
  timeoutMs?: number;
  /** Pause between attempts (default 10 ms). */
  intervalMs?: number;
  /** Extra context for the timeout message, e.g. how far each projection has got. */
  describe?: () => string | Promise<string>;
  /** What the deadline is measured on (default: the system clock); tests give one they control. */
  clock?: Clock;
  /** Failures that waiting cannot mend (an unknown field, a failed projection): thrown at once. */
  giveUpOn?: (error: unknown) => boolean;
}

/** The check never passed in time; `lastError` is its last failure. */
export class EventuallyTimeout extends EventspecError {
  override name = 'EventuallyTimeout';
  constructor(
    message: string,
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(message);
  }
}

/**
 * Retries `attempt` until it returns without throwing, for a bounded time: how eventual
 * consistency is stated in a test. The timeout error carries the last failure, which shows
 * the last value seen.
 */
export async function eventually<T>(attempt: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const intervalMs = options.intervalMs ?? 10;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().getTime();
  const deadline = now() + timeoutMs;
  let attempts = 0;
  let lastError: unknown;
  for (;;) {
    attempts += 1;
    let timer: NodeJS.Timeout | undefined;
    try {
      // An attempt that hangs must not outlive the deadline.
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new EventspecError('the attempt itself did not finish in time')), Math.max(deadline - now(), 1));
      });
      return await Promise.race([Promise.resolve().then(attempt), timedOut]);
    } catch (error) {
      if (options.giveUpOn?.(error)) throw error;
      lastError = error;
    } finally {
      clearTimeout(timer);
    }
    if (now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(deadline - now(), 0))));
  }
  let context = '';
  if (options.describe) {
    try {
      context = `\n${await options.describe()}`;
    } catch (error) {
      context = `\n(could not describe the state: ${(error as Error).message})`;
    }
  }
  const last = lastError instanceof Error ? lastError.message : String(lastError);
  throw new EventuallyTimeout(`still not true after ${timeoutMs} ms (${attempts} attempts); the last attempt said:\n${last}${context}`, attempts, lastError);
}
