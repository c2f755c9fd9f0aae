import { NAME, NAME_RULE } from '../core/names';
import type { z } from 'zod';
import { ContractError } from '../core/errors';
import { describeIssues } from './zodIssues';

/** Turns data stored at schema version `from` into data of version `from + 1`. */
export interface Upcaster {
  readonly from: number;
  readonly schema: z.ZodType;
  readonly upcast: (data: unknown) => unknown;
}

interface ContractBase<Name extends string, Schema extends z.ZodType> {
  readonly name: Name;
  readonly version: number;
  readonly schema: Schema;
  readonly description?: string;
  readonly example?: z.output<Schema>;
}

export interface EventContract<Name extends string = string, Schema extends z.ZodType = z.ZodType>
  extends ContractBase<Name, Schema> {
  readonly kind: 'event';
  /** Oldest first; one per older version, each lifting data to the next version. */
  readonly upcasters: readonly Upcaster[];
}

export interface CommandContract<Name extends string = string, Schema extends z.ZodType = z.ZodType>
  extends ContractBase<Name, Schema> {
  readonly kind: 'command';
}

export type Contract = EventContract | CommandContract;

export interface ContractOptions<Schema extends z.ZodType> {
  description?: string;
  /** Data used when a scenario names the type without a table. Derived from the schema when absent. */
  example?: z.output<Schema>;
}

export interface EventOptions<Schema extends z.ZodType> extends ContractOptions<Schema> {
  /** Current schema version; defaults to 1, or to one past the last upcaster. */
  version?: number;
  upcasters?: readonly Upcaster[];
}

/**
 * `{ type, data }` as written (a command sent, an event decided): fields with defaults may be left
 * out, since the contract parses the data before anything uses it. One member per contract of a union.
 */
export type MessageOf<C> = C extends { name: infer N extends string; schema: infer S extends z.ZodType }
  ? { type: N; data: z.input<S> }
  : never;

/** Data as read, after the contract parsed it: defaults filled in. */
export type DataOf<C> = C extends { schema: infer S extends z.ZodType } ? z.output<S> : never;


function checkName(kind: string, name: string): void {
  if (!NAME.test(name)) {
    throw new TypeError(`${kind} name "${name}" ${NAME_RULE}`);
  }
}

export function defineEvent<const Name extends string, Schema extends z.ZodType>(
  name: Name,
  schema: Schema,
  options: EventOptions<Schema> = {},
): EventContract<Name, Schema> {
  checkName('event', name);
  const upcasters = [...(options.upcasters ?? [])].sort((a, b) => a.from - b.from);
  const version = options.version ?? (upcasters.length > 0 ? upcasters[upcasters.length - 1]!.from + 1 : 1);
  upcasters.forEach((u, i) => {
    const expected = version - upcasters.length + i;
    if (u.from !== expected) {
      throw new TypeError(
        `event ${name} v${version}: upcasters must lift each older version in turn; expected one from v${expected}, found one from v${u.from}`,
      );
    }
  });
  return { kind: 'event', name, schema, version, upcasters, ...describe('event', name, schema, options) };
}

export function defineCommand<const Name extends string, Schema extends z.ZodType>(
  name: Name,
  schema: Schema,
  options: ContractOptions<Schema> & { version?: number } = {},
): CommandContract<Name, Schema> {
  checkName('command', name);
  return { kind: 'command', name, schema, version: options.version ?? 1, ...describe('command', name, schema, options) };
}

/** An upcaster from version `from`: `data` is parsed by that version's schema before `upcast` sees it. */
export function upcaster<Schema extends z.ZodType>(
  from: number,
  schema: Schema,
  upcast: (data: z.output<Schema>) => unknown,
): Upcaster {
  return { from, schema, upcast: upcast as (data: unknown) => unknown };
}

function describe<S extends z.ZodType>(kind: string, name: string, schema: S, options: ContractOptions<S>): Pick<ContractBase<string, S>, 'description' | 'example'> {
  const out: { description?: string; example?: z.output<S> } = {};
  if (options.description !== undefined) out.description = options.description;
  if (options.example !== undefined) {
    checkExample(kind, name, schema, options.example);
    out.example = options.example;
  }
  return out;
}

/** Scenarios and the documentation use the example as data, so it must pass the schema it stands for. */
function checkExample(kind: string, name: string, schema: z.ZodType, example: unknown): void {
  const result = schema.safeParse(example);
  if (result.success) return;
  const { field, value, text } = describeIssues(result.error, example);
  throw new ContractError(`${kind} ${name}: the example does not fit its own schema — ${text}; fix the example (or the schema)`, name, field, value);
}
