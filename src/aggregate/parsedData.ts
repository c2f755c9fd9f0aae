import type { RecordedEvent } from '../core/envelope';
import { NOT_PLAIN, plainCopy } from '../core/plainCopy';
import { parsesToItself } from '../contracts/parsesToItself';
import type { AnyAggregate } from './defineAggregate';

/** The copy met something it does not copy as a parse would: the caller parses. */
export const PARSE_IT = NOT_PLAIN;

/**
 * An event's data for evolve when the data is already its contract's own output at the current
 * version (a new event the handler has just parsed, or one it stored itself): a fresh copy, as a
 * parse would give, if the contract parses its output to itself (`parsesToItself`); PARSE_IT
 * otherwise. The copy keeps evolve's data apart from what is stored, as the parse did. It takes
 * plain objects, arrays, Dates and primitives only, and no null inside an array (stored, it may
 * stand for an undefined that the contract would refuse): anything else is parsed, as before.
 */
export function parsedData(aggregate: AnyAggregate, event: RecordedEvent): unknown {
  const contract = aggregate.eventsByName.get(event.type);
  if (contract === undefined || contract.version !== event.schemaVersion || !parsesToItself(contract.schema)) return PARSE_IT;
  return plainCopy(event.data, { nullInArrays: false });
}
