import { callerSite } from '../core/sourceSite';
import type { StepArgument, StepContext } from './stepContext';
import type { StepPhrase } from './stepPhrase';
import type { Rows } from './readTable';
import { ScenarioError } from './scenarioError';

/** A phrasing of the vocabulary with the code that carries it out. */
export interface VocabularyStep extends StepPhrase {
  /** Cucumber expression over cucumber's types and the domain's (`{Aggregate}`, `{Command}`, …). */
  readonly cucumberExpression: string;
  readonly argument: 'table' | 'docString' | 'tableOrDocString' | 'none';
  run(context: StepContext, captures: readonly string[], argument: StepArgument): Promise<void>;
}

type Body = VocabularyStep['run'];

/** One vocabulary entry: the wording, its cucumber expression, what it does, an example, and its code. */
export function step(keyword: StepPhrase['keyword'], expression: string, cucumberExpression: string, argument: VocabularyStep['argument'], description: string, example: string, run: Body): VocabularyStep {
  // Where the entry is written: cucumber's reports and the glossary point there.
  const declaredAt = callerSite(__filename);
  return { keyword, expression, cucumberExpression, argument, description, example, source: 'vocabulary', ...(declaredAt ? { declaredAt } : {}), run };
}

export function tableOf(argument: StepArgument, context: StepContext): Rows {
  if (argument && 'table' in argument) return argument.table;
  throw new ScenarioError(context.place, 'this step needs a table under it');
}
