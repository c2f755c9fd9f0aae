import type { AnyAggregate } from '../aggregate/defineAggregate';
import { streamIdOf } from '../aggregate/defineAggregate';
import { createCommandHandler } from '../commandHandling/commandHandler';
import type { CommandHandler, SendOptions } from '../commandHandling/commandHandler';
import type { CommandResult } from '../commandHandling/commandResult';
import type { Loaded, LoadOptions } from '../commandHandling/loadAggregate';
import type { ControllableClock } from '../core/clock';
import { controllableClock } from '../core/clock';
import type { EventMetadata, NewEvent, RecordedEvent } from '../core/envelope';
import type { IdGenerator } from '../core/ids';
import { sequentialIds } from '../core/ids';
import { parseContract } from '../contracts/parseContract';
import type { Domain } from '../domain/defineDomain';
import { inMemoryReadModelStore } from '../projections/inMemoryReadModelStore';
import { inlineProjections } from '../projections/inlineProjections';
import { isProjection } from '../projections/defineProjection';
import { projectionRunner } from '../projections/projectionRunner';
import type { ProjectionRunner } from '../projections/projectionRunner';
import type { ReadModelStore } from '../projections/readModelStore';
import { inlineProcesses } from '../processes/inlineProcesses';
import { isProcess } from '../processes/defineProcess';
import type { AnyProcess } from '../processes/defineProcess';
import { processRunner } from '../processes/processRunner';
import { processesOnDemand } from './processesOnDemand';
import type { ProcessRunner } from '../processes/processRunner';
import type { SentCommand } from '../processes/processStep';
import type { ScenarioStores } from './scenarioStores';
import type { ScenarioTransportFactory } from './scenarioTransport';

/** An event stated as history: data at the contract's current version unless `schemaVersion` says otherwise. */
export interface HistoryEvent {
  type: string;
  data: unknown;
  schemaVersion?: number;
  metadata?: Record<string, unknown>;
}

/** The scenario's read side: its read models and the runner that keeps them up to date. */
export interface ScenarioReadSide {
  readonly mode: 'live' | 'inline';
  readonly readModels: ReadModelStore;
  readonly runner: ProjectionRunner;
}

/** The scenario's processes: their runner and every command they sent. */
export interface ScenarioProcesses {
  readonly runner: ProcessRunner;
  /** Commands the processes sent, in order; `whenStart` is where the When steps begin. */
  readonly sent: readonly SentCommand[];
  readonly whenStart: number;
}

export interface LastCommand {
  aggregate: AnyAggregate;
  streamId: string;
  result: CommandResult;
}

/**
 * One executable scenario: a fresh store, a controllable clock, deterministic ids, the real
 * command handler, and a record of what happened (for assertions and for the documentation).
 */
export interface Scenario {
  readonly domain: Domain;
  readonly clock: ControllableClock;
  readonly stores: ScenarioStores;
  readonly handler: CommandHandler;
  /** Every event this scenario stored, history and outcomes, in order. */
  readonly recorded: readonly RecordedEvent[];
  readonly last: LastCommand | undefined;
  /** Present when the domain has projections: read models fed from this scenario's store. */
  readonly readSide: ScenarioReadSide | undefined;
  /** Present when the domain has processes or policies. */
  readonly processes: ScenarioProcesses | undefined;
  /** Events this scenario's commands recorded on a stream (its history excluded). */
  commandEvents(streamId: string): readonly RecordedEvent[];
  record(aggregate: AnyAggregate, id: string, events: readonly HistoryEvent[]): Promise<RecordedEvent[]>;
  /** Records events as happening now (`When … records …`): the processes react, and what follows counts as the outcome. */
  occur(aggregate: AnyAggregate, id: string, events: readonly HistoryEvent[]): Promise<RecordedEvent[]>;
  /** Lets time pass: deadlines that fall due fire, and the processes handle what follows. */
  pass(milliseconds: number, phase: 'given' | 'when'): Promise<void>;
  /** Waits until the processes (and inline read models) have handled every stored event. */
  settle(): Promise<void>;
  /**
   * Says which part of the scenario runs now. Commands sent while it is `given` are history (the
   * processes handle them before the next step); the first `when` starts what the Then steps check.
   * Without it, the first command sent starts the When part.
   */
  enter(phase: 'given' | 'when' | 'then'): void;
  send(aggregate: AnyAggregate, id: string, command: { type: string; data?: unknown }, options?: SendOptions): Promise<CommandResult>;
  load(aggregate: AnyAggregate, id: string, options?: LoadOptions): Promise<Loaded>;
}

