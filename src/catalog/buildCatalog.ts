import type { AnyAggregate } from '../aggregate/defineAggregate';
import type { CommandContract, EventContract } from '../contracts/contract';
import { exampleOf } from '../contracts/exampleOf';
import type { Domain } from '../domain/defineDomain';
import type { JsonSchema } from './jsonSchemaOf';
import { jsonSchemaOf } from './jsonSchemaOf';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
/** The one non-standard keyword of the catalog: an index of what the `$defs` are about. */
export const CATALOG_KEYWORD = 'x-eventspec';

export interface CatalogVersion {
  version: number;
  /** JSON Pointer of this version's schema, e.g. `#/$defs/OrderPlaced.v1`. */
  schema: string;
  /** Set on older versions: the version its upcaster lifts data to. */
  upcastsTo?: number;
}

export interface CatalogEntry {
  kind: 'event' | 'command';
  name: string;
  aggregate: string;
  /** Current schema version. */
  version: number;
  schema: string;
  description?: string;
  /** What a scenario uses when it names the type without data (the contract's, or one derived from its schema). */
  example: unknown;
  /** Oldest first; the last one is current. Older versions are the upcaster chain. */
  versions: CatalogVersion[];
  /** Parts of the schema JSON Schema cannot express; they accept any value. */
  unrepresentable?: string[];
}

export interface CatalogAggregate {
  name: string;
  description?: string;
  events: string[];
  commands: string[];
  rejections: { name: string; description: string }[];
}

export interface CatalogIndex {
  domain: string;
  description?: string;
  aggregates: CatalogAggregate[];
  events: CatalogEntry[];
  commands: CatalogEntry[];
}

/** A JSON Schema (draft 2020-12) document; its root validates a recorded event envelope. */
export interface Catalog {
  $schema: string;
  title: string;
  description: string;
  $ref: string;
  $defs: Record<string, JsonSchema>;
  [CATALOG_KEYWORD]: CatalogIndex;
}

export interface CatalogOptions {
  /**
   * Include the `x-eventspec` index (default true). JSON Schema allows unknown keywords, but Ajv's
   * strict mode refuses them unless told (`ajv.addKeyword('x-eventspec')`); without the index the
   * document uses standard keywords only.
   */
  index?: boolean;
}

/** `$defs` key of one contract version: `OrderPlaced.v2`. */
export function defKey(name: string, version: number): string {
  return `${name}.v${version}`;
}

/**
 * Every event and command of a domain as one JSON Schema document: `#/$defs/<Type>.v<N>` validates
 * the data of that type at that schema version (old versions too, from their upcasters), and
 * `#/$defs/Event` / `#/$defs/Command` validate whole messages by their type and version.
 */
export function buildCatalog(domain: Domain, options: { index: false }): Omit<Catalog, typeof CATALOG_KEYWORD>;
export function buildCatalog(domain: Domain, options?: CatalogOptions): Catalog;
export function buildCatalog(domain: Domain, options: CatalogOptions = {}): Catalog | Omit<Catalog, typeof CATALOG_KEYWORD> {
  const defs: Record<string, JsonSchema> = {};
  const events: CatalogEntry[] = [];
  const commands: CatalogEntry[] = [];
  const aggregates: CatalogAggregate[] = [];
  // A contract shared by two aggregates is listed once, under the first (as the domain registry does).
  const seen = new Map<string, string>();
  const first = (contract: EventContract | CommandContract): boolean => {
    const earlier = seen.get(contract.name);
    if (earlier !== undefined && earlier !== contract.kind) {
      throw new TypeError(
        `domain ${domain.name}: ${contract.name} is both an event and a command; the catalog names its $defs by type, so rename one`,
      );
    }
    seen.set(contract.name, contract.kind);
    return earlier === undefined;
  };

  for (const aggregate of domain.aggregates) {
    aggregates.push(aggregateEntry(aggregate));
    for (const contract of aggregate.events) {
      if (first(contract)) events.push(eventEntry(contract, aggregate.name, defs));
    }
    for (const contract of aggregate.commands) {
      if (first(contract)) commands.push(commandEntry(contract, aggregate.name, defs));
    }
  }
  defs.Event = messageSchema('An event envelope as stored: its data must match its type at its schema version.', events, true);
  defs.Command = messageSchema('A command message: its data must match the command type.', commands, false);

  const document = {
    $schema: JSON_SCHEMA_DIALECT,
    title: `${domain.name}: event and command catalog`,
    description:
      'Validates a recorded event envelope. Each $defs entry named <Type>.v<N> validates the data of that type at schema version N; ' +
      `$defs/Command validates a command message.` +
      (options.index === false ? '' : ` The "${CATALOG_KEYWORD}" keyword indexes aggregates, versions and upcasters.`),
    $ref: '#/$defs/Event',
    $defs: defs,
  };
  if (options.index === false) return document;
  const index: CatalogIndex = { domain: domain.name, aggregates, events, commands };
  if (domain.description !== undefined) index.description = domain.description;
  return { ...document, [CATALOG_KEYWORD]: index };
}

