import { decideAppend } from '../eventStore/appendDecision';
import type { ExpectedVersion } from '../eventStore/expectedVersion';
import type { ChunkHead } from './chunkDocument';
import { chunkTarget, type BatchSize, type ChunkTarget } from './rollOver';
import type { ChunkLimits } from './storeOptions';

/** What one append attempt does, decided from the head chunk and the stored ids it read. */
export type AppendPlan =
  | { kind: 'wrong-version'; currentVersion: number }
  | { kind: 'partial-overlap'; reason: string }
  | { kind: 'already-stored'; firstVersion: number; currentVersion: number }
  /** An empty batch whose expected version holds: nothing to write. */
  | { kind: 'nothing'; currentVersion: number }
  | (ChunkTarget & { currentVersion: number });

export interface AppendPlanFacts {
  head: ChunkHead | undefined;
  expected: ExpectedVersion;
  batchIds: readonly string[];
  storedVersions: ReadonlyMap<string, number>;
  batch: BatchSize;
  limits: ChunkLimits;
}

/** The version check and idempotency first (the shared rules), then where the batch goes. */
export function planAppend(facts: AppendPlanFacts): AppendPlan {
  const currentVersion = facts.head ? facts.head.nextVersion - 1 : 0;
  const decision = decideAppend({ currentVersion, expected: facts.expected, batchIds: facts.batchIds, storedVersions: facts.storedVersions });
  switch (decision.kind) {
    case 'wrong-version':
      return { kind: 'wrong-version', currentVersion };
    case 'partial-overlap':
      return { kind: 'partial-overlap', reason: decision.reason };
    case 'already-stored':
      return { kind: 'already-stored', firstVersion: decision.firstVersion, currentVersion };
    case 'write':
      if (facts.batchIds.length === 0) return { kind: 'nothing', currentVersion };
      return { ...chunkTarget(facts.head, facts.batch, facts.limits), currentVersion };
  }
}
