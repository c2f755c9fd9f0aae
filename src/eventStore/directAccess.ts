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
  /** What `append` resolves with, or throws what it rejects with; `writer` is what the caller vouches for. */
  appendNow(streamId: string, events: readonly NewEvent[], options?: AppendOptions, writer?: DirectWriter): AppendResult;
  /** The stream (its id checked as `readStream` checks it), read-only and live, not a copy; undefined when it has no events. */
  streamOf(streamId: string): DirectStream | undefined;
}

export interface DirectWriter {
  /** No event id of the batch can be in the stream (they derive from a random uuid made for this command): none is looked up. */
  readonly idsAreNew: boolean;
  /** Who parsed the batch's data by its contracts at their current versions (the handler's aggregate). */
  readonly parsedBy: object;
}

export interface DirectStream {
  readonly events: readonly RecordedEvent[];
  /** The first `parsedUpTo` events were all appended by direct writers that said they were parsed by `parsedBy`. */
  readonly parsedBy: object | undefined;
  readonly parsedUpTo: number;
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
