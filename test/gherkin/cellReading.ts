import assert from 'node:assert/strict';
import type { z } from '../../src';
import { coerceCell } from '../../src/gherkin/coerceCell';

/** A cell's value, failing the test with coerceCell's problem when it is refused. */
export const ok = (schema: z.ZodType | undefined, cell: string) => {
  const result = coerceCell(schema, cell);
  assert.ok(result.ok, result.ok ? '' : result.problem);
  return result.value;
};

/** The problem coerceCell gives for a cell, failing the test when the cell is read. */
export const problem = (schema: z.ZodType, cell: string) => {
  const result = coerceCell(schema, cell);
  assert.ok(!result.ok, `expected "${cell}" to be refused`);
  return result.problem;
};
