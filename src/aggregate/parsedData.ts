import type { RecordedEvent } from '../core/envelope';
import { parsesToItself } from '../contracts/parsesToItself';
import type { AnyAggregate } from './defineAggregate';

/** The copy met something it does not copy as a parse would: the caller parses. */
export const PARSE_IT = Symbol('parse it');

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
  return copy(event.data, 0);
}

/** Deeper data is parsed. */
const MAX_DEPTH = 32;

function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return PARSE_IT;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Array.prototype) {
    const array = value as unknown[];
    const out = new Array<unknown>(array.length);
    for (let i = 0; i < array.length; i++) {
      const item = array[i];
      if (item === null) return PARSE_IT;
      const copied = copy(item, depth + 1);
      if (copied === PARSE_IT) return PARSE_IT;
      out[i] = copied;
    }
    return out;
  }
  if (proto === Date.prototype) return new Date((value as Date).getTime());
  if (proto !== Object.prototype) return PARSE_IT;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return PARSE_IT;
    const copied = copy((value as Record<string, unknown>)[key], depth + 1);
    if (copied === PARSE_IT) return PARSE_IT;
    out[key] = copied;
  }
  return out;
}
