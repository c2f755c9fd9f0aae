import { EventspecError, StoredEventError } from '../core/errors';
import type { RecordedEvent } from '../core/envelope';

/**
 * The domain's own code (an evolve, a decide, an invariant) did something the kit cannot go on
 * from: it threw, returned nothing, or returned a Promise. The message names the aggregate and the
 * handler, and says how to fix it; the original error is the `cause`.
 */
export class DomainCodeError extends EventspecError {
  override name = 'DomainCodeError';
}

const THROWN_IN = Symbol.for('eventspec.thrownIn');

/**
 * Marks an error the domain's code threw (and the kit passes on unchanged, so callers can catch
 * their own error types) with where it was thrown: `Order's decide for ShipOrder on "Order-o-1"`.
 */
export function markDomainCode(error: unknown, where: string): void {
  if (error !== null && typeof error === 'object' && Object.isExtensible(error) && !Object.hasOwn(error, THROWN_IN)) {
    Object.defineProperty(error, THROWN_IN, { value: where, enumerable: false });
  }
}

/** Where the domain's code threw this error, if it did (see markDomainCode). */
export function thrownIn(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' ? ((error as Record<symbol, unknown>)[THROWN_IN] as string | undefined) : undefined;
}

/** What a handler threw, as a short quote (not a stack). */
export function thrownText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 197)}...` : text);
}

const SHAPE = 'evolve must return the next state, e.g. `(state, data) => ({ ...state, total: state.total + data.amount })`';

/**
 * Why evolving `event` failed. Stored history names stream, version and type (a StoredEventError,
 * as for any unreadable history); a new event names the command whose decide produced it.
 */
export function evolveFailure(aggregate: string, event: RecordedEvent, error: unknown, thrown: boolean, newFrom: string | undefined): EventspecError {
  const what = thrown ? `threw ${thrownText(error)}` : 'returned nothing';
  const handler = `${aggregate}'s evolve for ${event.type}`;
  const options = thrown ? { cause: error } : undefined;
  if (newFrom !== undefined) {
    return new DomainCodeError(
      `${handler} ${what} on the event ${aggregate}'s decide for ${newFrom} produced for stream "${event.streamId}" (it would be version ${event.version}). ` +
        `Nothing was stored. ${thrown ? `Fix evolve for ${event.type} (or the data decide gives it)` : SHAPE}.`,
      options,
    );
  }
  const fix = thrown
    ? `every stored event must evolve: fix evolve for ${event.type} so it accepts this event (stored events never change; an upcaster can reshape old data)`
    : SHAPE;
  const stored = new StoredEventError(`${handler} ${what}; ${fix}`, event.streamId, event.version, event.type);
  if (thrown) Object.defineProperty(stored, 'cause', { value: error, configurable: true, writable: true });
  return stored;
}

/** A decide handler's result as a list of events, or why it is not one. */
export function decidedEvents(aggregate: string, command: string, streamId: string, out: unknown): readonly unknown[] {
  if (Array.isArray(out)) return out;
  const where = `${aggregate}'s decide for ${command} on "${streamId}"`;
  if (out === undefined || out === null) {
    throw new DomainCodeError(
      `${where} returned ${String(out)}: return the events it records (one { type, data }, or a list of them; [] records nothing), or call reject(...) to refuse the command`,
    );
  }
  if (typeof (out as { then?: unknown }).then === 'function') {
    // Its outcome is never used; a rejection must not surface later as an unhandled one.
    (out as PromiseLike<unknown>).then(undefined, () => undefined);
    throw new DomainCodeError(
      `${where} returned a Promise: decide must be synchronous (is it declared async?); work out anything it needs before sending the command, and return the events themselves`,
    );
  }
  return [out];
}
