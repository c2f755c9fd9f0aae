/** The error family of eventspec. Each names what went wrong and where, in words a reader can act on. */
export class EventspecError extends Error {
  override name = 'EventspecError';
}

/** An input (event, command, table, stored document) did not match its contract. */
export class ContractError extends EventspecError {
  override name = 'ContractError';
  constructor(
    message: string,
    readonly type: string,
    readonly field: string | undefined,
    readonly value: unknown,
  ) {
    super(message);
  }
}

/** The stream was not at the version the writer expected. */
export class WrongExpectedVersionError extends EventspecError {
  override name = 'WrongExpectedVersionError';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: number,
  ) {
    super(`stream "${streamId}" was expected to be at ${expected} but is at version ${actual}`);
  }
}

/** Some events of a batch are already stored, others are not: neither a retry nor a new write. */
export class IdempotencyError extends EventspecError {
  override name = 'IdempotencyError';
  constructor(
    readonly streamId: string,
    message: string,
  ) {
    super(`stream "${streamId}": ${message}`);
  }
}

/** Something was asked of a name the domain does not know. */
export class UnknownNameError extends EventspecError {
  override name = 'UnknownNameError';
}

/** A declared invariant failed after applying new events: the events were not stored. */
export class InvariantViolation extends EventspecError {
  override name = 'InvariantViolation';
  constructor(
    readonly aggregate: string,
    readonly invariant: string,
    readonly streamId: string,
    readonly state: unknown,
  ) {
    super(`invariant "${invariant}" of ${aggregate} does not hold for stream "${streamId}"`);
  }
}

/** The stored history cannot be read: a missing upcaster, or an event that fails its contract. */
export class StoredEventError extends EventspecError {
  override name = 'StoredEventError';
  constructor(
    message: string,
    readonly streamId: string,
    readonly version: number,
    readonly type: string,
  ) {
    super(`stream "${streamId}" version ${version} (${type}): ${message}`);
  }
}

/**
 * An append whose outcome is unknown: the connection or the primary was lost after the write may
 * have been committed. The events may be stored. Retrying with the same event ids (for a command:
 * the same command id) is safe, because the store recognises a batch it already holds.
 */
export class AppendOutcomeUnknownError extends EventspecError {
  override name = 'AppendOutcomeUnknownError';
  readonly commandId: string | undefined;
  constructor(
    readonly streamId: string,
    detail: string,
    options?: { cause?: unknown; commandId?: string },
  ) {
    super(
      `stream "${streamId}": the append may or may not have been stored (${detail}). ` +
        (options?.commandId !== undefined
          ? `Retrying with the same command id (${options.commandId}) is safe: a command already stored is answered, not run again.`
          : 'Retrying with the same event ids is safe: a batch already stored is recognised, not written twice.'),
      options?.cause !== undefined ? { cause: options.cause } : undefined,
    );
    this.commandId = options?.commandId;
  }
}

/**
 * Whether a failed append may nonetheless have been stored. Eventspec's own errors are decided
 * before anything is written (a wrong version, a refused value); anything else (a lost connection,
 * a driver error) may have hit after the commit.
 */
export function appendMayHaveLanded(error: unknown): boolean {
  return error instanceof AppendOutcomeUnknownError || !(error instanceof EventspecError);
}
