import type { AnyAggregate } from '../aggregate/defineAggregate';
import { evolveOne, evolveParsed, replay } from '../aggregate/replay';
import { toDate } from '../core/clock';
import { EventspecError } from '../core/errors';
import type { EventStore } from '../eventStore/eventStore';
import type { DirectAccess } from '../eventStore/directAccess';
import type { Snapshot, SnapshotStore } from '../snapshots/snapshotStore';

export interface LoadOptions {
  /** State after exactly this many events (a version past the end is an error). */
  atVersion?: number;
  /** State from the events that occurred at or before this time (backdated ones included). */
  asOf?: Date | string;
}

export interface Loaded<State = unknown> {
  state: State;
  version: number;
  /** Version of the snapshot the load started from (0 = full replay). */
  fromSnapshot: number;
}

export interface LoadContext {
  store: EventStore;
  snapshots?: SnapshotStore | undefined;
  /** A state already known at some version (the handler's cache): only later events are read. */
  known?: { version: number; state: unknown } | undefined;
}

/** Latest usable snapshot + the events after it; or, for a time, the prefix of events up to it. */
export async function loadAggregate(context: LoadContext, aggregate: AnyAggregate, streamId: string, options: LoadOptions = {}): Promise<Loaded> {
  if (options.asOf !== undefined) return loadAsOf(context.store, aggregate, streamId, toDate(options.asOf, 'as of'));
  const atVersion = options.atVersion;
  if (atVersion !== undefined && !(Number.isInteger(atVersion) && atVersion >= 0)) {
    throw new EventspecError(`stream "${streamId}": version ${String(atVersion)} is not a whole number ≥ 0; ask for the state after that many events (0 = the initial state)`);
  }
  const known = atVersion === undefined ? context.known : undefined;
  const snapshot = known ?? await usableSnapshot(context.snapshots, aggregate, streamId, atVersion);
  const from = snapshot?.version ?? 0;
  // No `{ …, ...(cond ? {} : {}) }`: on Node 20 a spread inside a literal leaves V8's fast path.
  const tail = await context.store.readStream(streamId, atVersion !== undefined ? { fromVersion: from + 1, maxCount: atVersion - from } : { fromVersion: from + 1 });
  const version = from + tail.length;
  if (atVersion !== undefined && version < atVersion) {
    throw new EventspecError(`stream "${streamId}" has ${version} events, so it has no version ${atVersion}; ask for a version up to ${version}`);
  }
  const start = snapshot ? snapshot.state : aggregate.initialState();
  return { state: replay(aggregate, start, tail), version, fromSnapshot: from };
}

/**
 * The latest state, read synchronously from a store in this process: the known state (the
 * handler's cache) and the events after it, as `loadAggregate` gives it without snapshots.
 */
export function loadDirect(direct: DirectAccess, aggregate: AnyAggregate, streamId: string, known: { version: number; state: unknown } | undefined): Loaded {
  const stream = direct.streamOf(streamId);
  const length = stream?.events.length ?? 0;
  const from = known?.version ?? 0;
  let state = known !== undefined ? known.state : aggregate.initialState();
  if (stream !== undefined) {
    // Events this aggregate's handlers parsed and stored themselves need no parse that cannot change them.
    const parsedUpTo = stream.parsedBy === aggregate ? stream.parsedUpTo : 0;
    for (let i = from; i < length; i++) state = i < parsedUpTo ? evolveParsed(aggregate, state, stream.events[i]!) : evolveOne(aggregate, state, stream.events[i]!);
  }
  return { state, version: Math.max(from, length), fromSnapshot: from };
}

async function usableSnapshot(
  snapshots: SnapshotStore | undefined,
  aggregate: AnyAggregate,
  streamId: string,
  atVersion: number | undefined,
): Promise<Pick<Snapshot, 'version' | 'state'> | undefined> {
  if (!snapshots || !aggregate.snapshot) return undefined;
  const snapshot = await snapshots.load(streamId);
  if (!snapshot || snapshot.snapshotVersion !== (aggregate.snapshot.version ?? 1)) return undefined;
  if (atVersion !== undefined && snapshot.version > atVersion) return undefined;
  // A snapshot that no longer fits the state schema is skipped, never trusted: replay is always correct.
  if (aggregate.stateSchema && !aggregate.stateSchema.safeParse(snapshot.state).success) return undefined;
  return snapshot;
}

/**
 * The events that occurred at or before the time, in stream order. Not the prefix up to the first
 * later event: backdated history (an event recorded later about an earlier moment) still counts.
 * The version is that of the last event taken.
 */
async function loadAsOf(store: EventStore, aggregate: AnyAggregate, streamId: string, asOf: Date): Promise<Loaded> {
  const limit = asOf.getTime();
  const taken = (await store.readStream(streamId)).filter((event) => Date.parse(event.metadata.occurredAt) <= limit);
  return { state: replay(aggregate, aggregate.initialState(), taken), version: taken[taken.length - 1]?.version ?? 0, fromSnapshot: 0 };
}
