import { StoredEventError } from '../core/errors';
import type { EventContract } from '../contracts/contract';
import { describeIssues } from '../contracts/parseContract';

export interface StoredAt {
  streamId: string;
  version: number;
}

/**
 * Lifts stored data from `schemaVersion` to the contract's current version and parses it.
 * Each step parses by that version's schema first, so a corrupt old event is named, not propagated.
 */
export function upcast(contract: EventContract, schemaVersion: number, data: unknown, at: StoredAt): unknown {
  const fail = (message: string): never => {
    throw new StoredEventError(message, at.streamId, at.version, contract.name);
  };
  if (schemaVersion > contract.version) {
    fail(`stored at schema v${schemaVersion}, newer than this code's v${contract.version}; deploy the newer contract`);
  }
  let current = data;
  for (let v = schemaVersion; v < contract.version; v++) {
    const step = contract.upcasters.find((u) => u.from === v);
    if (!step) fail(`stored at schema v${v} and no upcaster lifts v${v} to v${v + 1}; add one to the ${contract.name} contract`);
    const parsed = step!.schema.safeParse(current);
    if (!parsed.success) fail(`does not match its v${v} schema — ${describeIssues(parsed.error, current).text}`);
    try {
      current = step!.upcast(parsed.data);
    } catch (error) {
      fail(`the upcaster from v${v} threw: ${(error as Error).message}`);
    }
  }
  const parsed = contract.schema.safeParse(current);
  if (!parsed.success) {
    const after = schemaVersion < contract.version ? ` after upcasting from v${schemaVersion}` : '';
    fail(`does not match its v${contract.version} schema${after} — ${describeIssues(parsed.error, current).text}`);
  }
  return parsed.data;
}
