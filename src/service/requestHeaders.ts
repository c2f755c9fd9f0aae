import { EventspecError } from '../core/errors';
import { parseJsonBody } from './jsonBody';

/** Read a header Fastify may hand over as a list (a header sent twice). */
export function singleHeader(value: string | string[] | undefined, name: string): string | undefined {
  if (Array.isArray(value)) {
    if (value.length > 1) throw new EventspecError(`the ${name} header was sent ${value.length} times; send it once`);
    return value[0];
  }
  return value;
}

/**
 * `If-Match: "3"` → 3: the version the stream must be at (the ETag the service gave). The weak
 * form and a bare number are accepted; `*` and lists are not versions.
 */
export function expectedVersionOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  // A weak tag never matches If-Match (RFC 9110 §13.1.1); the service gives strong ones.
  if (/^\s*W\//.test(header)) {
    throw new EventspecError(`If-Match ${JSON.stringify(header)} is a weak tag, which never matches; send the ETag as the service answered it, e.g. If-Match: "3"`);
  }
  const match = /^\s*"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw new EventspecError(
      `If-Match ${JSON.stringify(header)} is not a stream version; send the ETag the service answered with, e.g. If-Match: "3" (0 = a new stream), or leave it out to have conflicts retried`,
    );
  }
  return Number(match[1]);
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** `Idempotency-Key` is the command id: the same key answers the same command, once. */
export function commandIdOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!KEY.test(header)) {
    throw new EventspecError('Idempotency-Key must be 1 to 200 visible ASCII characters without spaces, e.g. a UUID; send the same key again to retry the same command');
  }
  return header;
}

/** `?atVersion=2` → 2; a missing parameter is undefined, anything but a whole number ≥ 0 is refused. */
export function versionParameter(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,15}$/.test(text)) throw new EventspecError(`atVersion=${JSON.stringify(text)} is not a version; give a whole number ≥ 0 (the state after that many events)`);
  return Number(text);
}

/** `X-Event-Metadata: {"user":"alice"}`: user metadata copied onto every event the command records. */
export function eventMetadataOf(header: string | undefined): Record<string, unknown> | undefined {
  if (header === undefined) return undefined;
  let value: unknown;
  try {
    value = parseJsonBody(header, 'the header X-Event-Metadata', 'send the metadata for the events as a JSON object, e.g. {"user":"alice"}');
  } catch (error) {
    throw new EventspecError((error as Error).message);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EventspecError('X-Event-Metadata must be a JSON object, e.g. {"user":"alice"}: its fields are copied onto every event the command records');
  }
  return value as Record<string, unknown>;
}
