import type { NewEvent, RecordedEvent } from '../core/envelope';
import type { AppendOptions, AppendResult, EventStore } from './eventStore';

/**
 * Synchronous access to a store that lives in this process (the in-memory one), for the command
 * handler's fast path: the same checks and answers as the store's `append` and `readStream`,
 * without a promise per call. Not part of the EventStore contract; a store without it, or whose
 * methods were replaced (a test's wrapper, a spy), is used through its promises.
 */
export interface DirectAccess {
  /** The store's own methods, so a caller can tell that they were not replaced since. */
  readonly append: EventStore['append'];
  readonly readStream: EventStore['readStream'];
  /**
   * What `append` resolves with, or throws what it rejects with. `idsAreNew`: the caller vouches
   * that no event id of the batch can be in the stream (they derive from a random uuid made for
   * this command), so the store need not look them up.
   */
  appendNow(streamId: string, events: readonly NewEvent[], options?: AppendOptions, idsAreNew?: boolean): AppendResult;
  /** The stream's events in order, read-only and live (not a copy); the stream id is checked as `readStream` checks it. */
  eventsOf(streamId: string): readonly RecordedEvent[];
}

const direct = new WeakMap<EventStore, DirectAccess>();

export function offerDirectAccess(store: EventStore, access: DirectAccess): void {
  direct.set(store, access);
}

/** The store's direct access, when it has one and `append`/`readStream` are still its own. */
export function directAccessOf(store: EventStore): DirectAccess | undefined {
  const access = direct.get(store);
  return access !== undefined && store.append === access.append && store.readStream === access.readStream ? access : undefined;
}
