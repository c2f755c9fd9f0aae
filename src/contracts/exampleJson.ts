import type { Contract } from './contract';
import { exampleOf } from './exampleOf';

/** A contract's example as the JSON a user would write (its own example, else one made from the schema), kept short for a message. */
export function exampleJson(contract: Pick<Contract, 'schema' | 'example'>): string {
  let text: string;
  try {
    text = JSON.stringify(contract.example ?? exampleOf(contract.schema)) ?? '{}';
  } catch {
    return '{"field": "value"}';
  }
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
