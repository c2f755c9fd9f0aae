import type { NewEvent } from '../../src';

let counter = 0;

/** A fresh event for store tests; ids are unique across the whole test run. */
export function newEvent(type = 'Happened', data: unknown = { n: counter }, id?: string): NewEvent {
  counter += 1;
  return { id: id ?? `evt-${process.pid}-${counter}`, type, schemaVersion: 1, data, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } };
}

export function newEvents(count: number, type = 'Happened'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { i }));
}