export interface ScenarioOptions {
  domain: Domain;
  stores: ScenarioStores;
  clock?: ControllableClock;
  ids?: IdGenerator;
  /**
   * How the domain's projections follow the store: `live` (a runner catching up in the
   * background, started by `openReadSide`), `inline` (applied before each append returns) or `off`.
   */
  readSide?: 'live' | 'inline' | 'off';
  /** How the steps send commands and read state and read models (default: in process). */
  transport?: ScenarioTransportFactory;
}

export function createScenario(options: ScenarioOptions): Scenario {
  const { domain } = options;
  const clock = options.clock ?? controllableClock();
  const ids = options.ids ?? sequentialIds();
  const mode = options.readSide ?? 'live';
  const readModels = options.stores.readModels ?? inMemoryReadModelStore();
  const ownReadSide = createReadSide(domain, options.stores, readModels, mode);
  const recorded: RecordedEvent[] = [];
  const byCommands = new Map<string, RecordedEvent[]>();
  const sent: SentCommand[] = [];
  let whenStart: number | undefined;
  let phase: 'given' | 'when' | 'then' | undefined;
  // In store order: inline processes record their commands' events before the append that caused them returns.
  const byPosition = (a: RecordedEvent, b: RecordedEvent) => a.position - b.position;
  const keep = (events: readonly RecordedEvent[], fromCommand: boolean) => {
    recorded.push(...events);
    if (events.length > 0 && recorded.length > events.length && recorded[recorded.length - events.length - 1]!.position > events[0]!.position) recorded.sort(byPosition);
    if (!fromCommand) return;
    for (const event of events) byCommands.set(event.streamId, [...(byCommands.get(event.streamId) ?? []), event].sort(byPosition));
  };
  // Inline read models see every append, history and commands alike, before it returns.
  const projected = ownReadSide?.mode === 'inline' ? inlineProjections(options.stores.events, ownReadSide.runner) : options.stores.events;
  const processList = processesOf(domain);
  // Made only once an event some process handles is stored (processesOnDemand.ts).
  const onDemand =
    processList.length > 0
      ? processesOnDemand(processList, () =>
          processRunner({
            events: options.stores.events,
            readModels,
            domain,
            processes: processList,
            // Below the processes' own inline wrapper: an append there would wait for the runner it runs in.
            commands: createCommandHandler({ domain, store: projected, snapshots: options.stores.snapshots, clock, ids, onSnapshotFailure: failScenario }),
            clock,
            deadlineCheckEvery: 0,
            onSent: (command) => {
              sent.push(command);
              if (command.result.status === 'accepted' && !command.result.replayed) keep(command.result.events, whenStart !== undefined);
            },
          }),
        )
      : undefined;
  const processes = onDemand?.runner;
  const watched = onDemand ? onDemand.watch(projected) : projected;
  const events = processes && mode === 'inline' ? inlineProcesses(watched, processes) : watched;
  const handler = createCommandHandler({ domain, store: events, snapshots: options.stores.snapshots, clock, ids, onSnapshotFailure: failScenario });
  const statuses = async () => [...((await ownReadSide?.runner.status()) ?? []), ...((await processes?.status()) ?? [])];
  const transport = options.transport?.({ domain, handler, events, readModels: ownReadSide || processes ? readModels : undefined, statuses });
  const stores: ScenarioStores = transport?.release
    ? { ...options.stores, events, dispose: async () => (await transport.release!(), options.stores.dispose()) }
    : { ...options.stores, events };
  const readSide = ownReadSide && transport?.readModels ? { ...ownReadSide, readModels: transport.readModels } : ownReadSide;
  let last: LastCommand | undefined;
  const beginWhen = () => (whenStart ??= sent.length);

  // Live processes are waited for too: what a scenario checks must not depend on timing.
  const settle = async () => {
    if (processes) await processes.caughtUp();
    if (ownReadSide?.mode === 'inline') await ownReadSide.runner.caughtUp();
  };

  const append = async (aggregate: AnyAggregate, id: string, events: readonly HistoryEvent[]) => {
    const streamId = streamIdOf(aggregate, id);
    const occurredAt = clock.now().toISOString();
    const batch = events.map((event, i): NewEvent => {
      const contract = domain.event(event.type).contract;
      const schemaVersion = event.schemaVersion ?? contract.version;
      // History at the current version is checked now; older versions are checked when upcast on read.
      const data = schemaVersion === contract.version ? parseContract(contract, event.data, `${streamId}, history event ${i + 1}`) : event.data;
      const metadata: EventMetadata = { ...event.metadata, occurredAt };
      return { id: ids(), type: contract.name, schemaVersion, data, metadata };
    });
    const result = await stores.events.append(streamId, batch, { expectedVersion: 'any' });
    return result.events;
  };

  return {
    domain,
    clock,
    stores,
    handler,
    recorded,
    get last() {
      return last;
    },
    readSide,
    processes: processes
      ? {
          runner: processes,
          sent,
          get whenStart() {
            return whenStart ?? sent.length;
          },
        }
      : undefined,
    commandEvents: (streamId) => byCommands.get(streamId) ?? [],
    async record(aggregate, id, events) {
      const stored = await append(aggregate, id, events);
      keep(stored, false);
      // History is the past: the processes have handled it before anything happens now.
      if (processes) await settle();
      return stored;
    },
    async occur(aggregate, id, events) {
      if (phase !== 'given') beginWhen();
      const stored = await append(aggregate, id, events);
      keep(stored, false);
      return stored;
    },
    async pass(milliseconds, when) {
      if (when === 'when') beginWhen();
      clock.advance(milliseconds);
      if (!processes) return;
      await processes.fireDue();
      await settle();
    },
    settle,
    async send(aggregate, id, command, sendOptions = {}) {
      if (phase !== 'given') beginWhen();
      const request = { ...sendOptions, aggregate: aggregate.name, id, command };
      const result = await (transport ? transport.send(request) : handler.handle(request));
      last = { aggregate, streamId: result.streamId, result };
      if (result.status === 'accepted' && !result.replayed) keep(result.events, phase !== 'given');
      // A command in the Given part is history: the processes have handled it before anything happens now.
      if (phase === 'given' && processes) await settle();
      return result;
    },
    enter(next) {
      phase = next;
      if (next === 'when') beginWhen();
    },
    load: (aggregate, id, loadOptions) => (transport ? transport.load(aggregate, id, loadOptions) : handler.load(aggregate, id, loadOptions)),
  };
}

