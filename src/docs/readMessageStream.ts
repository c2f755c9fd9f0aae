import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Envelope } from '@cucumber/messages';
import { EventspecError } from '../core/errors';
import { envelopeProblem } from './envelopeShape';

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

/**
 * Reads a Cucumber NDJSON message stream a megabyte at a time, so a long run's stream (165 MB at
 * 20,000 scenarios) is never held whole beside its parsed messages. A broken last line is a
 * truncated stream (reported, not fatal: the results before it are still worth showing); a broken
 * line in the middle is corruption. Errors name the file as `shownAs` (the path the user gave).
 */
export function readMessageStream(path: string, shownAs = path): MessageStream {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`;
    throw new DocsInputError(
      `the Cucumber message stream ${path} ${why} — run the features first (cucumber-js with the "message:${path}" format writes it), ` +
        'or build the documentation without results (eventspec docs without --require-results; buildDocs with allowMissingResults: true)',
    );
  }
  const reader = lineReader(shownAs);
  try {
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8');
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) reader.push(decoder.write(chunk.subarray(0, read)));
    reader.push(decoder.end());
  } finally {
    closeSync(fd);
  }
  return reader.end();
}

export function parseMessageStream(text: string, source: string): MessageStream {
  const reader = lineReader(source);
  reader.push(text);
  return reader.end();
}

/** Splits text pushed in pieces into lines, and parses each whole line as one envelope. */
function lineReader(source: string): { push(text: string): void; end(): MessageStream } {
  const envelopes: Envelope[] = [];
  let rest = '';
  let lineNumber = 0;
  const parse = (line: string, last: boolean): boolean => {
    lineNumber += 1;
    if (line.trim() === '') return true;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      if (last) return false;
      throw new DocsInputError(
        `${source}:${lineNumber}: not a Cucumber message (${(error as Error).message}); each line must be one JSON envelope — ` +
          'is this the output of the "message" formatter?',
      );
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new DocsInputError(`${source}:${lineNumber}: expected one JSON object per line (a Cucumber envelope), found ${Array.isArray(parsed) ? 'an array' : typeof parsed}`);
    }
    const problem = envelopeProblem(parsed as Record<string, unknown>);
    if (problem !== undefined) {
      throw new DocsInputError(
        `${source}:${lineNumber}: ${problem} — each line must be a message as Cucumber's "message" formatter writes it; ` +
          'write the stream again (run the features) or remove this line',
      );
    }
    envelopes.push(parsed as Envelope);
    return true;
  };
  return {
    push(text) {
      rest += text;
      let start = 0;
      for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
        parse(rest.slice(start, end), false);
        start = end + 1;
      }
      rest = rest.slice(start);
    },
    end() {
      // A last line without its newline that does not parse: the writer was cut off.
      if (rest.trim() !== '' && !parse(rest, true)) return { source, envelopes, truncatedAt: lineNumber };
      return { source, envelopes };
    },
  };
}
