import type { ClientSession, Collection, Db, Document, MongoClient, UpdateFilter } from 'mongodb';
import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import type { NewEvent, RecordedEvent } from '../core/envelope';
import { AppendOutcomeUnknownError, EventspecError, IdempotencyError, WrongExpectedVersionError } from '../core/errors';
import { appendFailure } from './appendFailure';
import { catchUpSubscription } from '../eventStore/catchUpSubscription';
import type { AppendOptions, AppendResult, EventStore, ReadAllOptions, ReadStreamOptions, SubscribeOptions, Subscription } from '../eventStore/eventStore';
import { describeExpected, type ExpectedVersion } from '../eventStore/expectedVersion';
import { validateAppend } from '../eventStore/validateAppend';
import { checkReadAllOptions } from '../eventStore/readOptions';
import { planAppend, type AppendPlan } from './appendPlan';
import { encodeEvent, type EncodedEvent, newChunk, placeEvents, readChunkHead, readStoredEvent, type StoredEvent } from './chunkDocument';
import { asStored } from './bodyEncoding';
import { counterAtStart, firstPositionOf, highestPositionIn, inGlobalOrder, POSITION_COUNTER_ID, readAllWindow, readCounter } from './globalPositions';
import { indexBuildFailure } from './setupFailure';
import { mongoConnection, type MongoTarget } from './mongoConnection';
import { mongoErrorKind } from './mongoErrorKind';
import { redactSecrets } from './redactUri';
import { checkStreamId } from './streamIdArgument';
import { batchTooBig, pushFilter, sealFilter, type BatchSize } from './rollOver';
import { chunkLimits, collectionNames } from './storeOptions';
import { storedVersionsOf } from './storedVersions';
import { planStreamRead, type StreamReadPlan } from './streamRead';
import { readChunks } from './readChunks';

export interface MongoEventStoreOptions extends MongoTarget {
  /** Prefix of the store's collections (`<prefix>events`, `<prefix>positions`); defaults to `eventspec_`. */
  collectionPrefix?: string;
  /** Most events in one chunk document (default 500). */
  chunkMaxEvents?: number;
  /** Most bytes of events in one chunk document (default 1 MiB, at most 15 MiB). */
  chunkMaxBytes?: number;
  clock?: Clock;
  /** How often an idle subscription looks for new events (default 50 ms). */
  pollIntervalMs?: number;
  /** Opens without creating or changing anything (no indexes, no counter); appends are refused. For inspecting. */
  readOnly?: boolean;
}

/** Structural steps (create, seal, open) an append may take before its write lands; each is progress. */
const MAX_STEPS = 100;

/**
 * The MongoDB event store: streams in capped chunk documents, global positions from one counter
 * bumped in the same transaction as the chunk update. Decisions live in pure functions
 * (`planAppend`, `chunkTarget`, `inGlobalOrder`, …); this file only turns them into driver calls.
 */