const domainProcesses = new WeakMap<Domain, readonly AnyProcess[]>();

/** The domain's processes (not its policies), one list per domain. */
function processesOf(domain: Domain): readonly AnyProcess[] {
  let processes = domainProcesses.get(domain);
  if (!processes) {
    processes = domain.processes.filter(isProcess);
    domainProcesses.set(domain, processes);
  }
  return processes;
}

function createReadSide(domain: Domain, stores: ScenarioStores, readModels: ReadModelStore, mode: 'live' | 'inline' | 'off'): ScenarioReadSide | undefined {
  if (mode === 'off' || !domain.projections.some(isProjection)) return undefined;
  const make = () => projectionRunner({ events: stores.events, readModels, domain });
  return { mode, readModels, runner: mode === 'live' ? runnerOnFirstUse(make) : make() };
}

/**
 * A live runner made when first used: most scenarios never read a read model, and making one
 * checks every projection against the domain. Stopping one never made does nothing.
 */
function runnerOnFirstUse(make: () => ProjectionRunner): ProjectionRunner {
  let runner: ProjectionRunner | undefined;
  const made = () => (runner ??= make());
  return {
    get projections() {
      return made().projections;
    },
    start: () => made().start(),
    stop: async () => {
      if (runner) await runner.stop();
    },
    caughtUp: () => made().caughtUp(),
    rebuild: (name) => made().rebuild(name),
    status: () => made().status(),
    within: (name, work) => made().within(name, work),
  };
}

/** In a scenario a snapshot that cannot be saved fails the step: in production it would only be a warning, easy to miss. */
function failScenario(error: unknown): never {
  throw error;
}
