import type { AnyAggregate } from '../aggregate/defineAggregate';
import type { CommandHandler, CommandRequest } from '../commandHandling/commandHandler';
import type { CommandResult } from '../commandHandling/commandResult';
import type { Loaded, LoadOptions } from '../commandHandling/loadAggregate';
import { EventspecError } from '../core/errors';
import type { Domain } from '../domain/defineDomain';
import type { EventStore } from '../eventStore/eventStore';
import type { ProjectionStatus } from '../projections/projectionRunner';
import type { ReadModelStore } from '../projections/readModelStore';

/**
 * How a scenario's steps reach the domain: commands, state, read models. In process by default;
 * the `http` cucumber profile sends them through the service instead (src/service), so the
 * features prove the deployed API. History is still written to the stores directly.
 */
export interface ScenarioTransport {
  send(request: CommandRequest): Promise<CommandResult>;
  load(aggregate: AnyAggregate, id: string, options?: LoadOptions): Promise<Loaded>;
  /** Read models as the steps read them; writes stay with the scenario's runners. */
  readonly readModels?: ReadModelStore;
  /** Called when the scenario's stores are released. */
  release?(): Promise<void>;
}

/** What a transport serves: the scenario's own handler, stores and read side. */
export interface ScenarioParts {
  readonly domain: Domain;
  readonly handler: CommandHandler;
  readonly events: EventStore;
  readonly readModels: ReadModelStore | undefined;
  statuses(): Promise<readonly ProjectionStatus[]>;
}

export type ScenarioTransportFactory = (parts: ScenarioParts) => ScenarioTransport;

// A support file registers a transport by name (cucumber loads it before any scenario); the world
// parameter `transport` picks it. Module state, as cucumber's own step registry is.
const registered = new Map<string, ScenarioTransportFactory>();

export function registerScenarioTransport(name: string, factory: ScenarioTransportFactory): void {
  registered.set(name, factory);
}

export function scenarioTransportNamed(name: string): ScenarioTransportFactory {
  const factory = registered.get(name);
  if (factory) return factory;
  const known = [...registered.keys()];
  throw new EventspecError(
    `the world parameter transport "${name}" has no transport registered; ` +
      (name === 'http' ? 'the http profile requires support/http.ts, which registers it (see docs/service.md)' : `registered: ${known.length > 0 ? known.join(', ') : 'none'}`),
  );
}
