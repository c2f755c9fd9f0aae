import { resolve, sep } from 'node:path';
import { DomainCodeError, thrownIn, thrownText } from '../aggregate/domainCode';
import { show } from '../contracts/zodIssues';
import { InvariantViolation, StoredEventError } from '../core/errors';
import { ProjectionFailed } from '../projections/projectionErrors';
import { describePlace, type StepPlace } from './stepPlace';

// The kit's own files (src/ in a checkout, dist/ in the package); its example domains are the user's kind of code.
const KIT = resolve(__dirname, '..');
const EXAMPLES = resolve(KIT, 'domains') + sep;

/**
 * An error from the domain's own code (an evolve or decide that threw or returned nothing, an
 * invariant that does not hold, a stored event it cannot read, a projection or process handler that
 * failed), told where a feature's author and a
 * domain's author look: the step's file and line first, then the frames of the domain code that
 * threw (from the original error), not the kit's. EVENTSPEC_DEBUG=1 keeps the whole stack, and
 * the original error's after it (cucumber prints no cause).
 */
export function domainErrorAtStep(error: unknown, place: StepPlace | undefined): unknown {
  // An error decide threw itself comes through as it is: told here as the domain code's.
  const where = thrownIn(error);
  if (where !== undefined && !(error instanceof DomainCodeError)) {
    error = new DomainCodeError(`${where} threw ${thrownText(error)}; a command is refused with reject(...), any other error is a bug in decide`, { cause: error });
  }
  if (!(error instanceof DomainCodeError || error instanceof InvariantViolation || error instanceof StoredEventError || error instanceof ProjectionFailed)) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (process.env.EVENTSPEC_DEBUG) {
    if (cause instanceof Error) error.stack = `${error.stack}\nCaused by: ${cause.stack}`;
    return error;
  }
  const frames = cause instanceof Error ? userFrames(cause.stack ?? '') : [];
  const state = error instanceof InvariantViolation ? `; the state it was checked on: ${show(error.state, 300)}` : '';
  // No class name first: the line reads from its place, as a ScenarioError does (a process's failure is not a "ProjectionFailed" to its reader).
  error.stack = `${describePlace(place)}: ${error.message}${state}${frames.length > 0 ? `\n${frames.join('\n')}` : ''}`;
  return error;
}

/** The `at` lines of a stack that are in the user's files: not Node's, not a package's, not the kit's. */
export function userFrames(stack: string): string[] {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .filter((line) => {
      const file = /(?:\(|at )((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):\d+:\d+\)?$/.exec(line)?.[1]?.replace(/^file:\/\//, '');
      if (file === undefined) return false;
      if (file.includes(`${sep}node_modules${sep}`)) return false;
      return !file.startsWith(KIT + sep) || file.startsWith(EXAMPLES);
    })
    .slice(0, 5);
}
