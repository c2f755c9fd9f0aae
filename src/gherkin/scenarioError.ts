import { EventspecError } from '../core/errors';
import type { StepPlace } from './stepPlace';
import { describePlace } from './stepPlace';

export interface CellRef {
  /** Index into the raw table rows (0 = first row, the header when there is one). */
  row?: number;
  /** 1-based data row as a reader counts it, when the table has a header. */
  dataRow?: number;
  column?: string;
}

/** A problem in a feature file, told to the person who wrote it: where, what, and the likely fix. */
export class ScenarioError extends EventspecError {
  override name = 'ScenarioError';
  constructor(
    readonly place: StepPlace | undefined,
    readonly problem: string,
    readonly cell: CellRef = {},
  ) {
    super(`${describePlace(place, cell)}: ${problem}`);
    // Written for the author of the feature file: the message is the whole story, a stack trace is noise.
    // Nor is the class name: the line reads "features/order.feature:12 (row 1, …): …" from its first word.
    this.stack = this.message;
  }
}
