import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NdjsonToMessageStream } from '@cucumber/message-streams';
import type { Envelope } from '@cucumber/messages';
import { EventspecError } from '../core/errors';
import { envelopeProblem } from './envelopeShape';
import { dropUnreadLines, isUnreadLine, splitLines } from './unreadLines';

/** The documentation could not be built from its inputs; the message says which file and what to do. */
export class DocsInputError extends EventspecError {
  override name = 'DocsInputError';
}

export interface MessageStream {
  readonly source: string;
  readonly envelopes: Envelope[];
  /** The stream stopped mid-line: the run was killed, or the file was copied while being written. */
  readonly truncatedAt?: number;
}

export interface StreamRead {
  readonly source: string;
  readonly count: number;
  readonly truncatedAt?: number;
}

/** Reads a whole stream into a list: for tests and tools; the build hands each envelope on instead. */
export async function readMessageStream(path: string, shownAs = path): Promise<MessageStream> {
  const envelopes: Envelope[] = [];
  const read = await streamMessages(path, shownAs, (e) => envelopes.push(e));
  return { source: read.source, envelopes, ...(read.truncatedAt !== undefined ? { truncatedAt: read.truncatedAt } : {}) };
}

export async function parseMessageStream(text: string, source: string): Promise<MessageStream> {
  const envelopes: Envelope[] = [];
  const bytes = () => Readable.from([Buffer.from(text)]);
  const read = await readLines(bytes(), source, (e) => envelopes.push(e), bytes);
  return { source, envelopes, ...(read.truncatedAt !== undefined ? { truncatedAt: read.truncatedAt } : {}) };
}

/**
 * Streams a Cucumber NDJSON message stream (cucumber's own NdjsonToMessageStream), handing each
 * checked envelope to `each`, so a long run's stream (165 MB at 20,000 scenarios) is never held
 * as text. A broken last line is a truncated stream (reported, not fatal: the results before it
 * are still worth showing); a broken line in the middle is corruption. Errors name the file as
 * `shownAs` (the path the user gave) and the line.
 */
export async function streamMessages(path: string, shownAs: string, each: (envelope: Envelope) => void): Promise<StreamRead> {
  // Read in 1 MB pieces (fewer buffers to allocate); lines the site never reads are dropped before
  // they are decoded, and the rest passed on in pieces small enough to decode fast (PASSED_PIECE).
  const open = () => createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    return await readLines(open(), shownAs, each, open);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'EACCES' && code !== 'EISDIR') throw error;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
    throw new DocsInputError(
      `the Cucumber message stream ${shownAs} ${why} — run the features first (npm test or eventspec test writes it; so does cucumber-js with the "message:${shownAs}" format), ` +
        'or build the documentation without results (eventspec docs without --require-results; buildDocs with allowMissingResults: true)',
    );
  }
}

async function readLines(input: Readable, source: string, each: (envelope: Envelope) => void, reopen: () => Readable): Promise<StreamRead> {
  // The library skips blank lines without telling, and lines the site never reads are dropped
  // before it: `parsed` counts the lines it handed over, and a refused line's number is found
  // afterwards by counting again (only on that rare path).
  let parsed = 0;
  let refused: { nth: number; why: (line: number) => string } | undefined;
  const parseLine = (line: string): Envelope => {
    parsed += 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      refused = { nth: parsed, why: (at) => `${source}:${at}: not a Cucumber message (${(error as Error).message}); each line must be one JSON envelope — is this the output of the "message" formatter?` };
      throw error;
    }
    const problem = shapeProblem(value);
    if (problem !== undefined) {
      refused = { nth: parsed, why: (at) => `${source}:${at}: ${problem}` };
      throw new Error(problem);
    }
    return value as Envelope;
  };
  let handed = 0;
  const messages = new NdjsonToMessageStream(parseLine);
  messages.on('data', (envelope: Envelope) => {
    handed += 1;
    // More objects than parsed lines: this one is the last line without its newline, which the
    // library parses on its own, unchecked.
    if (handed > parsed) {
      const problem = shapeProblem(envelope);
      if (problem !== undefined) {
        refused = { nth: handed, why: (at) => `${source}:${at}: ${problem}` };
        messages.destroy(new Error(problem));
        return;
      }
    }
    each(envelope);
  });
  try {
    await pipeline(input, dropUnreadLines(), messages);
    return { source, count: handed };
  } catch (error) {
    if (refused) throw new DocsInputError(refused.why(await physicalLine(reopen(), refused.nth)));
    // The library parses the last line (no newline after it) on its own: failing there, it was cut off.
    if ((error as Error).message.startsWith('Not JSONs:')) return { source, count: handed, truncatedAt: await physicalLine(reopen(), handed + 1) };
    // Anything else thrown while handing an envelope on is wrapped by the library as "Not JSON".
    throw (error as Error).cause ?? error;
  }
}


function shapeProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `expected one JSON object per line (a Cucumber envelope), found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`;
  }
  const problem = envelopeProblem(value as Record<string, unknown>);
  return problem === undefined
    ? undefined
    : `${problem} — each line must be a message as Cucumber's "message" formatter writes it; write the stream again (run the features) or remove this line`;
}

/** The line number of the `nth` line that is neither blank nor one the site never reads. */
async function physicalLine(input: Readable, nth: number): Promise<number> {
  let line = 0;
  let seen = 0;
  let found: number | undefined;
  const count = (buf: Buffer, start: number, end: number) => {
    line += 1;
    if (found !== undefined) return;
    let blank = true;
    for (let i = start; i < end && blank; i++) blank = buf[i] === 32 || buf[i] === 9 || buf[i] === 13;
    if (!blank && !isUnreadLine(buf, start, end) && ++seen === nth) found = line;
  };
  let tail: Buffer | undefined;
  for await (const piece of input) {
    tail = splitLines(piece as Buffer, tail, count);
    if (found !== undefined) return found;
  }
  // The last line, without its newline.
  return line + 1;
}
