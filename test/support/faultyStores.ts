import type { EventStore, ReadAllOptions, RecordedEvent } from '../../src';

/** What a lost answer looks like to the caller: a driver-style error that is no eventspec error. */
export class InjectedFault extends Error {
  override name = 'MongoNetworkError';
}

/**
 * A store whose next `times` appends are applied and then answered with a network error, as when
 * the connection drops after the commit and before the reply. Counts the appends it faulted.
 */
export function appliesThenThrows(store: EventStore, times: number): EventStore & { faulted(): number } {
  let left = times;
  let faulted = 0;
  return {
    ...store,
    async append(streamId, events, options) {
      const result = await store.append(streamId, events, options);
      if (left > 0) {
        left -= 1;
        faulted += 1;
        throw new InjectedFault(`connection reset after the commit of ${events.length} events to "${streamId}" (injected)`);
      }
      return result;
    },
    faulted: () => faulted,
  };
}

/**
 * `readAll` that fails `times` times (at the `every`-th call, then each call until used up) with
 * an error that is no eventspec error, as a read does during a failover.
 */
export function flakyReadAll(readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>, times: number): {
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>;
  failures(): number;
} {
  let left = times;
  let failures = 0;
  let calls = 0;
  return {
    async readAll(options) {
      calls += 1;
      // The first call succeeds, so the failures hit a subscription that is already running.
      if (calls > 1 && left > 0) {
        left -= 1;
        failures += 1;
        throw new InjectedFault('server selection timed out: no primary (injected)');
      }
      return readAll(options);
    },
    failures: () => failures,
  };
}
