import type { AnyAggregate } from '../aggregate/defineAggregate';
import { Rejection } from '../aggregate/rejection';
import { exampleOf } from '../contracts/exampleOf';
import type { RecordedEvent } from '../core/envelope';

export interface ExploredFlow {
  readonly command: string;
  readonly events: Set<string>;
  readonly rejections: Set<string>;
}

const MAX_DEPTH = 4;
const MAX_STATES = 64;
const PROBE_TIME = new Date('2025-01-01T00:00:00.000Z');

/**
 * Which events each command can produce and which rejections it can raise, found by sending every
 * command's example data to the aggregate's own (pure) `decide` from the states its examples can
 * reach. Cheap and never wrong about what it finds; it may miss paths that need other data, which
 * the flows observed in the run fill in.
 */
export function exploreFlows(aggregate: AnyAggregate): Map<string, ExploredFlow> {
  const flows = new Map<string, ExploredFlow>();
  for (const c of aggregate.commands) flows.set(c.name, { command: c.name, events: new Set(), rejections: new Set() });
  // Values the domain's own examples use, by field name: a command without an example then
  // refers to the same things (the sku an item was added with, say) instead of a placeholder.
  const known: Record<string, unknown> = {};
  for (const c of [...aggregate.commands, ...aggregate.events]) {
    if (c.example && typeof c.example === 'object') Object.assign(known, c.example);
  }
  const examples = aggregate.commands.flatMap((c) => {
    const base = c.example ?? safely(() => exampleOf(c.schema));
    const shared = base && typeof base === 'object' ? Object.fromEntries(Object.keys(base).filter((k) => k in known).map((k) => [k, known[k]])) : {};
    const variants = [base, { ...(base as object), ...shared }];
    return variants.flatMap((data, i) => {
      if (i > 0 && Object.keys(shared).length === 0) return [];
      const parsed = c.schema.safeParse(data);
      return parsed.success ? [{ name: c.name, data: parsed.data }] : [];
    });
  });
  const decide = aggregate.decide as Record<string, ((data: unknown, state: unknown, ctx: unknown) => unknown) | undefined>;
  const evolve = aggregate.evolve as Record<string, ((state: unknown, data: unknown, event: RecordedEvent) => unknown) | undefined>;

  let initial: unknown;
  try {
    initial = aggregate.initialState();
  } catch {
    return flows;
  }
  const seen = new Set<string>([key(initial)]);
  let frontier: unknown[] = [initial];
  let version = 0;
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: unknown[] = [];
    for (const state of frontier) {
      for (const { name, data } of examples) {
        const flow = flows.get(name)!;
        let produced: unknown;
        try {
          produced = decide[name]?.(structuredClone(data), structuredClone(state), {
            id: 'example',
            streamId: `${aggregate.name}-example`,
            now: PROBE_TIME,
            reject: (rejection: string, message?: string): never => {
              throw new Rejection(rejection, message);
            },
          });
        } catch (error) {
          if (error instanceof Rejection) flow.rejections.add(error.rejection);
          continue;
        }
        let after: unknown = state;
        try {
          for (const event of Array.isArray(produced) ? produced : [produced]) {
            const { type, data: eventData } = event as { type: string; data: unknown };
            const contract = aggregate.eventsByName.get(type);
            if (!contract) break;
            flow.events.add(type);
            const parsed = contract.schema.parse(eventData);
            const envelope: RecordedEvent = {
              id: `example-${++version}`,
              streamId: `${aggregate.name}-example`,
              version,
              position: version,
              type,
              schemaVersion: contract.version,
              data: parsed,
              metadata: { occurredAt: PROBE_TIME.toISOString(), recordedAt: PROBE_TIME.toISOString() },
            };
            after = evolve[type] ? evolve[type]!(after, parsed, envelope) : after;
          }
        } catch {
          continue;
        }
        const k = key(after);
        if (!seen.has(k) && seen.size < MAX_STATES) {
          seen.add(k);
          next.push(after);
        }
      }
    }
    frontier = next;
  }
  return flows;
}

function key(state: unknown): string {
  try {
    return JSON.stringify(state) ?? 'undefined';
  } catch {
    return String(Math.random());
  }
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