function aggregateEntry(aggregate: AnyAggregate): CatalogAggregate {
  const entry: CatalogAggregate = {
    name: aggregate.name,
    events: aggregate.events.map((e) => e.name),
    commands: aggregate.commands.map((c) => c.name),
    rejections: Object.entries(aggregate.rejections).map(([name, description]) => ({ name, description })),
  };
  if (aggregate.description !== undefined) entry.description = aggregate.description;
  return entry;
}

function eventEntry(contract: EventContract, aggregate: string, defs: Record<string, JsonSchema>): CatalogEntry {
  const unrepresentable: string[] = [];
  const versions: CatalogVersion[] = contract.upcasters.map((step) => {
    const key = defKey(contract.name, step.from);
    const converted = jsonSchemaOf(step.schema, key, 'output');
    unrepresentable.push(...converted.unrepresentable.map((p) => `v${step.from} ${p}`));
    Object.assign(defs, converted.defs);
    defs[key] = {
      title: `${contract.name} v${step.from}`,
      description: `${contract.name} as stored at schema version ${step.from}; upcast to v${step.from + 1} when read.`,
      deprecated: true,
      ...converted.schema,
    };
    return { version: step.from, schema: pointer(key), upcastsTo: step.from + 1 };
  });
  const current = currentVersion(contract, 'output', defs, unrepresentable);
  versions.push({ version: contract.version, schema: current.schema });
  return entry(contract, aggregate, current.schema, versions, unrepresentable);
}

function commandEntry(contract: CommandContract, aggregate: string, defs: Record<string, JsonSchema>): CatalogEntry {
  const unrepresentable: string[] = [];
  const current = currentVersion(contract, 'input', defs, unrepresentable);
  return entry(contract, aggregate, current.schema, [{ version: contract.version, schema: current.schema }], unrepresentable);
}

function currentVersion(
  contract: EventContract | CommandContract,
  io: 'input' | 'output',
  defs: Record<string, JsonSchema>,
  unrepresentable: string[],
): { schema: string } {
  const key = defKey(contract.name, contract.version);
  const converted = jsonSchemaOf(contract.schema, key, io);
  unrepresentable.push(...converted.unrepresentable.map((p) => `v${contract.version} ${p}`));
  Object.assign(defs, converted.defs);
  const annotations: JsonSchema = { title: `${contract.name} v${contract.version}` };
  if (contract.description !== undefined) annotations.description = contract.description;
  if (contract.example !== undefined) annotations.examples = [toJson(contract.example)];
  // The schema's own annotations (zod `.describe()`/`.meta()`) win over the contract's.
  defs[key] = { ...annotations, ...converted.schema };
  return { schema: pointer(key) };
}

function entry(
  contract: EventContract | CommandContract,
  aggregate: string,
  schema: string,
  versions: CatalogVersion[],
  unrepresentable: string[],
): CatalogEntry {
  const out: CatalogEntry = {
    kind: contract.kind,
    name: contract.name,
    aggregate,
    version: contract.version,
    schema,
    example: toJson(contract.example ?? exampleOf(contract.schema)),
    versions,
  };
  if (contract.description !== undefined) out.description = contract.description;
  if (unrepresentable.length > 0) out.unrepresentable = unrepresentable;
  return out;
}

/**
 * `{type, data}` checked by type (and schema version for events): one if/then per version, so a
 * validator reports the failing field of the right type instead of "matches none of N".
 */
function messageSchema(description: string, entries: readonly CatalogEntry[], versioned: boolean): JsonSchema {
  const required = versioned ? ['type', 'schemaVersion', 'data'] : ['type', 'data'];
  // With no types at all, nothing is a valid message (an empty enum is not allowed).
  const properties: JsonSchema = { type: entries.length > 0 ? { enum: entries.map((e) => e.name) } : false };
  if (versioned) properties.schemaVersion = { type: 'integer', minimum: 1 };
  const rules: JsonSchema[] = [];
  for (const e of entries) {
    if (versioned) {
      rules.push({
        if: { type: 'object', properties: { type: { const: e.name } }, required: ['type'] },
        then: { type: 'object', properties: { schemaVersion: { enum: e.versions.map((v) => v.version) } } },
      });
    }
    for (const v of e.versions) {
      const match: JsonSchema = versioned
        ? { type: 'object', properties: { type: { const: e.name }, schemaVersion: { const: v.version } }, required: ['type', 'schemaVersion'] }
        : { type: 'object', properties: { type: { const: e.name } }, required: ['type'] };
      rules.push({ if: match, then: { type: 'object', properties: { data: { $ref: v.schema } } } });
    }
  }
  const schema: JsonSchema = { description, type: 'object', required, properties };
  if (rules.length > 0) schema.allOf = rules;
  return schema;
}

function pointer(key: string): string {
  return `#/$defs/${key}`;
}

/** The value as it would travel through JSON (Dates as ISO strings, bigints as strings). */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}
