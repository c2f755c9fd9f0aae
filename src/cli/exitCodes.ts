import { EventspecError } from '../core/errors';

/** 0: done; 1: the work ran and found failures (or broke); 2: the command was used wrongly. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how a command was called: reported without a stack, exit code 2. */
export class UsageError extends EventspecError {
  override name = 'UsageError';
}
