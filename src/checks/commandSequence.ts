import fc from 'fast-check';
import type { AnyAggregate } from '../aggregate/defineAggregate';
import { arbitraryOf } from './arbitraryOf';

export interface GeneratedCommand {
  readonly type: string;
  readonly data: unknown;
}

/**
 * One generated step: a command sent to one aggregate instance of the pool. A step holds a few
 * candidates and sends the first one the aggregate would accept (else the first), so sequences
 * reach deep states instead of bouncing off rejections; shrinking leaves a single candidate.
 */
export interface Step {
  readonly id: string;
  readonly candidates: readonly GeneratedCommand[];
}

export interface SequenceOptions {
  /** How many aggregate instances commands are spread over (default 2), so they interact. */
  ids?: number;
  /** Longest sequence (default 20). */
  maxCommands?: number;
  /** Data per command name; the default is derived from the command's zod schema. */
  arbitraries?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
}

/** `o-1`, `o-2`, …: ids a product owner reads as "order 1". */
export function idPool(aggregate: { name: string }, size: number): string[] {
  const prefix = aggregate.name.charAt(0).toLowerCase();
  return Array.from({ length: size }, (_, i) => `${prefix}-${i + 1}`);
}

export function commandArbitrary(aggregate: AnyAggregate, arbitraries: SequenceOptions['arbitraries'] = {}): fc.Arbitrary<GeneratedCommand> {
  for (const name of Object.keys(arbitraries)) {
    if (!aggregate.commandsByName.has(name)) {
      throw new TypeError(`checks for ${aggregate.name}: an arbitrary is given for "${name}", which is not one of its commands (${[...aggregate.commandsByName.keys()].join(', ')})`);
    }
  }
  return fc.oneof(
    ...aggregate.commands.map((contract) => {
      const data = arbitraries[contract.name] ?? arbitraryOf(contract.schema, `${aggregate.name}.${contract.name}`);
      return data.map((value) => ({ type: contract.name, data: value }));
    }),
  );
}

export function stepsArbitrary(aggregate: AnyAggregate, options: SequenceOptions = {}): fc.Arbitrary<Step[]> {
  const ids = idPool(aggregate, options.ids ?? 2);
  const step = fc.record({ id: fc.constantFrom(...ids), candidates: fc.array(commandArbitrary(aggregate, options.arbitraries), { minLength: 1, maxLength: 3 }) });
  return fc.array(step, { minLength: 1, maxLength: options.maxCommands ?? 20, size: 'max' });
}
