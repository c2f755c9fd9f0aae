import type { ExpectedVersion } from './expectedVersion';
import { satisfies } from './expectedVersion';

/** What a store must do with a batch, decided from the stream's state alone. */
export type AppendDecision =
  | { kind: 'write'; firstVersion: number }
  | { kind: 'already-stored'; firstVersion: number }
  | { kind: 'wrong-version' }
  | { kind: 'partial-overlap'; reason: string };

export interface AppendFacts {
  currentVersion: number;
  expected: ExpectedVersion;
  batchIds: readonly string[];
  /** Where the batch's ids already sit in the stream, for those that do. */
  storedVersions: ReadonlyMap<string, number>;
}

/**
 * EventStoreDB's idempotency rules: a batch whose events are all stored, consecutively and at the
 * position the writer expected, is a retry and succeeds without writing; a batch of which only
 * some events are stored is an error; a fresh batch is checked against the expected version.
 */
export function decideAppend(facts: AppendFacts): AppendDecision {
  const { currentVersion, expected, batchIds, storedVersions } = facts;
  const duplicate = batchIds.find((id, i) => batchIds.indexOf(id) !== i);
  if (duplicate !== undefined) return { kind: 'partial-overlap', reason: `event id ${duplicate} appears twice in the batch` };

  const stored = batchIds.filter((id) => storedVersions.has(id));
  if (stored.length === 0) {
    return satisfies(expected, currentVersion) ? { kind: 'write', firstVersion: currentVersion + 1 } : { kind: 'wrong-version' };
  }
  if (stored.length < batchIds.length) {
    return {
      kind: 'partial-overlap',
      reason: `${stored.length} of the ${batchIds.length} events are already stored (first: ${stored[0]}), the others are not`,
    };
  }
  const firstVersion = storedVersions.get(batchIds[0]!)!;
  const consecutive = batchIds.every((id, i) => storedVersions.get(id) === firstVersion + i);
  if (!consecutive) {
    return { kind: 'partial-overlap', reason: 'the events are already stored, but not in this order or not next to each other' };
  }
  const expectedFirst = typeof expected === 'number' ? expected + 1 : expected === 'no_stream' ? 1 : firstVersion;
  return firstVersion === expectedFirst ? { kind: 'already-stored', firstVersion } : { kind: 'wrong-version' };
}
