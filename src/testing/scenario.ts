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
import type { ScenarioStores } from './scenarioStores';

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
  /** Events this scenario's commands recorded on a stream (its history excluded). */
  commandEvents(streamId: string): readonly RecordedEvent[];
  record(aggregate: AnyAggregate, id: string, events: readonly HistoryEvent[]): Promise<RecordedEvent[]>;
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
}

export function createScenario(options: ScenarioOptions): Scenario {
  const { domain } = options;
  const clock = options.clock ?? controllableClock();
  const ids = options.ids ?? sequentialIds();
  const readSide = createReadSide(domain, options.stores, options.readSide ?? 'live');
  // Inline read models see every append, history and commands alike, before it returns.
  const stores: ScenarioStores =
    readSide?.mode === 'inline' ? { ...options.stores, events: inlineProjections(options.stores.events, readSide.runner) } : options.stores;
  const handler = createCommandHandler({ domain, store: stores.events, snapshots: stores.snapshots, clock, ids });
  const recorded: RecordedEvent[] = [];
  const byCommands = new Map<string, RecordedEvent[]>();
  let last: LastCommand | undefined;

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
    commandEvents: (streamId) => byCommands.get(streamId) ?? [],
    async record(aggregate, id, events) {
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
      recorded.push(...result.events);
      return result.events;
    },
    async send(aggregate, id, command, sendOptions = {}) {
      const result = await handler.handle({ ...sendOptions, aggregate: aggregate.name, id, command });
      last = { aggregate, streamId: result.streamId, result };
      if (result.status === 'accepted' && !result.replayed) {
        recorded.push(...result.events);
        byCommands.set(result.streamId, [...(byCommands.get(result.streamId) ?? []), ...result.events]);
      }
      return result;
    },
    load: (aggregate, id, loadOptions) => handler.load(aggregate, id, loadOptions),
  };
}

function createReadSide(domain: Domain, stores: ScenarioStores, mode: 'live' | 'inline' | 'off'): ScenarioReadSide | undefined {
  if (mode === 'off' || !domain.projections.some(isProjection)) return undefined;
  const readModels = stores.readModels ?? inMemoryReadModelStore();
  return { mode, readModels, runner: projectionRunner({ events: stores.events, readModels, domain }) };
}
