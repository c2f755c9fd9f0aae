import fc from 'fast-check';
import type { z } from 'zod';
import type { AnyAggregate } from '../aggregate/defineAggregate';
import { streamIdOf } from '../aggregate/defineAggregate';
import type { RecordedEvent } from '../core/envelope';
import type { EventContract } from '../contracts/contract';
import { show } from '../contracts/parseContract';
import { defOf } from '../contracts/schemaFields';
import type { Def } from '../contracts/schemaFields';
import { upcast } from '../versioning/upcast';
import { arbitraryOf } from './arbitraryOf';
import { idPool } from './commandSequence';
import type { PropertyFailure, ThenClause } from './counterexample';
import { CHECK_TIME } from './runSequence';
import { stateDifferences, valueAtPath } from './stateDifferences';


/** One upcaster chain to check: data of `event` stored at version `from`, read at the current version. */
export interface UpcastTarget {
  readonly event: EventContract;
  readonly from: number;
}

/** Two old events that differ in exactly one field (`path`). */
export interface DifferingPair {
  readonly a: unknown;
  readonly b: unknown;
  readonly path: string;
}

export function upcastTargets(aggregate: AnyAggregate): UpcastTarget[] {
  return aggregate.events.flatMap((event) => event.upcasters.map((u) => ({ event, from: u.from })));
}

/** `OrderPlaced@v1`: names the target in a replay path. */
export function upcastTargetName(target: UpcastTarget): string {
  return `${target.event.name}@v${target.from}`;
}

function schemaAt(target: UpcastTarget): z.ZodType {
  return target.event.upcasters.find((u) => u.from === target.from)!.schema;
}

/**
 * Pairs of valid old data differing in one field, for the information-loss property: an upcaster
 * that drops or overwrites a field maps both to the same current data. Undefined when the schema
 * has nothing that can vary.
 */
export function differingPairs(target: UpcastTarget): fc.Arbitrary<DifferingPair> | undefined {
  const schema = schemaAt(target);
  const pairs = pairArbitrary(schema, `${upcastTargetName(target)}`);
  return pairs?.filter(({ a, b }) => {
    const pa = schema.safeParse(a);
    const pb = schema.safeParse(b);
    return pa.success && pb.success && stateDifferences(pa.data, pb.data).length > 0;
  });
}

function pairArbitrary(schema: z.ZodType, where: string): fc.Arbitrary<DifferingPair> | undefined {
  const def = defOf(schema);
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.ZodType>;
    const fields = Object.keys(shape)
      .map((key) => ({ key, pair: pairArbitrary(shape[key]!, `${where}.${key}`) }))
      .filter((f): f is { key: string; pair: fc.Arbitrary<DifferingPair> } => f.pair !== undefined);
    if (fields.length === 0) return undefined;
    const base = arbitraryOf(schema, where);
    return fc.oneof(
      ...fields.map(({ key, pair }) =>
        fc.tuple(base, pair).map(([whole, inner]) => ({
          a: withField(whole, key, inner.a),
          b: withField(whole, key, inner.b),
          path: inner.path ? `${key}.${inner.path}` : key,
        })),
      ),
    );
  }
  if (!canVary(def)) return undefined;
  const values = arbitraryOf(schema, where);
  return fc
    .tuple(values, values)
    .filter(([a, b]) => stateDifferences(a, b).length > 0)
    .map(([a, b]) => ({ a, b, path: '' }));
}

function canVary(def: Def): boolean {
  switch (def.type) {
    case 'literal':
      return (def.values as unknown[]).length > 1;
    case 'enum':
      return Object.keys(def.entries as object).length > 1;
    case 'null':
    case 'undefined':
    case 'void':
    case 'never':
      return false;
    default:
      return true;
  }
}

