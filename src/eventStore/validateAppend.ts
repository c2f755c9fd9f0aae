import type { NewEvent } from '../core/envelope';
import { EventspecError } from '../core/errors';
import { checkExpectedVersion, type ExpectedVersion } from './expectedVersion';
import type { AppendOptions } from './eventStore';
import { didYouMean } from '../core/suggest';
import { isIsoTimeText } from '../core/isoTime';
import { checkStreamId, isWellFormed, unstorableValue } from '../core/storableValue';
import { LARGEST_STORED_BYTES, storedEventSize, storedEventSizeOf, storedSize } from '../core/storedSize';
import { NOT_PLAIN, plainStoredSize } from '../core/storableSize';

/**
 * Rejects malformed input before any store looks at it; every store calls this first, with the
 * options as given, and appends with the expected version it returns (`any` when none is given).
 */
export function validateAppend(streamId: unknown, events: readonly NewEvent[], options: AppendOptions | undefined): ExpectedVersion {
  checkStreamId(streamId);
  if (streamId.length > 512) throw new EventspecError(`stream id "${streamId.slice(0, 40)}…" is longer than 512 characters`);
  const expected = expectedVersionOf(streamId, options);
  if (!Array.isArray(events)) throw new EventspecError(`stream "${streamId}": events must be an array`);
  let batchBytes = 0;
  events.forEach((event, i) => {
    // The place is spelled out only for a refusal: a string made per event per append is garbage on the hot path.
    if (event === null || typeof event !== 'object') throw new EventspecError(`${place(streamId, i)}: not an event`);
    if (typeof event.id !== 'string' || event.id.length === 0) throw new EventspecError(`${place(streamId, i)}: the event id must be a non-empty string`);
    if (!isWellFormed(event.id)) throw new EventspecError(`${place(streamId, i)}: the event id ${JSON.stringify(event.id)} has a lone surrogate, which a store would turn into U+FFFD (a retry would no longer be recognised); fix the id`);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new EventspecError(`${place(streamId, i)}: the event type must be a non-empty string`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new EventspecError(`${place(streamId, i)} (${event.type}): schemaVersion must be a whole number ≥ 1`);
    }
    if (event.metadata === null || typeof event.metadata !== 'object' || typeof event.metadata.occurredAt !== 'string') {
      throw new EventspecError(`${place(streamId, i)} (${event.type}): metadata.occurredAt must be an ISO time string`);
    }
    if (!isIsoTimeText(event.metadata.occurredAt)) {
      throw new EventspecError(
        `${place(streamId, i)} (${event.type}): metadata.occurredAt ${JSON.stringify(event.metadata.occurredAt.slice(0, 40))} is not an ISO time; ` +
          'write it as toISOString() does, with a zone (2025-03-01T10:00:00.000Z or 2025-03-01T11:00:00+01:00). Nothing was written.',
      );
    }
    // Both stores refuse what one of them would change, so tests on one tell the truth about the other.
    let problem: string | undefined;
    let bytes: number;
    try {
      // Plain data is checked and counted in one walk; anything else takes the walk that names the path.
      const dataSize = plainStoredSize(event.data);
      const metadataSize = dataSize === NOT_PLAIN ? NOT_PLAIN : plainStoredSize(event.metadata);
      if (metadataSize !== NOT_PLAIN) bytes = storedEventSizeOf(event, dataSize, metadataSize);
      else {
        problem = unstorableValue(event.data, 'data') ?? unstorableValue(event.metadata, 'metadata');
        bytes = problem ? 0 : storedEventSize(event);
      }
    } catch (error) {
      // A getter that throws, a proxy that refuses: the value cannot be read, so it cannot be stored.
      throw new EventspecError(`${place(streamId, i)} (${event.type}): ${(error as Error).message}`);
    }
    if (problem) throw new EventspecError(`${place(streamId, i)} (${event.type}): ${problem}. Nothing was written.`);
    if (bytes > LARGEST_STORED_BYTES) {
      throw new EventspecError(
        `${place(streamId, i)} (${event.type}) takes ${bytes} bytes as stored${largestField(event.data)}, over the ${LARGEST_STORED_BYTES} bytes (15 MiB) any store keeps in one event ` +
          "(MongoDB's documents end at 16 MiB); keep large content elsewhere and store a reference to it in the event. Nothing was written.",
      );
    }
    batchBytes += bytes;
  });
  if (batchBytes > LARGEST_STORED_BYTES) {
    throw new EventspecError(
      `stream "${streamId}": the batch of ${events.length} events takes ${batchBytes} bytes as stored, over the ${LARGEST_STORED_BYTES} bytes (15 MiB) ` +
        'any store keeps in one append (MongoDB writes a batch into one document); append it in smaller batches. Nothing was written.',
    );
  }
  return expected;
}

/** Where in a batch a refused event is. */
function place(streamId: string, index: number): string {
  return `stream "${streamId}", event ${index + 1} of the batch`;
}

/** ", most of it in data.blob (N bytes)": where to look, for an event too big to store. */
function largestField(data: unknown): string {
  if (data === null || typeof data !== 'object') return '';
  let name: string | undefined;
  let most = 0;
  for (const key of Object.keys(data)) {
    const size = storedSize((data as Record<string, unknown>)[key]);
    if (size > most) {
      most = size;
      name = key;
    }
  }
  return name === undefined ? '' : `, most of it in data.${name} (${most} bytes)`;
}

/** `append(s, events, 3)` or `{ expected: 3 }` would otherwise append with no check at all. */
function expectedVersionOf(streamId: string, options: AppendOptions | undefined): ExpectedVersion {
  if (options === undefined) return 'any';
  if (options === null || typeof options !== 'object') {
    throw new EventspecError(`appending to stream "${streamId}": the options must be an object such as { expectedVersion: 3 }, got ${String(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'expectedVersion') throw new EventspecError(`appending to stream "${streamId}": unknown option "${key}"${didYouMean(key, ['expectedVersion'])}`);
  }
  const expected = options.expectedVersion ?? 'any';
  checkExpectedVersion(streamId, expected);
  return expected;
}
