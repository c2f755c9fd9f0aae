import { EventspecError } from '../core/errors';
import { didYouMean } from '../core/suggest';

/**
 * A command refused by the domain's rules: an expected outcome, not a bug. It carries no stack
 * trace (its `stack` is only the name and message): capturing one cost ~10 µs per rejected
 * command, and where a business rule refused is named by the rejection itself.
 */
export class Rejection extends EventspecError {
  override name = 'Rejection';
  constructor(
    readonly rejection: string,
    message?: string,
  ) {
    // Made a string first, so nothing can throw while stack capture is off.
    const text = String(message ?? rejection);
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(text);
    Error.stackTraceLimit = limit;
  }
}

export function isRejection(error: unknown): error is Rejection {
  return error instanceof Rejection;
}

/**
 * The rejection `decide` raises with `reject(name, message?)`: its message, when not given, is the
 * rejection's declared description. A name the aggregate does not declare is a mistake in the
 * domain's code (tsc refuses it too, but scenarios do not type-check), refused with the fix.
 */
export function rejectionOf(aggregate: { name: string; rejections: Readonly<Record<string, string>> }, command: string, rejection: string, message?: string): Rejection {
  const declared = aggregate.rejections[rejection];
  if (declared === undefined || !Object.hasOwn(aggregate.rejections, rejection)) {
    const known = Object.keys(aggregate.rejections);
    throw new UndeclaredRejectionError(
      `${aggregate.name}'s decide for ${command} rejects with "${rejection}", which ${aggregate.name} does not declare${didYouMean(rejection, known)}; ` +
        `declare it in defineAggregate({ name: '${aggregate.name}', rejections: { ${rejection}: '<what it means, for the business>' } })`,
    );
  }
  return new Rejection(rejection, message ?? declared);
}

export class UndeclaredRejectionError extends EventspecError {
  override name = 'UndeclaredRejectionError';
}
