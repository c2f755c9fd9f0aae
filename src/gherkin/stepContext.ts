import type { Scenario } from '../testing/scenario';
import type { StepPlace } from './stepPlace';

/** What a step handler works with: the scenario, where the step is written, and what commands recorded. */
export interface StepContext {
  readonly scenario: Scenario;
  readonly place: StepPlace | undefined;
}

/** The argument under a step: a table's raw rows, a doc string, or nothing. */
export type StepArgument = { table: readonly (readonly string[])[] } | { docString: string } | undefined;
