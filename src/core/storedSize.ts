import { isAnyDate } from './anyDate';
import { digits, textBytes } from './storableSize';

/**
 * How many bytes a value takes as BSON, computed without the driver (an in-memory project does not
 * install it), so every store can refuse an event no MongoDB document could hold. Follows the
 * serializer's rules for plain data: whole numbers in int32 range take 4 bytes, other numbers (and -0) 8; an
 * undefined field is left out, undefined in an array is null. `unstorableValue` has refused the rest.
 */

/** MongoDB refuses documents over 16 MiB; a chunk keeps 1 MiB for its own fields and the update command. */
export const LARGEST_STORED_BYTES = 15 * 1024 * 1024;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function storedSize(value: unknown): number {
  return valueSize(value) ?? 0;
}

function valueSize(value: unknown): number | undefined {
  switch (typeof value) {
    case 'string':
      return 4 + utf8Length(value) + 1;
    case 'number':
      // -0 stays a double, so its sign survives.
      return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0) ? 4 : 8;
    case 'boolean':
      return 1;
    case 'undefined':
      return undefined;
    case 'object':
      break;
    default:
      return 8;
  }
  if (value === null) return 0;
  if (isAnyDate(value)) return 8;
  let size = 5;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) size += 1 + digits(i) + 1 + (valueSize(value[i]) ?? 0);
    return size;
  }
  for (const key of Object.keys(value)) {
    const field = valueSize((value as Record<string, unknown>)[key]);
    if (field !== undefined) size += 1 + utf8Length(key) + 1 + field;
  }
  return size;
}

/** UTF-8 length; a lone surrogate counts as the 3 bytes of the U+FFFD it would become. */
function utf8Length(text: string): number {
  const bytes = textBytes(text);
  return bytes >= 0 ? bytes : Buffer.byteLength(text, 'utf8');
}

const RECORDED_AT = 1 + 'recordedAt'.length + 1 + 4 + '2025-01-01T00:00:00.000Z'.length + 1;

/**
 * What one event adds to a MongoDB chunk, as the MongoDB store counts it (`encodeEvent`): the event
 * document with the widest version and position, its `recordedAt`, and its array slot.
 */
export function storedEventSize(event: { id: string; type: string; data: unknown; metadata: object }): number {
  return storedEventSizeOf(event, storedSize(event.data), storedSize(event.metadata));
}

/** As storedEventSize, with the sizes of data and metadata already counted (by `plainStoredSize`). */
export function storedEventSizeOf(event: { id: string; type: string; data: unknown; metadata: object }, dataSize: number, metadataSize: number): number {
  const metadata = metadataSize + ('recordedAt' in event.metadata ? 0 : RECORDED_AT);
  const document =
    5 +
    (1 + 3 + storedSize(event.id)) +
    (1 + 5 + storedSize(event.type)) +
    (1 + 'schemaVersion'.length + 1 + 4) +
    (1 + 'version'.length + 1 + 8) +
    (1 + 'position'.length + 1 + 8) +
    (event.data === undefined ? 0 : 1 + 5 + dataSize) +
    (1 + 9 + metadata);
  return 1 + '0000000'.length + 1 + document;
}
