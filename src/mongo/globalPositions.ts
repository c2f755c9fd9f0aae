import type { RecordedEvent } from '../core/envelope';
import { EventspecError } from '../core/errors';
import type { ReadAllOptions } from '../eventStore/eventStore';
import { checkReadAllOptions } from '../eventStore/readOptions';

/**
 * Global positions come from one counter document, bumped inside the same transaction that pushes
 * the events into their chunk. Transactions that bump the counter conflict with each other, so
 * positions are handed out in commit order, with no gaps (an aborted transaction bumps nothing), and
 * what majority reads see is always a prefix 1..head of the log.
 */
export const POSITION_COUNTER_ID = 'position';

export function readCounter(doc: unknown, collection: string): number {
  if (doc === null || doc === undefined) {
    throw new EventspecError(
      `the position counter (document "${POSITION_COUNTER_ID}" in collection ${collection}) is missing; the store creates it at start. ` +
        'If it was deleted by hand, restore it with value = the highest stored position before appending again.',
    );
  }
  const value = (doc as { value?: unknown }).value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new EventspecError(`the position counter in collection ${collection} holds ${JSON.stringify(value)}, not a whole number ≥ 0`);
  }
  return value;
}

/** The first position of a batch of `count`, given the counter after it was bumped by `count`. */
export function firstPositionOf(counterAfter: number, count: number): number {
  const first = counterAfter - count + 1;
  if (!Number.isInteger(first) || first < 1) throw new EventspecError(`the position counter (${counterAfter}) is below the batch size (${count})`);
  return first;
}

/** Which positions one `readAll` asks for: after `after`, up to the head seen just before, at most `maxCount`. */
export function readAllWindow(options: ReadAllOptions, head: number): { after: number; upper: number } | undefined {
  checkReadAllOptions(options);
  const after = options.after ?? 0;
  const maxCount = options.maxCount ?? Infinity;
  if (maxCount === 0 || after >= head) return undefined;
  return { after, upper: Math.min(head, after + maxCount) };
}

/**
 * Every position in (after, upper] was committed before the read began, so each must be there
 * exactly once. A gap here is not "not visible yet" but a lost document: it is reported, never skipped.
 */
export function inGlobalOrder(events: readonly RecordedEvent[], window: { after: number; upper: number }): RecordedEvent[] {
  const sorted = [...events].sort((a, b) => a.position - b.position);
  for (let i = 0; i < sorted.length; i++) {
    const expected = window.after + i + 1;
    const event = sorted[i]!;
    if (event.position === expected) continue;
    if (event.position < expected) {
      throw new EventspecError(`global position ${event.position} is stored twice (stream "${event.streamId}" version ${event.version} and another event)`);
    }
    throw new EventspecError(`global position ${expected} is missing from the event log, though the counter is past it: a chunk document was deleted or edited by hand`);
  }
  const expectedCount = window.upper - window.after;
  if (sorted.length < expectedCount) {
    throw new EventspecError(`global positions ${window.after + sorted.length + 1}..${window.upper} are missing from the event log, though the counter is past them: a chunk document was deleted or edited by hand`);
  }
  return sorted;
}

/**
 * What set-up does with the counter, given the highest position stored in any chunk (read first)
 * and the counter (read after, so in a sound store it is never below). A missing counter is
 * created at the highest stored position, never at 0 while events exist, which would hand out
 * their positions again (after a partial restore, or a dropped collection). A counter below the
 * stored events is refused: appending would duplicate positions.
 */
export function counterAtStart(counter: number | undefined, highestStored: number, collection: string): { create: number } | undefined {
  if (counter === undefined) return { create: highestStored };
  if (counter < highestStored) {
    throw new EventspecError(
      `the position counter (document "${POSITION_COUNTER_ID}" in collection ${collection}) is at ${counter}, but events are stored up to ` +
        `position ${highestStored}: appending now would hand out positions twice. This happens when the positions collection is restored ` +
        `from an older backup than the events. Set it with db.${collection}.updateOne({_id: "${POSITION_COUNTER_ID}"}, {$set: {value: ${highestStored}}}) ` +
        'while no writer runs, then start again.',
    );
  }
  return undefined;
}

/** The highest position in a chunk found by sorting on `events.position` (projected to positions). */
export function highestPositionIn(doc: unknown): number {
  const events = (doc as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) return 0;
  return events.reduce((max: number, e: unknown) => {
    const position = (e as { position?: unknown } | null)?.position;
    return typeof position === 'number' && position > max ? position : max;
  }, 0);
}
