import type { Writable } from 'node:stream';
import pc from 'picocolors';
import type { Colors } from 'picocolors/types';
import { terminalSafe } from '../core/terminalText';

/** Where a command reads and writes: the real process, or a test's buffers. */
export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

/** A real stream, because cucumber writes its reports to it; `isTTY` decides colors and progress. */
export type OutputStream = Writable & { readonly isTTY?: boolean };

export function processIO(): CliIO {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** Colors only for a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR forces them. */
export function colorsFor(stream: OutputStream, env: CliIO['env']): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const enabled = env.NO_COLOR === undefined && (forced || stream.isTTY === true);
  return pc.createColors(enabled);
}

/** Announces a stage of long work on stderr, only for a person watching a terminal (logs stay clean); stages quote paths and ids, printed terminal-safe. */
export function progress(io: CliIO): (message: string) => void {
  if (io.stderr.isTTY !== true) return () => {};
  const c = colorsFor(io.stderr, io.env);
  return (message) => io.stderr.write(`${c.dim('›')} ${terminalSafe(message)}\n`);
}

export function writeLine(stream: OutputStream, text = ''): void {
  stream.write(`${text}\n`);
}
