import type { AnyAggregate, CommandOf, StateOf } from '../aggregate/defineAggregate';
import { streamIdOf } from '../aggregate/defineAggregate';
import { Rejection, rejectionOf } from '../aggregate/rejection';
import { evolveParsed } from '../aggregate/replay';
import { decidedEvents, DomainCodeError, markDomainCode, thrownText } from '../aggregate/domainCode';
import type { Clock } from '../core/clock';
import { systemClock } from '../core/clock';
import { isoTime } from '../core/isoTime';
import type { EventMetadata, NewEvent, RecordedEvent } from '../core/envelope';
import { AppendOutcomeUnknownError, appendMayHaveLanded, EventspecError, IdempotencyError, InvariantViolation, WrongExpectedVersionError } from '../core/errors';
import type { IdGenerator } from '../core/ids';
import { randomIds } from '../core/ids';
import { didYouMean } from '../core/suggest';
import { parseContract, show } from '../contracts/parseContract';
import type { Domain } from '../domain/defineDomain';
import type { AppendResult, EventStore } from '../eventStore/eventStore';
import type { DirectAccess } from '../eventStore/directAccess';
import { directAccessOf } from '../eventStore/directAccess';
import type { ExpectedVersion } from '../eventStore/expectedVersion';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import { commandEventId, storedCommand } from './commandEventIds';
import type { CommandLog } from './commandLog';
import { inMemoryCommandLog } from './commandLog';
import type { Accepted, CommandResult } from './commandResult';
import type { Loaded, LoadOptions } from './loadAggregate';
import { loadAggregate, loadDirect } from './loadAggregate';
import { stateCache } from './stateCache';
import { streamQueue } from './streamQueue';

export interface CommandHandlerOptions {
  domain: Domain;
  store: EventStore;
  snapshots?: SnapshotStore;
  commandLog?: CommandLog;
  clock?: Clock;
  /** Makes a command id when the caller gives none (once per `handle`); event ids derive from it. */
  ids?: IdGenerator;
  /** Attempts after a concurrency conflict before giving up (default 3). */
  retries?: number;
  /**
   * Streams whose latest state the handler keeps in memory (default 1000; 0 = none). The store
   * stays the truth: a cached state only saves replaying the events it already covers.
   */
  cacheSize?: number;
  /**
   * Told when a snapshot could not be saved after a command's events were stored. The command is
   * still accepted (its events are the truth; loading replays them), so a caller never retries
   * what is already recorded. Default: a process warning. What this throws, the command throws.
   */
  onSnapshotFailure?: (error: unknown, snapshot: { streamId: string; version: number }) => void;
}

export interface SendOptions {
  /** Same id, same answer: a command id already handled is answered from the command log. */
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  /** User metadata copied onto every event the command records. */
  metadata?: Record<string, unknown>;
  /** Fail instead of retrying unless the stream is at this version (optimistic UI). */
  expectedVersion?: number;
}

export interface CommandRequest extends SendOptions {
  aggregate: string;
  id: string;
  command: { type: string; data?: unknown };
}

export interface CommandHandler {
  handle(request: CommandRequest): Promise<CommandResult>;
  /** Typed form of `handle`: the command is checked against the aggregate's types. */
  send<A extends AnyAggregate>(aggregate: A, id: string, command: CommandOf<A>, options?: SendOptions): Promise<CommandResult>;
  load<A extends AnyAggregate>(aggregate: A, id: string, options?: LoadOptions): Promise<Loaded<StateOf<A>>>;
}

/** What every answer to one command shares. */
type Base = Omit<Accepted, 'status' | 'version' | 'events'>;

interface Queued {
  request: CommandRequest;
  aggregate: AnyAggregate;
  streamId: string;
  /** Set when the direct path already made the command's id and found a conflict: the queued run retries with it. */
  commandId?: string;
}

/** What a command is before any state is loaded: checked, parsed, with its id. */
interface Prepared {
  type: string;
  commandId: string;
  data: unknown;
  /** The command's data as JSON, kept only for a caller-given id (only that can come back). */
  fingerprint: string | undefined;
  base: Base;
}

