import { CommandIdReusedError, ConcurrencyError } from '../commandHandling/commandHandler';
import { thrownIn } from '../aggregate/domainCode';
import type { Rejected } from '../commandHandling/commandResult';
import { AppendOutcomeUnknownError, ContractError, EventspecError, InvariantViolation, UnknownNameError, WrongExpectedVersionError } from '../core/errors';

/** An RFC 9457 problem document: `type` names the kind, `detail` is the kit's message for this case. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

export const PROBLEM_JSON = 'application/problem+json';

/** Problem types are URNs: stable names a client can switch on, not pages to fetch. */
const typeOf = (kind: string) => `urn:eventspec:problem:${kind}`;

export function problem(status: number, kind: string, title: string, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return { type: typeOf(kind), title, status, detail, ...extensions };
}

/** A named business refusal: the command was understood and the domain said no. */
export function rejectionProblem(result: Rejected): Problem {
  return problem(422, 'rejection', result.rejection, result.message, {
    rejection: result.rejection,
    commandId: result.commandId,
    aggregate: result.aggregate,
    streamId: result.streamId,
    command: result.command,
    replayed: result.replayed,
  });
}

/**
 * What an error thrown while serving a request means to the caller. Eventspec's own errors carry
 * messages written for people (what, where, did-you-mean), so their text is the detail; anything
 * else is the service's fault and its text stays in the log, never in the answer.
 */
export function problemOfError(error: unknown): Problem {
  if (error instanceof ContractError) {
    return problem(400, 'invalid-data', `invalid ${error.type}`, error.message, error.field !== undefined ? { field: error.field } : {});
  }
  if (error instanceof UnknownNameError) return problem(404, 'unknown-name', 'unknown name', error.message);
  if (error instanceof WrongExpectedVersionError) {
    // If-Match is a precondition (RFC 9110): one that fails is 412, with the stream's version to send next.
    return problem(412, 'version-conflict', 'the stream is not at the expected version', `${error.message}; read it again and send the command with If-Match: "${error.actual}"`, {
      streamId: error.streamId,
      actualVersion: error.actual,
    });
  }
  if (error instanceof ConcurrencyError) return problem(409, 'concurrency', 'too many concurrent writers', error.message);
  // As the Idempotency-Key draft asks: the key is known, the request is not the one it named.
  if (error instanceof CommandIdReusedError) return problem(422, 'command-id-reused', 'the Idempotency-Key was used for another request', error.withoutData);
  if (error instanceof InvariantViolation) {
    return problem(422, 'invariant', `invariant "${error.invariant}" would break`, `${error.message}; nothing was stored`, { invariant: error.invariant, streamId: error.streamId });
  }
  if (error instanceof AppendOutcomeUnknownError) return problem(503, 'outcome-unknown', 'the outcome is unknown', error.message);
  if (error instanceof EventspecError && error.name === 'DomainCodeError') return problem(500, 'domain-code', 'the domain code failed', error.message);
  // An error decide threw itself: the domain's bug, said as such. Its message and the stream it was
  // marked with stay in the log (an error object may be shared by requests, its text may hold secrets).
  if (thrownIn(error) !== undefined) return problem(500, 'domain-code', 'the domain code failed', "the aggregate's decide threw while handling this command; nothing was stored; the error is in the service log");
  if (error instanceof EventspecError) return problem(400, 'bad-request', 'the request cannot be handled', error.message);
  return problem(500, 'internal', 'internal error', 'the service failed to handle this request; the details are in the service log');
}
