import type { RecordedEvent } from '../core/envelope';
import { StoredEventError } from '../core/errors';
import { didYouMean } from '../core/suggest';
import { upcast } from '../versioning/upcast';
import type { AnyAggregate } from './defineAggregate';
import { evolveFailure } from './domainCode';
import { PARSE_IT, parsedData } from './parsedData';

/** Brings a stored event to its current schema version, parsed by its contract. */
export function currentData(aggregate: AnyAggregate, event: RecordedEvent): unknown {
  const contract = aggregate.eventsByName.get(event.type);
  if (!contract) {
    const known = [...aggregate.eventsByName.keys()];
    throw new StoredEventError(
      `${aggregate.name} has no event type "${event.type}"${didYouMean(event.type, known)}`,
      event.streamId,
      event.version,
      event.type,
    );
  }
  return upcast(contract, event.schemaVersion, event.data, event);
}

/**
 * Applies one event to a state: a stored one, or (with `newFrom`, the command whose decide made it)
 * one about to be stored. An evolve that throws or returns nothing is named, with the event.
 */
export function evolveOne<State>(aggregate: AnyAggregate, state: State, event: RecordedEvent, newFrom?: string): State {
  return evolveWith(aggregate, state, event, currentData(aggregate, event), newFrom);
}

/**
 * As evolveOne, for an event whose data its contract has already parsed at the current version
 * (the handler parsed it, and stored it itself): parsed again only when a parse could change it.
 */
export function evolveParsed<State>(aggregate: AnyAggregate, state: State, event: RecordedEvent, newFrom?: string): State {
  const data = parsedData(aggregate, event);
  return evolveWith(aggregate, state, event, data === PARSE_IT ? currentData(aggregate, event) : data, newFrom);
}

function evolveWith<State>(aggregate: AnyAggregate, state: State, event: RecordedEvent, data: unknown, newFrom: string | undefined): State {
  const handler = (aggregate.evolve as Record<string, ((s: State, d: unknown, e: RecordedEvent) => State) | undefined>)[
    event.type
  ];
  if (!handler) return state;
  let next: State;
  try {
    next = handler(state, data, event);
  } catch (error) {
    throw evolveFailure(aggregate.name, event, error, true, newFrom);
  }
  if (next === undefined) throw evolveFailure(aggregate.name, event, undefined, false, newFrom);
  return next;
}

/** Folds stored events over a state, upcasting each on the way. */
export function replay<State>(aggregate: AnyAggregate, state: State, events: Iterable<RecordedEvent>): State {
  let current = state;
  for (const event of events) current = evolveOne(aggregate, current, event);
  return current;
}