/** A decision on a loaded state: a rejection (already answered) or the new events. */
type Decided = { rejected: CommandResult; events?: undefined; now?: undefined } | { rejected?: undefined; events: NewEvent[]; now: Date };

export class ConcurrencyError extends EventspecError {
  override name = 'ConcurrencyError';
}

/** A command id already answered for another stream, command or data: a new command needs a new id. */
export class CommandIdReusedError extends EventspecError {
  override name = 'CommandIdReusedError';
  /** The message without either request's data: what may be told to another client (an HTTP answer). */
  readonly withoutData: string;
  constructor(message: string, withoutData = message) {
    super(message);
    this.withoutData = withoutData;
  }
}

/** load → decide → validate → check invariants → append with the expected version → snapshot. */
export function createCommandHandler(options: CommandHandlerOptions): CommandHandler {
  const { domain, store, snapshots } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const retries = options.retries ?? 3;
  const commandLog = options.commandLog ?? inMemoryCommandLog();
  const cache = stateCache(options.cacheSize ?? 1000);
  const onSnapshotFailure = options.onSnapshotFailure ?? warnSnapshotFailure;

  /**
   * Commands to one stream run one after another, in order of arrival, so within this handler they
   * never conflict (optimistic concurrency is then only between processes); other streams run alongside.
   */
  const queue = streamQueue<Queued, CommandResult>(handleQueued);
  const runningDirect = new Set<string>();

  function handle(request: CommandRequest): Promise<CommandResult> {
    let aggregate: AnyAggregate;
    try {
      aggregate = domain.aggregate(request.aggregate);
    } catch (error) {
      return Promise.reject(error);
    }
    const malformed = malformedRequest(aggregate.name, request);
    if (malformed !== undefined) return Promise.reject(new EventspecError(malformed));
    const streamId = streamIdOf(aggregate, request.id);
    const direct = directAccessOf(store);
    // The in-memory store's whole command runs in this call, so no other command can come between
    // its load and its append: it needs no line, no promise per step. A caller-given id (the
    // command log), snapshots, or a line already waiting on this stream take the general path.
    // A command sent from inside one running here (a decide that sends) waits in line, as on the general path.
    if (direct !== undefined && request.commandId === undefined && (snapshots === undefined || aggregate.snapshot === undefined) && !queue.has(streamId) && !runningDirect.has(streamId)) {
      runningDirect.add(streamId);
      try {
        return Promise.resolve(handleDirect(direct, request, aggregate, streamId));
      } catch (error) {
        return Promise.reject(error);
      } finally {
        runningDirect.delete(streamId);
      }
    }
    return queue.run(streamId, { request, aggregate, streamId });
  }

  function handleQueued(queued: Queued): Promise<CommandResult> {
    return handleNow(queued.request, queued.aggregate, queued.streamId, queued.commandId);
  }

  /** Checks and parses the command and fixes its id, once per call: every attempt sends the same event ids. */
  function prepare(request: CommandRequest, aggregate: AnyAggregate, streamId: string, givenId: string | undefined): Prepared {
    const type = request.command.type;
    const contract = aggregate.commandsByName.get(type);
    if (!contract) {
      throw new EventspecError(`${aggregate.name} has no command \`${type}\`${didYouMean(type, [...aggregate.commandsByName.keys()])}`);
    }
    if (request.expectedVersion !== undefined && !(Number.isInteger(request.expectedVersion) && request.expectedVersion >= 0)) {
      throw new EventspecError(
        `${type} on "${streamId}": expectedVersion ${String(request.expectedVersion)} is not a version; pass the whole number ≥ 0 the stream was at ` +
          '(0 = a new stream), or leave it out to have conflicts retried',
      );
    }
    const commandId = givenId ?? request.commandId ?? ids();
    const data = parseContract(contract, request.command.data ?? {}, `${streamId}`);
    // Only a caller-given id can come back, so only then is the command's data remembered.
    const fingerprint = request.commandId !== undefined ? JSON.stringify(data) : undefined;
    const base: Base = fingerprint !== undefined
      ? { commandId, aggregate: aggregate.name, streamId, command: type, replayed: false, fingerprint }
      : { commandId, aggregate: aggregate.name, streamId, command: type, replayed: false };
    return { type, commandId, data, fingerprint, base };
  }

  /**
   * Decides on the loaded state. A rejection is answered here (the state is cached as loaded); any
   * other failure of decide drops the cached state, which an evolve may have changed in place.
   */
  function decideOn(request: CommandRequest, aggregate: AnyAggregate, streamId: string, prepared: Prepared, loaded: Loaded): Decided {
    const { type, commandId, data, base } = prepared;
    if (request.expectedVersion !== undefined && loaded.version !== request.expectedVersion) {
      // The load may have evolved the cached state in place with events it did not cover.
      cache.delete(streamId);
      throw new WrongExpectedVersionError(streamId, `version ${request.expectedVersion}`, loaded.version);
    }
    const now = clock.now();
    let produced: readonly { type: string; data: unknown }[];
    try {
      const decide = (aggregate.decide as Record<string, (c: unknown, s: unknown, ctx: unknown) => unknown>)[type]!;
      const out = decide(data, loaded.state, {
        id: request.id,
        streamId,
        now,
        reject: (rejection: string, message?: string): never => {
          throw rejectionOf(aggregate, type, rejection, message);
        },
      });
      produced = decidedEvents(aggregate.name, type, streamId, out) as { type: string; data: unknown }[];
    } catch (error) {
      if (!(error instanceof Rejection)) {
        cache.delete(streamId);
        // The caller gets the error decide threw, as it is; marked, so a step or an HTTP answer can say whose it is.
        if (!(error instanceof EventspecError)) markDomainCode(error, `${aggregate.name}'s decide for ${type} on "${streamId}"`);
        throw error;
      }
      // The load may have evolved the cached state past its cached version (in place, for an evolve that mutates).
      cache.set(streamId, loaded.version, loaded.state);
      return { rejected: Object.assign({}, base, { status: 'rejected' as const, rejection: error.rejection, message: error.message }) };
    }
    // One metadata object for all the command's events (the store copies it once per batch).
    const metadata = eventMetadata(request, isoTime(now), commandId);
    try {
      return { events: produced.map((event, i) => toNewEvent(aggregate, streamId, type, event, i, metadata, commandEventId(commandId, i))), now };
    } catch (error) {
      cache.delete(streamId);
      throw error;
    }
  }

  /**
   * The general path's work, synchronously, on a store in this process: load from the cache and
   * the stream's own array, decide, append. Same checks, answers and errors; only a conflict (an
   * id generator that repeats ids) goes on asynchronously, as the general path would.
   */
  function handleDirect(direct: DirectAccess, request: CommandRequest, aggregate: AnyAggregate, streamId: string): CommandResult | Promise<CommandResult> {
    const prepared = prepare(request, aggregate, streamId, undefined);
    let loaded: Loaded;
    try {
      loaded = loadDirect(direct, aggregate, streamId, cache.get(streamId));
    } catch (error) {
      cache.delete(streamId);
      throw error;
    }
    const decided = decideOn(request, aggregate, streamId, prepared, loaded);
    if (decided.rejected !== undefined) return decided.rejected;
    try {
      const state = applyAndCheck(aggregate, streamId, prepared.type, loaded, decided.events);
      // Ids derived from a random uuid made for this very command cannot be stored yet.
      const appended = direct.appendNow(streamId, decided.events, { expectedVersion: loaded.version === 0 ? 'no_stream' : loaded.version }, { idsAreNew: ids === randomIds, parsedBy: aggregate });
      cache.set(streamId, appended.nextExpectedVersion, state);
      return Object.assign({}, prepared.base, { status: 'accepted' as const, version: appended.nextExpectedVersion, events: appended.events });
    } catch (error) {
      cache.delete(streamId);
      if (error instanceof WrongExpectedVersionError || error instanceof IdempotencyError) return afterDirectConflict(error, request, aggregate, streamId, prepared);
      throw error;
    }
  }

  /** As the general path does after a conflict: answer from the stream if these ids are stored, else retry in the stream's line. */
  async function afterDirectConflict(error: Error, request: CommandRequest, aggregate: AnyAggregate, streamId: string, prepared: Prepared): Promise<CommandResult> {
    // The id was generated here (a caller-given one takes the general path), so it is not logged.
    const stored = await storedCommand(store, streamId, prepared.commandId, prepared.base);
    if (stored) return stored;
    if (!(error instanceof WrongExpectedVersionError) || request.expectedVersion !== undefined) throw error;
    return queue.run(streamId, { request, aggregate, streamId, commandId: prepared.commandId });
  }

  async function handleNow(request: CommandRequest, aggregate: AnyAggregate, streamId: string, givenId?: string): Promise<CommandResult> {
    const prepared = prepare(request, aggregate, streamId, givenId);
    const { type, commandId, fingerprint, base } = prepared;
    if (fingerprint !== undefined) {
      const previous = await commandLog.get(commandId);
      if (previous) return answerRepeat(previous, streamId, type, fingerprint);
      // Not in the log, but an earlier try may have stored its events and lost the answer (a
      // timeout, a crash before the log was written): the stream is the record of that.
      const stored = await storedCommand(store, streamId, commandId, base);
      if (stored) {
        await commandLog.record({ ...stored, replayed: false });
        return stored;
      }
    }

    for (let attempt = 0; ; attempt++) {
      let loaded: Loaded;
      try {
        loaded = await loadAggregate({ store, snapshots, known: cache.get(streamId) }, aggregate, streamId);
      } catch (error) {
        // An evolve that mutates in place and then threw has left the cached state half-changed.
        cache.delete(streamId);
        throw error;
      }
      const decided = decideOn(request, aggregate, streamId, prepared, loaded);
      if (decided.rejected !== undefined) {
        // Only a caller-given id can be asked about again; a generated one would only fill the log.
        if (fingerprint !== undefined) await commandLog.record(decided.rejected);
        return decided.rejected;
      }
      const { events, now } = decided;
      let state: unknown;
      try {
        state = applyAndCheck(aggregate, streamId, type, loaded, events);
        const appended = await appendOnce(streamId, events, loaded.version === 0 ? 'no_stream' : loaded.version, commandId);
        cache.set(streamId, appended.nextExpectedVersion, state);
        const result: CommandResult = Object.assign({}, base, { status: 'accepted' as const, version: appended.nextExpectedVersion, events: appended.events });
        // Logged before the snapshot: once the events are stored, a retry of this id must be answered, not run again.
        // A generated id is not logged: nobody can ask about it but through the result, and the
        // stream answers that (its events carry ids derived from the command id).
        if (fingerprint !== undefined) await commandLog.record(result);
        if (snapshotDue(aggregate, loaded.version, appended.nextExpectedVersion)) await saveSnapshot(aggregate, streamId, appended.nextExpectedVersion, state, now);
        return result;
      } catch (error) {
        // An evolve that changed the cached state in place must not leave unstored events behind.
        cache.delete(streamId);
        if (error instanceof WrongExpectedVersionError || error instanceof IdempotencyError) {
          // The same command, running elsewhere at once (or an earlier try), may have stored these very ids.
          const stored = await storedCommand(store, streamId, commandId, base);
          if (stored) {
            if (fingerprint !== undefined) await commandLog.record({ ...stored, replayed: false });
            return stored;
          }
        }
        if (!(error instanceof WrongExpectedVersionError) || request.expectedVersion !== undefined) throw error;
        if (attempt >= retries) {
          throw new ConcurrencyError(`${type} on "${streamId}" kept conflicting with other writers after ${retries + 1} attempts; try again`);
        }
      }
    }
  }

  /**
   * Appends; when the outcome is unknown (the write may have landed), sends the very same batch
   * with the same expected version once more. The store then says it is already stored, or stores
   * it, or reports the conflict; in no case are the events stored twice.
   */
  async function appendOnce(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion, commandId: string): Promise<AppendResult> {
    try {
      return await store.append(streamId, events, { expectedVersion });
    } catch (error) {
      if (!appendMayHaveLanded(error)) throw error;
    }
    try {
      return await store.append(streamId, events, { expectedVersion });
    } catch (error) {
      if (!appendMayHaveLanded(error)) throw error;
      throw new AppendOutcomeUnknownError(streamId, describe(error), { cause: error, commandId });
    }
  }

  /** Whether the command crossed a multiple of the policy's `every`; decided without an await, as it mostly is no. */
  function snapshotDue(aggregate: AnyAggregate, before: number, after: number): boolean {
    const policy = aggregate.snapshot;
    return snapshots !== undefined && policy !== undefined && Math.floor(after / policy.every) !== Math.floor(before / policy.every);
  }

  async function saveSnapshot(aggregate: AnyAggregate, streamId: string, after: number, state: unknown, now: Date) {
    try {
      await snapshots!.save({ streamId, version: after, snapshotVersion: aggregate.snapshot!.version ?? 1, state, takenAt: now.toISOString() });
    } catch (error) {
      onSnapshotFailure(error, { streamId, version: after });
    }
  }

  return {
    handle,
    send: (aggregate, id, command, sendOptions = {}) =>
      handle(Object.assign({}, sendOptions, { aggregate: aggregate.name, id, command: command as { type: string; data: unknown } })),
    load: async (aggregate, id, loadOptions) =>
      (await loadAggregate({ store, snapshots }, aggregate, streamIdOf(aggregate, id), loadOptions)) as Loaded<StateOf<typeof aggregate>>,
  };

  function answerRepeat(previous: CommandResult, streamId: string, type: string, fingerprint: string): CommandResult {
    if (previous.streamId !== streamId || previous.command !== type) {
      throw new CommandIdReusedError(
        `command id ${previous.commandId} was already used for ${previous.command} on "${previous.streamId}"; a new command needs a new id`,
        `command id ${previous.commandId} was already used for another command or stream; a new command needs a new id`,
      );
    }
    if (previous.fingerprint !== undefined && previous.fingerprint !== fingerprint) {
      const reused = `command id ${previous.commandId} was already used for ${type} on "${streamId}" with other data`;
      throw new CommandIdReusedError(`${reused} (${previous.fingerprint}, now ${fingerprint}); a new command needs a new id`, `${reused}; a new command needs a new id`);
    }
    return { ...previous, replayed: true };
  }
}

