import type { RecordedEvent } from '../core/envelope';
import { StoredEventError } from '../core/errors';
import { didYouMean } from '../core/suggest';
import { upcast } from '../versioning/upcast';
import type { AnyAggregate } from './defineAggregate';

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

/** Applies one stored event to a state. */
export function evolveOne<State>(aggregate: AnyAggregate, state: State, event: RecordedEvent): State {
  const data = currentData(aggregate, event);
  const handler = (aggregate.evolve as Record<string, ((s: State, d: unknown, e: RecordedEvent) => State) | undefined>)[
    event.type
  ];
  return handler ? handler(state, data, event) : state;
}

/** Folds stored events over a state, upcasting each on the way. */
export function replay<State>(aggregate: AnyAggregate, state: State, events: Iterable<RecordedEvent>): State {
  let current = state;
  for (const event of events) current = evolveOne(aggregate, current, event);
  return current;
}
