/** A place in source code: where a vocabulary entry or a domain phrasing is declared. */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

/**
 * Where the code that called into `skipFile` is: the first stack frame outside it. Read from the
 * stack's text, so ts-node's source maps give TypeScript lines, not compiled ones.
 */
export function callerSite(skipFile: string): SourceSite | undefined {
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const file = match[1]!.replace(/^file:\/\//, '');
    if (file === __filename || file === skipFile || file.startsWith('node:')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
