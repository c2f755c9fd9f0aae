import { EventspecError } from '../core/errors';

/** Stream ids are data: only a non-empty string ever reaches a query, never an object an operator could hide in. */
export function checkStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new EventspecError(`stream id must be a non-empty string, got ${JSON.stringify(streamId)}`);
  }
}
