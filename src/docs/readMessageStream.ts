import { readFileSync } from 'node:fs';
import type { Envelope } from '@cucumber/messages';
import { EventspecError } from '../core/errors';

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
 * Reads a Cucumber NDJSON message stream. A broken last line is a truncated stream (reported, not
 * fatal: the results before it are still worth showing); a broken line in the middle is corruption.
 */
export function readMessageStream(path: string): MessageStream {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`;
    throw new DocsInputError(
      `the Cucumber message stream ${path} ${why} — run the features first (cucumber-js with the "message:${path}" format writes it), ` +
        'or build the documentation without results (allowMissingResults)',
    );
  }
  return parseMessageStream(text, path);
}

export function parseMessageStream(text: string, source: string): MessageStream {
  const envelopes: Envelope[] = [];
  const lines = text.split('\n');
  let truncatedAt: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      const isLast = lines.slice(i + 1).every((l) => l.trim() === '');
      if (isLast && !text.endsWith('\n')) {
        truncatedAt = i + 1;
        break;
      }
      throw new DocsInputError(
        `${source}:${i + 1}: not a Cucumber message (${(error as Error).message}); each line must be one JSON envelope — ` +
          'is this the output of the "message" formatter?',
      );
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new DocsInputError(`${source}:${i + 1}: expected one JSON object per line (a Cucumber envelope), found ${Array.isArray(parsed) ? 'an array' : typeof parsed}`);
    }
    envelopes.push(parsed as Envelope);
  }
  return truncatedAt === undefined ? { source, envelopes } : { source, envelopes, truncatedAt };
}
