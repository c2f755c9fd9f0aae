import { findSourceMap } from 'node:module';
import type { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/** A place in source code: where a vocabulary entry or a domain phrasing is declared. */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

/**
 * Where the code that called into `skipFile` is: the first stack frame outside it, at its
 * TypeScript line. With Node's source maps on (eventspec/register) only that one frame is mapped:
 * the text of a stack maps every frame, parsing the source map of each file on it, and the
 * domains and the vocabulary ask this once per declaration at start-up. Otherwise (ts-node maps
 * stacks its own way) the stack's text is read.
 */
export function callerSite(skipFile: string): SourceSite | undefined {
  return process.sourceMapsEnabled ? fromCallSites(skipFile) : fromStackText(skipFile);
}

// Node builds a new SourceMap on each findSourceMap call; a file's map never changes once loaded.
const maps = new Map<string, SourceMap | undefined>();
function sourceMapOf(file: string): SourceMap | undefined {
  if (!maps.has(file)) maps.set(file, findSourceMap(file));
  return maps.get(file);
}

const skipped = (file: string, skipFile: string) => file === __filename || file === skipFile || file.startsWith('node:');

function fromCallSites(skipFile: string): SourceSite | undefined {
  const prepare = Error.prepareStackTrace;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  let sites: NodeJS.CallSite[] = [];
  Error.prepareStackTrace = (_error, callSites) => callSites;
  try {
    Error.captureStackTrace(holder, callerSite);
    // Read while the override is in place: the stack is formatted when first read.
    sites = holder.stack ?? [];
  } finally {
    Error.prepareStackTrace = prepare;
  }
  for (const site of sites) {
    const file = site.getFileName();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (!file || line === null || column === null || skipped(file, skipFile)) continue;
    // As Node prints a mapped frame (lib/internal/source_map/prepare_stack_trace.js).
    const entry = sourceMapOf(file)?.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (entry?.originalSource && entry.originalLine !== undefined && entry.originalColumn !== undefined) {
      const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : entry.originalSource;
      return { file: source, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
    }
    return { file: file.replace(/^file:\/\//, ''), line, column };
  }
  return undefined;
}

function fromStackText(skipFile: string): SourceSite | undefined {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const file = match[1]!.replace(/^file:\/\//, '');
    if (skipped(file, skipFile)) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
