import type { StepArgument, StepContext } from './stepContext';
import type { StepPhrase } from './stepPhrase';
import type { Rows } from './readTable';
import { ScenarioError } from './scenarioError';

/** A phrasing of the vocabulary with the code that carries it out. */
export interface VocabularyStep extends StepPhrase {
  readonly pattern: RegExp;
  readonly argument: 'table' | 'docString' | 'tableOrDocString' | 'none';
  run(context: StepContext, captures: readonly string[], argument: StepArgument): Promise<void>;
}

export const AGG = '([A-Z][A-Za-z0-9]*)';
export const ID = '"([^"]*)"';
export const TYPE = '([A-Za-z][A-Za-z0-9_]*)';
export const TYPES = '([A-Z][A-Za-z0-9_]*(?:(?:,\\s*|\\s+and\\s+|,\\s*and\\s+)[A-Z][A-Za-z0-9_]*)*)';
export const re = (source: string) => new RegExp(`^${source}$`);

type Body = VocabularyStep['run'];

/** One vocabulary entry: the wording, its pattern, what it does, an example, and its code. */
export function step(keyword: StepPhrase['keyword'], expression: string, pattern: string, argument: VocabularyStep['argument'], description: string, example: string, run: Body): VocabularyStep {
  return { keyword, expression, pattern: re(pattern), argument, description, example, source: 'vocabulary', run };
}

export function tableOf(argument: StepArgument, context: StepContext): Rows {
  if (argument && 'table' in argument) return argument.table;
  throw new ScenarioError(context.place, 'this step needs a table under it');
}

