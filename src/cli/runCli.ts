import { CommanderError } from 'commander';
import { EventspecError } from '../core/errors';
import type { CliIO } from './cliIO';
import { colorsFor, processIO, writeLine } from './cliIO';
import type { ProgramOptions } from './createProgram';
import { createProgram } from './createProgram';
import { ExitCode, UsageError } from './exitCodes';
import { redactCredentials } from './redactCredentials';
import { terminalSafe } from '../core/terminalText';

/** Runs one command line (without `node eventspec`) and gives its exit code; never exits the process. */
export async function runCli(argv: readonly string[], io: CliIO = processIO(), options: ProgramOptions = {}): Promise<ExitCode> {
  let code: ExitCode = ExitCode.ok;
  const program = createProgram(io, (c) => (code = c), options);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return report(error, io);
  }
}

/** Entry point of bin/eventspec.js. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  runCli(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = report(error, processIO());
    },
  );
}

function report(error: unknown, io: CliIO): ExitCode {
  // Commander has already printed its message (with a did-you-mean) through configureOutput.
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  const c = colorsFor(io.stderr, io.env);
  // The causes' messages too: "Cucumber errored…" alone does not say what to fix.
  const causes: string[] = [];
  for (let e: unknown = error instanceof Error ? error.cause : undefined; e instanceof Error && causes.length < 3; e = e.cause) {
    if (!(error as Error).message.includes(e.message)) causes.push(e.message);
  }
  // Messages quote ids, feature text and driver output: no password, and nothing the terminal would obey.
  const message = terminalSafe(redactCredentials([error instanceof Error ? error.message : String(error), ...causes].join(': ')));
  writeLine(io.stderr, c.red(`eventspec: ${message}`));
  if (io.env.EVENTSPEC_DEBUG) writeLine(io.stderr, terminalSafe(redactCredentials(stackOf(error))));
  else if (!(error instanceof EventspecError)) writeLine(io.stderr, c.dim('(set EVENTSPEC_DEBUG=1 for the stack trace)'));
  return error instanceof UsageError ? ExitCode.usage : ExitCode.failed;
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.stack ?? e.message);
  return parts.join('\ncaused by ');
}
