import type { AnyAggregate } from '../aggregate/defineAggregate';
import { callerSite } from '../core/sourceSite';
import type { SourceSite } from '../core/sourceSite';

export type PhrasingKeyword = 'Given' | 'When' | 'Then';

/**
 * A domain's own wording for recording an event (Given), sending a command (When) or expecting
 * an event (Then). Placeholders in `text`: `{id}` is the aggregate id, a field name (dots for
 * nested fields) fills that field, any other name becomes event metadata (e.g. `{actor}`).
 */
export interface Phrasing {
  readonly keyword: PhrasingKeyword;
  readonly text: string;
  readonly aggregate: string;
  readonly type: string;
  readonly placeholders: readonly string[];
  /** Field values the wording implies without saying them. */
  readonly fixed: Readonly<Record<string, unknown>>;
  /** Where the phrasing is written, for reports and for errors about it. */
  readonly declaredAt?: SourceSite;
}

type EventNames<A> = A extends { events: readonly { name: infer N }[] } ? N : never;
type CommandNames<A> = A extends { commands: readonly { name: infer N }[] } ? N : never;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_.]*)\}/g;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function make(keyword: PhrasingKeyword, aggregate: AnyAggregate, type: string, text: string, fixed: Record<string, unknown> = {}): Phrasing {
  const where = `${keyword} phrasing "${text}"`;
  const known = keyword === 'When' ? aggregate.commandsByName : aggregate.eventsByName;
  if (!known.has(type)) throw new TypeError(`${where}: ${aggregate.name} has no ${keyword === 'When' ? 'command' : 'event'} ${type}`);
  const placeholders = placeholdersOf(text);
  if (!placeholders.includes('id')) throw new TypeError(`${where}: it must say which ${aggregate.name} with an {id} placeholder`);
  const seen = new Set<string>();
  for (const name of placeholders) {
    if (seen.has(name)) throw new TypeError(`${where}: {${name}} appears twice`);
    seen.add(name);
  }
  const declaredAt = callerSite(__filename);
  return { keyword, text, aggregate: aggregate.name, type, placeholders, fixed, ...(declaredAt ? { declaredAt } : {}) };
}

/** Domain wordings: `phrase.when(Order, 'ShipOrder', '{actor} ships order {id} with {carrier}')`. */
export const phrase = {
  given: <A extends AnyAggregate>(aggregate: A, event: EventNames<A>, text: string, fixed?: Record<string, unknown>) =>
    make('Given', aggregate, event, text, fixed),
  when: <A extends AnyAggregate>(aggregate: A, command: CommandNames<A>, text: string, fixed?: Record<string, unknown>) =>
    make('When', aggregate, command, text, fixed),
  then: <A extends AnyAggregate>(aggregate: A, event: EventNames<A>, text: string, fixed?: Record<string, unknown>) =>
    make('Then', aggregate, event, text, fixed),
};
