import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CliIO, ProgramOptions } from '../../src/cli';
import { runCli } from '../../src/cli';

export const repoRoot = join(__dirname, '..', '..');
export const fixtures = join(__dirname, 'fixtures');
export const shopDomain = join(fixtures, 'shopDomain.ts');

class Collector extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

export interface Captured {
  io: CliIO;
  stdout: () => string;
  stderr: () => string;
}

/** An io whose output the test reads; `tty` pretends to be a terminal (for colors and progress). */
export function captureIO(cwd: string, env: Record<string, string | undefined> = {}, tty = false): Captured {
  const stdout = new Collector(tty);
  const stderr = new Collector(tty);
  return { io: { cwd, env, stdout, stderr }, stdout: () => stdout.text, stderr: () => stderr.text };
}

export async function run(argv: string[], cwd = repoRoot, env: Record<string, string | undefined> = {}, options: ProgramOptions = {}) {
  const captured = captureIO(cwd, env);
  const code = await runCli(argv, captured.io, options);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** Runs bin/eventspec.js in a child process, as a user would. */
export function spawnBin(argv: string[], cwd = repoRoot, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'eventspec.js'), ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
