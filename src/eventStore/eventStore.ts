import type { NewEvent, RecordedEvent } from '../core/envelope';
import type { RetryBackoff } from '../core/transientRetry';
import type { ExpectedVersion } from './expectedVersion';

export interface AppendOptions {
  /** Defaults to `any`. */
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the next expected version. */
  nextExpectedVersion: number;
  /** The appended events (or, for a retried batch, the ones already stored). */
  events: RecordedEvent[];
  /** True when every event was already stored and nothing was written. */
  alreadyStored: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forward' | 'backward';
  /** First version to read: forward defaults to 1, backward to the last version. */
  fromVersion?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events with a global position greater than this (0 = from the start). */
  after?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events after this global position (0 = from the start). */
  after?: number;
  /** Called for each event in global order; the next one waits for the promise. */
  handler: (event: RecordedEvent) => void | Promise<void>;
  batchSize?: number;
  /**
   * A read that fails with anything but an eventspec error (a lost connection, an election) is
   * retried with this backoff, indefinitely; damage and contract errors end the subscription.
   */
  retryBackoff?: RetryBackoff;
  /** Told of each transient read failure before the wait (for logs and metrics). */
  onRetry?: (error: unknown, failures: number) => void;
}

export interface Subscription {
  /** Global position of the last event handled. */
  readonly position: number;
  /** Resolves once every event committed so far has been handled. */
  caughtUp(): Promise<void>;
  /** Stops delivering; resolves after the event in flight. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop, rejects with a handler's error. */
  readonly done: Promise<void>;
}

/** The store every part of eventspec works against. The shared contract suite defines its meaning. */
export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** 0 when the stream has no events. */
  streamVersion(streamId: string): Promise<number>;
  /**
   * The version at which the stream holds the event with this id, or undefined. Lets a retried
   * command find the events an earlier try stored (their ids derive from the command id).
   */
  eventVersion(streamId: string, eventId: string): Promise<number | undefined>;
  /** The greatest committed global position (0 when empty). */
  headPosition(): Promise<number>;
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