/** Why a request cannot name a stream and a command, before it joins any stream's line. */
function malformedRequest(aggregate: string, request: CommandRequest): string | undefined {
  if (typeof request.id !== 'string' || request.id.length === 0) {
    return `a command to ${aggregate} needs the aggregate's id as a non-empty string (the stream is "${aggregate}-<id>"), got ${show(request.id)}`;
  }
  const command: unknown = request.command;
  if (command === null || typeof command !== 'object' || typeof (command as { type?: unknown }).type !== 'string') {
    return `the command to ${aggregate} "${request.id}" must be { type, data } with the command's name as type, got ${show(command)}`;
  }
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function toNewEvent(
  aggregate: AnyAggregate,
  streamId: string,
  command: string,
  event: { type: string; data: unknown },
  index: number,
  metadata: EventMetadata,
  id: string,
): NewEvent {
  // Only a failure needs the place spelled out.
  const where = () => `${aggregate.name}.decide.${command} on "${streamId}", event ${index + 1}`;
  if (event === null || typeof event !== 'object' || typeof event.type !== 'string') {
    throw new DomainCodeError(`${where()}: decide returned ${show(event)} where an event { type, data } was expected; return events as { type: 'SomethingHappened', data: { … } }`);
  }
  const contract = aggregate.eventsByName.get(event.type);
  // What decide returns is the domain code's responsibility: a wrong event is its bug, not the caller's.
  if (!contract) {
    throw new DomainCodeError(`${where()}: ${aggregate.name} has no event \`${String(event?.type)}\`${didYouMean(String(event?.type), [...aggregate.eventsByName.keys()])}`);
  }
  const parsed = contract.schema.safeParse(event.data);
  if (parsed.success) return { id, type: contract.name, schemaVersion: contract.version, data: parsed.data, metadata };
  let data: unknown;
  try {
    data = parseContract(contract, event.data, where());
  } catch (error) {
    throw new DomainCodeError(`${(error as Error).message}; decide made this data: fix ${aggregate.name}'s decide for ${command} (or the event's schema). Nothing was stored.`, { cause: error });
  }
  return { id, type: contract.name, schemaVersion: contract.version, data, metadata };
}

/**
 * The metadata of a command's events, built once. A bare spread, then assignments: on Node 20
 * `{ ...object, more }` leaves V8's fast path.
 */
function eventMetadata(request: CommandRequest, occurredAt: string, commandId: string): EventMetadata {
  let metadata: EventMetadata;
  if (request.metadata === undefined) metadata = { occurredAt };
  else {
    metadata = { ...request.metadata } as EventMetadata;
    metadata.occurredAt = occurredAt;
  }
  metadata.correlationId = request.correlationId ?? commandId;
  metadata.causationId = request.causationId ?? commandId;
  metadata.commandId = commandId;
  return metadata;
}

/** Evolves the loaded state with the new events and checks every invariant before anything is stored. */
function applyAndCheck(aggregate: AnyAggregate, streamId: string, command: string, loaded: Loaded, events: readonly NewEvent[]): unknown {
  let state = loaded.state;
  // The events of one command share their metadata, so they share its provisional form too.
  let provisionalMetadata: RecordedEvent['metadata'] | undefined;
  events.forEach((event, i) => {
    if (provisionalMetadata === undefined || events[i - 1]!.metadata !== event.metadata) {
      provisionalMetadata = Object.assign({}, event.metadata, { recordedAt: event.metadata.occurredAt });
    }
    // Spelled out: on Node 20 `{ ...object, more }` falls off V8's fast path and costs ~0.5 µs a time.
    const provisional: RecordedEvent = {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      streamId,
      version: loaded.version + i + 1,
      position: 0,
      metadata: provisionalMetadata,
    };
    // toNewEvent has just parsed the data by its contract: a second parse is needed only if it could change it.
    state = evolveParsed(aggregate, state, provisional, command);
  });
  for (const invariant of aggregate.invariants) {
    let holds: boolean;
    try {
      holds = invariant.holds(state);
    } catch (error) {
      throw new DomainCodeError(
        `invariant "${invariant.name}" of ${aggregate.name} threw ${thrownText(error)} while checking stream "${streamId}" after ${command}. ` +
          'Nothing was stored. An invariant must return true or false for every state, the initial one included.',
        { cause: error },
      );
    }
    if (holds === undefined) {
      // A forgotten `return` would otherwise read as a broken rule on every command.
      throw new DomainCodeError(
        `invariant "${invariant.name}" of ${aggregate.name} returned nothing while checking stream "${streamId}" after ${command}. ` +
          'Nothing was stored. An invariant must return true or false, e.g. `holds: (state) => state.balance >= 0`.',
      );
    }
    if (!holds) throw new InvariantViolation(aggregate.name, invariant.name, streamId, state);
  }
  return state;
}

function warnSnapshotFailure(error: unknown, snapshot: { streamId: string; version: number }): void {
  process.emitWarning(`the events of stream "${snapshot.streamId}" up to version ${snapshot.version} are stored, but no snapshot was saved: ${error instanceof Error ? error.message : String(error)}`, { code: 'EVENTSPEC_SNAPSHOT_FAILED' });
}
