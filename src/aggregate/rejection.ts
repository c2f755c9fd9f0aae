import { EventspecError } from '../core/errors';

/** A command refused by the domain's rules: an expected outcome, not a bug. */
export class Rejection extends EventspecError {
  override name = 'Rejection';
  constructor(
    readonly rejection: string,
    message?: string,
  ) {
    super(message ?? rejection);
  }
}

export function isRejection(error: unknown): error is Rejection {
  return error instanceof Rejection;
}
