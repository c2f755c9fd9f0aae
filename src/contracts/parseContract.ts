import type { z } from 'zod';
import { ContractError } from '../core/errors';
import type { Contract } from './contract';
import { describeIssues } from './zodIssues';

export { describeIssues, show, valueAt } from './zodIssues';

/** Parses `data` by the contract's schema, or throws a ContractError naming type, field and value. */
export function parseContract<C extends Contract>(contract: C, data: unknown, where = ''): z.output<C['schema']> {
  const result = contract.schema.safeParse(data);
  if (result.success) return result.data as z.output<C['schema']>;
  const { field, value, text } = describeIssues(result.error, data);
  const prefix = where ? `${where}: ` : '';
  throw new ContractError(`${prefix}${contract.kind} ${contract.name} v${contract.version} is invalid — ${text}`, contract.name, field, value);
}