export function mongoEventStore(options: MongoEventStoreOptions): EventStore {
  const clock = options.clock ?? systemClock;
  const limits = chunkLimits(options);
  const names = collectionNames(options.collectionPrefix ?? 'eventspec_');
  const pollIntervalMs = options.pollIntervalMs ?? 50;
  const readOnly = options.readOnly ?? false;
  // Read-only: nothing is created (no indexes, no counter), so a read-only user can inspect.
  const connection = mongoConnection(options, readOnly ? async () => undefined : (db) => setUp(connection.client, db, names.events, names.positions));
  const chunks: Collection<Document> = connection.db.collection(names.events);
  const counters: Collection<{ _id: string; value: number }> = connection.db.collection(names.positions);
  // Plain read concerns, not ReadConcern instances: the driver adds the session's afterClusterTime
  // to the read concern object it is given (it mutates it), so an instance would be shared state.
  const transactionOptions = {
    readConcern: { level: 'snapshot' as const },
    writeConcern: connection.writeConcern,
    readPreference: 'primary' as const,
  };
  const subscriptions = new Set<Subscription>();

  /**
   * Reads the head and the stored ids outside any transaction and decides (review A7: the
   * transaction's conflict window then holds only the counter and the push). Both reads run in one
   * causally consistent session at majority, so the second never sees an older state than the first.
   * The head is read first and, when ids are found, again after them: a head read before ids that
   * landed meanwhile would misreport the stream's version; ids not found before a head that moved are
   * caught by the push's condition (nextVersion as planned), which then fails, and the plan is redone.
   */
  const planOutside = async (session: ClientSession, streamId: string, events: readonly EncodedEvent[], batch: BatchSize, expected: ExpectedVersion) => {
    const readHead = async () => {
      const doc = await chunks.findOne({ stream: { $eq: streamId } }, { sort: { chunk: -1 }, projection: { events: 0 }, session });
      return doc ? readChunkHead(doc, streamId) : undefined;
    };
    let head = await readHead();
    const ids = events.map((e) => e.id);
    const storedDocs = head && ids.length > 0
      ? await chunks
          .find({ stream: { $eq: streamId }, 'events.id': { $in: ids } }, { projection: { _id: 0, chunk: 1, 'events.id': 1, 'events.version': 1 }, session })
          .toArray()
      : [];
    const storedVersions = storedVersionsOf(streamId, storedDocs, ids);
    if (storedVersions.size > 0) head = await readHead();
    return planAppend({ head, expected, batchIds: ids, storedVersions, batch, limits });
  };

  /** The transaction: take positions from the counter and push, only if the head is still as planned. */
  const pushInTransaction = async (
    session: ClientSession,
    plan: Extract<AppendPlan, { kind: 'push' }>,
    events: readonly EncodedEvent[],
    batch: BatchSize,
  ): Promise<{ kind: 'written'; stored: StoredEvent[] } | { kind: 'lost-race' }> => {
    const counter = await counters.findOneAndUpdate({ _id: POSITION_COUNTER_ID }, { $inc: { value: batch.count } }, { returnDocument: 'after', session });
    const firstPosition = firstPositionOf(readCounter(counter, names.positions), batch.count);
    const stored = placeEvents(events, plan.head.nextVersion, firstPosition);
    // The driver's update typings can't express $push on an untyped collection; the shape is plain MongoDB.
    const push = {
      $push: { events: { $each: stored } },
      $inc: { nextVersion: batch.count, count: batch.count, bytes: batch.bytes },
    } as unknown as UpdateFilter<Document>;
    const result = await chunks.updateOne(pushFilter(plan.head, batch, limits), push, { session });
    if (result.matchedCount !== 1) {
      // The head moved since the plan (another append, a seal): take nothing, not even positions, and plan again.
      await session.abortTransaction();
      return { kind: 'lost-race' };
    }
    return { kind: 'written', stored };
  };

  /** A stream read; inside a transaction when `session` is given (one snapshot), else chunk by chunk. */
  const readEvents = (streamId: string, plan: StreamReadPlan, session?: ClientSession): Promise<RecordedEvent[]> =>
    readChunks(streamId, plan, {
      findStartChunk: (filter, sort) => chunks.findOne(filter, { sort, projection: { _id: 0, chunk: 1 }, session }),
      findChunks: (filter, sort) => chunks.find(filter, { session }).sort({ chunk: sort }),
    });

  /** What a failed push transaction tells the caller: it may have landed, or it surely did not. */
  const appendError = (streamId: string, error: unknown): unknown => {
    if (mongoErrorKind(error) === 'no-replica-set') return connection.explain(error);
    switch (appendFailure(error)) {
      case 'unknown':
        return new AppendOutcomeUnknownError(streamId, redactSecrets(`${(error as Error).name}: ${(error as Error).message}`, options.uri), { cause: error });
      case 'gave-up':
        return new EventspecError(
          `stream "${streamId}": the append kept meeting write conflicts with other appends until the driver gave up ` +
            `(${(error as Error).message}). Nothing was written; try again, or spread the load over time.`,
          { cause: error },
        );
      case 'other':
        return error;
    }
  };

  const insertChunk = async (streamId: string, chunk: number, firstVersion: number) => {
    try {
      await chunks.insertOne(newChunk(streamId, chunk, firstVersion));
    } catch (error) {
      // The unique {stream, chunk} index: exactly one writer creates a chunk; the others go on.
      if (mongoErrorKind(error) !== 'duplicate-key') throw error;
    }
  };

  const store: EventStore = {
    async append(streamId: string, events: readonly NewEvent[], appendOptions: AppendOptions = {}): Promise<AppendResult> {
      if (readOnly) throw new EventspecError(`stream "${streamId}": this MongoDB event store was opened read-only (for inspecting); open it without readOnly to append`);
      const expected = validateAppend(streamId, events, appendOptions);
      const recordedAt = clock.now().toISOString();
      const encoded = events.map((event, i) => encodeEvent(streamId, i, event, recordedAt));
      const batch = { count: encoded.length, bytes: encoded.reduce((sum, e) => sum + e.bytes, 0) };
      const tooBig = batchTooBig(batch, limits);
      if (tooBig) throw new EventspecError(`stream "${streamId}": ${tooBig}. Nothing was written.`);
      await connection.ready();

      for (let step = 0; step < MAX_STEPS; step++) {
        const session = connection.client.startSession({ causalConsistency: true });
        try {
          const plan = await planOutside(session, streamId, encoded, batch, expected);
          switch (plan.kind) {
            case 'push': {
              let outcome: Awaited<ReturnType<typeof pushInTransaction>>;
              try {
                outcome = await session.withTransaction((s) => pushInTransaction(s, plan, encoded, batch), transactionOptions);
              } catch (error) {
                throw appendError(streamId, error);
              }
              if (outcome.kind === 'lost-race') break;
              // Copies as the server keeps them: the caller's objects stay theirs, and the result equals a later read.
              const events = outcome.stored.map((element, i) => readStoredEvent(asStored(element), plan.head, i));
              return { streamId, nextExpectedVersion: plan.head.nextVersion - 1 + batch.count, events, alreadyStored: false };
            }
            case 'nothing':
              return { streamId, nextExpectedVersion: plan.currentVersion, events: [], alreadyStored: false };
            case 'wrong-version':
              throw new WrongExpectedVersionError(streamId, describeExpected(expected), plan.currentVersion);
            case 'partial-overlap':
              throw new IdempotencyError(streamId, plan.reason);
            case 'too-big':
              throw new EventspecError(`stream "${streamId}": ${plan.reason}. Nothing was written.`);
            case 'already-stored': {
              // In the same causal session that found the ids, so the read sees them too.
              const existing = await readEvents(streamId, { direction: 'forward', from: plan.firstVersion, maxCount: encoded.length }, session);
              if (existing.length !== encoded.length) {
                throw new EventspecError(`stream "${streamId}": the batch was found stored from version ${plan.firstVersion}, but reading it back gave ${existing.length} of ${encoded.length} events`);
              }
              return { streamId, nextExpectedVersion: plan.currentVersion, events: existing, alreadyStored: true };
            }
            case 'create-first':
              await insertChunk(streamId, 1, 1);
              break;
            case 'seal':
              await chunks.updateOne(sealFilter(plan.head), { $set: { sealed: true } });
              break;
            case 'open-next':
              await insertChunk(streamId, plan.next.chunk, plan.next.firstVersion);
              break;
          }
        } catch (error) {
          if (mongoErrorKind(error) === 'no-replica-set') throw connection.explain(error);
          throw error;
        } finally {
          await session.endSession();
        }
      }
      throw new EventspecError(`stream "${streamId}": gave up appending after ${MAX_STEPS} attempts; the stream is changing too fast under other writers. Nothing was written.`);
    },

    async readStream(streamId: string, readOptions: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      checkStreamId(streamId);
      const plan = planStreamRead(streamId, readOptions);
      if (!plan) return [];
      await connection.ready();
      return readEvents(streamId, plan);
    },

    async readAll(readOptions: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      // Refused before connecting, as the in-memory store refuses it.
      checkReadAllOptions(readOptions);
      await connection.ready();
      // Both reads in one causally consistent session: the chunk query then reads a majority snapshot
      // at least as new as the counter's, also on a primary elected in between, so every position up
      // to the head is there (monotonic reads need such a session, with majority reads and writes).
      return connection.client.withSession({ causalConsistency: true }, async (session) => {
        const read = { session, readConcern: { level: 'majority' as const } };
        const window = readAllWindow(readOptions, readCounter(await counters.findOne({ _id: POSITION_COUNTER_ID }, read), names.positions));
        if (!window) return [];
        const inWindow = { $gt: window.after, $lte: window.upper };
        const docs = await chunks
          .aggregate(
            [
              { $match: { events: { $elemMatch: { position: inWindow } } } },
              {
                $project: {
                  _id: 0,
                  stream: 1,
                  chunk: 1,
                  events: {
                    $filter: {
                      input: '$events',
                      as: 'e',
                      cond: { $and: [{ $gt: ['$$e.position', window.after] }, { $lte: ['$$e.position', window.upper] }] },
                    },
                  },
                },
              },
            ],
            read,
          )
          .toArray();
        const found = docs.flatMap((doc) => {
          const where = { stream: typeof doc.stream === 'string' ? doc.stream : '?', chunk: typeof doc.chunk === 'number' ? doc.chunk : 0 };
          const events: unknown[] = Array.isArray(doc.events) ? doc.events : [];
          return events.map((element, i) => readStoredEvent(element, where, i));
        });
        return inGlobalOrder(found, window);
      });
    },

    async streamVersion(streamId: string): Promise<number> {
      checkStreamId(streamId);
      await connection.ready();
      const headDoc = await chunks.findOne({ stream: { $eq: streamId } }, { sort: { chunk: -1 }, projection: { events: 0 } });
      return headDoc ? readChunkHead(headDoc, streamId).nextVersion - 1 : 0;
    },

    async eventVersion(streamId: string, eventId: string): Promise<number | undefined> {
      checkStreamId(streamId);
      if (typeof eventId !== 'string' || eventId.length === 0) throw new EventspecError(`stream "${streamId}": an event id must be a non-empty string, got ${JSON.stringify(eventId)}`);
      await connection.ready();
      // The {stream, events.id} index; only the matching element's id and version are projected.
      const docs = await chunks
        .find({ stream: { $eq: streamId }, 'events.id': { $eq: eventId } }, { projection: { _id: 0, chunk: 1, 'events.id': 1, 'events.version': 1 } })
        .toArray();
      return storedVersionsOf(streamId, docs, [eventId]).get(eventId);
    },

    async headPosition(): Promise<number> {
      await connection.ready();
      return readCounter(await counters.findOne({ _id: POSITION_COUNTER_ID }), names.positions);
    },

    subscribe(subscribeOptions: SubscribeOptions) {
      // Polls: sleeps for the interval, woken early by stop (close stops every subscription). One
      // listener on `stopped` per subscription, not one per poll, which would pile up until stop.
      let sleeper: (() => void) | undefined;
      let listening = false;
      const waitForAppend = (stopped: Promise<void>) =>
        new Promise<void>((resolve) => {
          if (!listening) {
            listening = true;
            void stopped.then(() => sleeper?.());
          }
          const timer = setTimeout(() => wake(), pollIntervalMs);
          const wake = () => {
            clearTimeout(timer);
            sleeper = undefined;
            resolve();
          };
          sleeper = wake;
        });
      const subscription = catchUpSubscription({ readAll: store.readAll, headPosition: store.headPosition, waitForAppend }, subscribeOptions);
      subscriptions.add(subscription);
      const forget = () => void subscriptions.delete(subscription);
      subscription.done.then(forget, forget);
      return subscription;
    },

    async close() {
      // Stopped first: on a client the caller owns (which stays open), a subscription would otherwise poll forever.
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      await connection.close();
    },
  };
  return store;
}

