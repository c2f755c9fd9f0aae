import { isAnyDate } from '../core/anyDate';
import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import { isoTime } from '../core/isoTime';
import type { NewEvent, RecordedEvent } from '../core/envelope';
import { EventspecError, IdempotencyError, WrongExpectedVersionError } from '../core/errors';
import { decideAppend } from './appendDecision';
import { appendNotifier, catchUpSubscription } from './catchUpSubscription';
import type { AppendOptions, AppendResult, EventStore, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from './eventStore';
import { describeExpected } from './expectedVersion';
import { checkStreamId } from '../core/storableValue';
import { validateAppend } from './validateAppend';
import { offerDirectAccess } from './directAccess';
import type { DirectWriter } from './directAccess';
import { checkReadAllOptions, checkReadStreamOptions } from './readOptions';

interface Stream {
  events: RecordedEvent[];
  /**
   * Made at the first look-up in a stream long enough for a scan to cost more than the map's
   * memory (~40 B per event), then kept up to date. A stream only ever appended to by the
   * handler's direct path (whose ids are new) is never looked up, so never indexed.
   */
  versionOfId: Map<string, number> | undefined;
  /** See DirectStream: how many first events a direct writer parsed, and who (only direct appends extend it). */
  parsedBy: object | undefined;
  parsedUpTo: number;
}

/** Streams shorter than this find an event id by scanning their events. */
const INDEX_FROM = 32;

function versionOf(stream: Stream, id: string): number | undefined {
  if (stream.versionOfId === undefined && stream.events.length >= INDEX_FROM) {
    stream.versionOfId = new Map(stream.events.map((event) => [event.id, event.version]));
  }
  if (stream.versionOfId !== undefined) return stream.versionOfId.get(id);
  const events = stream.events;
  for (let i = 0; i < events.length; i++) if (events[i]!.id === id) return i + 1;
  return undefined;
}

export interface InMemoryEventStoreOptions {
  clock?: Clock;
}

/**
 * The embedded store: one array per stream plus one global log. Appends run synchronously inside
 * one call, so the global order is the order of appends. Stored events are frozen copies.
 */
export function inMemoryEventStore(options: InMemoryEventStoreOptions = {}): EventStore {
  const clock = options.clock ?? systemClock;
  const streams = new Map<string, Stream>();
  const log: RecordedEvent[] = [];
  const notifier = appendNotifier();

  /** `append`'s work; `writer` is what a direct caller vouches for (see DirectWriter). */
  function appendNow(streamId: string, events: readonly NewEvent[], appendOptions: AppendOptions = {}, writer?: DirectWriter): AppendResult {
    const expected = validateAppend(streamId, events, appendOptions);
    const stream = streams.get(streamId);
    const currentVersion = stream?.events.length ?? 0;
    // Usually none of the batch is stored yet: then no map is made.
    let storedVersions: Map<string, number> = NONE_STORED;
    if (stream && writer?.idsAreNew !== true) {
      for (const event of events) {
        const version = versionOf(stream, event.id);
        if (version === undefined) continue;
        if (storedVersions === NONE_STORED) storedVersions = new Map<string, number>();
        storedVersions.set(event.id, version);
      }
    }
    const decision = decideAppend({ currentVersion, expected, batchIds: events.map((e) => e.id), storedVersions });
    switch (decision.kind) {
      case 'wrong-version':
        throw new WrongExpectedVersionError(streamId, describeExpected(expected), currentVersion);
      case 'partial-overlap':
        throw new IdempotencyError(streamId, decision.reason);
      case 'already-stored': {
        const existing = stream!.events.slice(decision.firstVersion - 1, decision.firstVersion - 1 + events.length);
        return { streamId, nextExpectedVersion: currentVersion, events: existing, alreadyStored: true };
      }
      case 'write':
        break;
    }
    const recordedAt = isoTime(clock.now());
    // Frozen copies: the caller's objects stay theirs, and nobody can edit what is stored. Events
    // that share one metadata object (a command's events do) share its frozen copy.
    let metadataSource: unknown;
    let metadata: RecordedEvent['metadata'] | undefined;
    const recorded = events.map((event, i): RecordedEvent => {
      try {
        if (metadata === undefined || event.metadata !== metadataSource) {
          metadataSource = event.metadata;
          metadata = frozenMetadata(event.metadata, recordedAt);
        }
        return Object.freeze({
          id: event.id,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: frozenCopy(event.data),
          metadata,
          streamId,
          version: currentVersion + i + 1,
          position: log.length + i + 1,
        });
      } catch (error) {
        throw new EventspecError(`stream "${streamId}", event ${i + 1} of the batch (${event.type}): ${(error as Error).message}`);
      }
    });
    // Only now, with every copy made, does the stream exist: a value that cannot be copied leaves no trace.
    const target: Stream = stream ?? { events: [], versionOfId: undefined, parsedBy: undefined, parsedUpTo: 0 };
    // The parsed prefix grows only while one direct writer has written every event so far.
    if (writer !== undefined && target.parsedUpTo === currentVersion && (currentVersion === 0 || target.parsedBy === writer.parsedBy)) {
      target.parsedBy = writer.parsedBy;
      target.parsedUpTo = currentVersion + recorded.length;
    }
    if (!stream) streams.set(streamId, target);
    for (const event of recorded) {
      target.events.push(event);
      target.versionOfId?.set(event.id, event.version);
      log.push(event);
    }
    if (recorded.length > 0) notifier.notify();
    return { streamId, nextExpectedVersion: target.events.length, events: recorded, alreadyStored: false };
  }

  const store: EventStore = {
    async append(streamId: string, events: readonly NewEvent[], appendOptions: AppendOptions = {}): Promise<AppendResult> {
      return appendNow(streamId, events, appendOptions);
    },

    async readStream(streamId: string, readOptions: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      checkStreamId(streamId);
      checkReadStreamOptions(streamId, readOptions);
      const events = streams.get(streamId)?.events ?? [];
      const maxCount = readOptions.maxCount ?? Infinity;
      if (readOptions.direction === 'backward') {
        const from = Math.min(readOptions.fromVersion ?? events.length, events.length);
        const to = Math.max(from - maxCount, 0);
        return events.slice(to, Math.max(from, 0)).reverse();
      }
      const from = Math.max(readOptions.fromVersion ?? 1, 1);
      return events.slice(from - 1, maxCount === Infinity ? undefined : from - 1 + maxCount);
    },

    async readAll(readOptions: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      checkReadAllOptions(readOptions);
      const after = readOptions.after ?? 0;
      const maxCount = readOptions.maxCount ?? Infinity;
      return log.slice(after, maxCount === Infinity ? undefined : after + maxCount);
    },

    async streamVersion(streamId: string): Promise<number> {
      checkStreamId(streamId);
      return streams.get(streamId)?.events.length ?? 0;
    },

    async eventVersion(streamId: string, eventId: string): Promise<number | undefined> {
      checkStreamId(streamId);
      const stream = streams.get(streamId);
      return stream === undefined ? undefined : versionOf(stream, eventId);
    },

    async headPosition(): Promise<number> {
      return log.length;
    },

    subscribe(subscribeOptions: SubscribeOptions) {
      return catchUpSubscription({ readAll: store.readAll, headPosition: store.headPosition, waitForAppend: notifier.wait }, subscribeOptions);
    },

    async close() {
      notifier.notify();
    },
  };
  offerDirectAccess(store, {
    append: store.append,
    readStream: store.readStream,
    appendNow,
    streamOf(streamId) {
      checkStreamId(streamId);
      return streams.get(streamId);
    },
  });
  return store;
}

const NONE_STORED: ReadonlyMap<string, number> & Map<string, number> = new Map<string, number>();

/** The stored form of an event's metadata: a frozen copy with the time it was recorded, in one pass. */
function frozenMetadata(metadata: NewEvent['metadata'], recordedAt: string): RecordedEvent['metadata'] {
  const copy = copyFields(metadata);
  // Where the caller's own recordedAt stood, the store's takes its place (as Object.assign did).
  copy.recordedAt = recordedAt;
  return Object.freeze(copy) as RecordedEvent['metadata'];
}

/**
 * A deep, frozen copy in one pass, made the way MongoDB gives a value back, so both stores return
 * the same thing: a field holding undefined is left out and undefined in an array becomes null (as
 * JSON and BSON do), a Date stays a Date, any other object becomes a plain object of its own
 * fields. `validateAppend` has already refused what no store keeps unchanged.
 */
function frozenCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      copy[i] = item === undefined ? null : frozenCopy(item);
    }
    return Object.freeze(copy);
  }
  // Also a Date made in another realm (a vm context): BSON stores it as a Date, so this copy is one.
  if (isAnyDate(value)) return Object.freeze(new Date(value.getTime()));
  return Object.freeze(copyFields(value));
}

/** An object's own fields, each a frozen copy; fields holding undefined are left out. */
function copyFields(value: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const field = frozenCopy(item);
    // A `__proto__` key is data (it arrives from JSON.parse); plain assignment would set the prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true });
    else copy[key] = field;
  }
  return copy;
}