function withField(whole: unknown, key: string, value: unknown): Record<string, unknown> {
  const out = { ...(whole as Record<string, unknown>) };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

/** Checks one pair: both must upcast, and to different current data. */
export function checkUpcastPair(aggregate: AnyAggregate, target: UpcastTarget, pair: DifferingPair): PropertyFailure | undefined {
  const { event, from } = target;
  const [id] = idPool(aggregate, 1) as [string];
  const at = { streamId: streamIdOf(aggregate, id), version: 1 };
  const base = {
    aggregate: aggregate.name,
    id,
    historyVersion: from,
    time: CHECK_TIME,
    title: `${event.name} recorded at v${from} keeps its ${pair.path || 'data'}`,
  };
  const read = (data: unknown): { data: unknown } | { error: string } => {
    try {
      return { data: upcast(event, from, data, at) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  const upA = read(pair.a);
  const upB = read(pair.b);
  for (const [data, up] of [[pair.a, upA], [pair.b, upB]] as const) {
    if ('error' in up) {
      const message = `Valid ${event.name} v${from} data cannot be read at v${event.version}: ${up.error}`;
      return {
        property: 'upcasters',
        message,
        counterexample: {
          ...base,
          history: [{ type: event.name, schemaVersion: from, data }],
          then: [{ kind: 'note', text: `any step that loads ${aggregate.name} ${JSON.stringify(id)} fails here; state what this history should lead to` }],
          notes: [message],
        },
      };
    }
  }
  const dataA = (upA as { data: unknown }).data;
  const dataB = (upB as { data: unknown }).data;
  if (stateDifferences(dataA, dataB).length > 0) return undefined;

  const schema = schemaAt(target);
  const field = pair.path || 'the data';
  const message =
    `Upcasting ${event.name} from v${from} to v${event.version} loses ${field}: ` +
    `${show(pair.a)} and ${show(pair.b)} both become ${show(dataA)}.`;
  // The scenario states the event whose lost field changes the state, with the state it should give.
  for (const [data, up] of [[pair.a, dataA], [pair.b, dataB]] as const) {
    const then = intendedState(aggregate, event, schema.parse(data), up, pair.path);
    if (then) {
      return {
        property: 'upcasters',
        message,
        counterexample: { ...base, history: [{ type: event.name, schemaVersion: from, data }], then: [then], notes: [message] },
      };
    }
  }
  return {
    property: 'upcasters',
    message,
    counterexample: {
      ...base,
      history: [{ type: event.name, schemaVersion: from, data: pair.a }],
      then: [{ kind: 'note', text: `state what this history should lead to; no state field shows ${field} yet` }],
      notes: [message],
    },
  };
}

/**
 * The state the old event should lead to, where the lost field keeps its name in the current
 * version: the upcast data with the old value put back, evolved, compared with what it gives now.
 */
function intendedState(aggregate: AnyAggregate, event: EventContract, old: unknown, upcasted: unknown, path: string): ThenClause | undefined {
  if (!path) return undefined;
  const repaired = structuredClone(upcasted) as Record<string, unknown>;
  const keys = path.split('.');
  let cursor: Record<string, unknown> = repaired;
  for (const key of keys.slice(0, -1)) {
    const inner = cursor[key];
    if (typeof inner !== 'object' || inner === null) return undefined;
    cursor = inner as Record<string, unknown>;
  }
  cursor[keys[keys.length - 1]!] = valueAtPath(old, path);
  const parsed = event.schema.safeParse(repaired);
  if (!parsed.success) return undefined;
  const evolve = (aggregate.evolve as Record<string, ((s: unknown, d: unknown, e: RecordedEvent) => unknown) | undefined>)[event.name];
  if (!evolve) return undefined;
  const envelope: RecordedEvent = {
    id: '00000000-0000-4000-8000-000000000001',
    streamId: streamIdOf(aggregate, 'check'),
    version: 1,
    position: 1,
    type: event.name,
    schemaVersion: event.version,
    data: parsed.data,
    metadata: { occurredAt: CHECK_TIME, recordedAt: CHECK_TIME },
  };
  try {
    const wanted = evolve(aggregate.initialState(), parsed.data, envelope);
    const actual = evolve(aggregate.initialState(), upcasted, { ...envelope, data: upcasted });
    const diffs = stateDifferences(wanted, actual).filter((d) => d.path !== '');
    if (diffs.length === 0) return undefined;
    return { kind: 'state', fields: diffs.map((d) => ({ path: d.path, value: d.expected })) };
  } catch {
    return undefined;
  }
}
