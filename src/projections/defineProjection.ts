import { NAME, NAME_RULE } from '../core/names';
import type { z } from 'zod';
import type { DataOf, EventContract } from '../contracts/contract';
import type { RecordedEvent } from '../core/envelope';
import type { DomainPart } from '../domain/defineDomain';
import { callerSite } from '../core/sourceSite';

/** A stored event as a projection sees it: data upcast to the current version and parsed. */
export interface ProjectedEvent<Type extends string = string, Data = unknown> extends RecordedEvent<Type, Data> {
  /** The stream id without its `<Aggregate>-` prefix: `Order-o-1` → `o-1`. */
  readonly aggregateId: string;
}

/** What a handler may do to one read model. Writes are staged and committed with the checkpoint. */
export interface ReadModelAccess<Doc> {
  get(id: string): Promise<Doc | undefined>;
  /** Replaces (or creates) the document; it is checked against the read model's schema. */
  put(id: string, doc: Doc): void;
  /** Reads, computes the next document from the current one; `undefined` deletes it. */
  update(id: string, next: (current: Doc | undefined) => Doc | undefined): Promise<Doc | undefined>;
  delete(id: string): void;
}

export type ReadModelSchemas = Record<string, z.ZodType>;

export type ReadModelsAccess<Models extends ReadModelSchemas> = {
  readonly [Name in keyof Models]: ReadModelAccess<z.output<Models[Name]>>;
};

/** Bivariant parameters, so a concrete projection is still an `AnyProjection` (see defineAggregate). */
type Handler<Args extends unknown[], Result> = { bivarianceHack(...args: Args): Result }['bivarianceHack'];

type Named<Contracts extends readonly { name: string }[], Name> = Extract<Contracts[number], { name: Name }>;

export type ProjectionHandlers<Models extends ReadModelSchemas, From extends readonly EventContract[]> = {
  [Name in From[number]['name']]: Handler<
    [event: ProjectedEvent<Name, DataOf<Named<From, Name>>>, models: ReadModelsAccess<Models>],
    void | Promise<void>
  >;
};

export interface ProjectionConfig<Name extends string, Models extends ReadModelSchemas, From extends readonly EventContract[]> {
  name: Name;
  description?: string;
  /** The documents this projection owns, by read-model name (unique in a domain). */
  readModels: Models;
  /** The events it listens to; every other event only moves its checkpoint. */
  from: From;
  /** One handler per event in `from`. */
  handlers: ProjectionHandlers<Models, From>;
}

export interface Projection<
  Name extends string = string,
  Models extends ReadModelSchemas = ReadModelSchemas,
  From extends readonly EventContract[] = readonly EventContract[],
> extends DomainPart {
  readonly kind: 'projection';
  readonly name: Name;
  readonly description?: string;
  readonly readModels: Models;
  readonly from: From;
  readonly handlers: ProjectionHandlers<Models, From>;
  readonly eventsByName: ReadonlyMap<string, EventContract>;
  /** Set when a process runs as this projection, so its failures are called the process's. */
  readonly role?: 'process';
}

export type AnyProjection = Projection<string, ReadModelSchemas, readonly EventContract[]>;


export function defineProjection<const Name extends string, Models extends ReadModelSchemas, const From extends readonly EventContract[]>(
  config: ProjectionConfig<Name, Models, From>,
): Projection<Name, Models, From> {
  const where = `projection ${config.name}`;
  if (!NAME.test(config.name)) throw new TypeError(`${where}: the name ${NAME_RULE}`);
  const modelNames = Object.keys(config.readModels);
  if (modelNames.length === 0) throw new TypeError(`${where}: declare at least one read model in readModels`);
  for (const model of modelNames) {
    if (!NAME.test(model)) throw new TypeError(`${where}: read model name "${model}" ${NAME_RULE}`);
  }
  const eventsByName = new Map<string, EventContract>();
  for (const contract of config.from) {
    if (eventsByName.has(contract.name)) throw new TypeError(`${where}: event ${contract.name} is listed twice in from`);
    eventsByName.set(contract.name, contract);
  }
  const handlers = config.handlers as Record<string, unknown>;
  for (const name of eventsByName.keys()) {
    if (typeof handlers[name] !== 'function') throw new TypeError(`${where}: event ${name} is in from but has no handler`);
  }
  for (const name of Object.keys(handlers)) {
    if (!eventsByName.has(name)) throw new TypeError(`${where}: handler ${name} is not for an event in from; add the ${name} contract to from`);
  }
  const declaredAt = callerSite(__filename);
  const projection = {
    ...(declaredAt ? { declaredAt } : {}),
    kind: 'projection' as const,
    name: config.name,
    readModels: config.readModels,
    from: config.from,
    handlers: config.handlers,
    eventsByName,
  };
  return config.description !== undefined ? { ...projection, description: config.description } : projection;
}

/** Picks the projections out of a domain's registered parts. */
export function isProjection(part: DomainPart): part is AnyProjection {
  return part.kind === 'projection' && 'handlers' in part && 'readModels' in part;
}