async function setUp(client: MongoClient, db: Db, events: string, positions: string): Promise<void> {
  try {
    await db.collection(events).createIndexes([
      // Exactly one writer creates each chunk; also finds a stream's head (highest chunk) at once.
      { key: { stream: 1, chunk: 1 }, name: 'stream_chunk', unique: true },
      // readAll: chunks holding a window of global positions.
      { key: { 'events.position': 1 }, name: 'events_position' },
      // Idempotency: where a batch's event ids already sit in the stream.
      { key: { stream: 1, 'events.id': 1 }, name: 'stream_event_id' },
      // Forward reads from a version (loads after a snapshot) start at the chunk holding it; firstVersion never changes, so it costs nothing per append.
      { key: { stream: 1, firstVersion: 1 }, name: 'stream_first_version' },
    ]);
  } catch (error) {
    throw indexBuildFailure(error, events) ?? error;
  }
  // The highest stored position first, then the counter, in one causally consistent session: in a
  // sound store the counter read second is never below it.
  const plan = await client.withSession({ causalConsistency: true }, async (session) => {
    const read = { session, readConcern: { level: 'majority' as const } };
    const top = await db.collection(events).findOne({}, { ...read, sort: { 'events.position': -1 }, projection: { _id: 0, 'events.position': 1 } });
    const counter = await db.collection<{ _id: string; value: number }>(positions).findOne({ _id: POSITION_COUNTER_ID }, read);
    return counterAtStart(counter ? readCounter(counter, positions) : undefined, highestPositionIn(top), positions);
  });
  if (!plan) return;
  try {
    await db.collection<{ _id: string; value: number }>(positions).insertOne({ _id: POSITION_COUNTER_ID, value: plan.create });
  } catch (error) {
    // Another process created it first, from the same stored events.
    if (mongoErrorKind(error) !== 'duplicate-key') throw error;
  }
}
