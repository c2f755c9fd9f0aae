import type { z } from 'zod';
import type { EventContract } from '../contracts/contract';
import { exampleOf } from '../contracts/exampleOf';
import { mergeDeep } from '../testing/fieldPaths';
import type { TableField } from './readTable';
import { buildData, checkData } from './readTable';
import { ScenarioError } from './scenarioError';
import type { CellRef } from './scenarioError';
import type { StepPlace } from './stepPlace';

/** The schema and sample data of an event at one of its versions (older ones come from upcasters). */
export function versionOf(contract: EventContract, version: number, place: StepPlace | undefined): { schema: z.ZodType; example: unknown } {
  if (version === contract.version) return { schema: contract.schema, example: contract.example ?? exampleOf(contract.schema) };
  const older = contract.upcasters.find((u) => u.from === version);
  if (!older) {
    const versions = [...contract.upcasters.map((u) => `v${u.from}`), `v${contract.version} (current)`].join(', ');
    throw new ScenarioError(place, `${contract.name} has no version ${version}; it has ${versions}`);
  }
  return { schema: older.schema, example: exampleOf(older.schema) };
}

/**
 * History data from table fields: what the table says, on top of the contract's example, so a
 * scenario only mentions the fields that matter to it.
 */
export function historyData(contract: EventContract, version: number, fields: readonly TableField[], place: StepPlace | undefined, rowRef: CellRef = {}): unknown {
  const { schema, example } = versionOf(contract, version, place);
  const { data, refs } = buildData(fields, schema, contract.name, place);
  return checkData(schema, mergeDeep(example, data), `${contract.name} v${version}`, refs, place, rowRef);
}
