import { Command } from 'commander';
import type { CliIO } from './cliIO';
import { colorsFor } from './cliIO';
import { redactCredentials } from './redactCredentials';
import { terminalSafe } from '../core/terminalText';
import { registerCatalog } from './commands/catalogCommand';
import { registerCheck } from './commands/checkCommand';
import { registerDocs } from './commands/docsCommand';
import { registerInit } from './commands/initCommand';
import { registerInspect } from './commands/inspectCommand';
import { registerNew } from './commands/newAggregateCommand';
import { registerServe } from './commands/serveCommand';
import type { ServeUntil } from './commands/serveCommand';
import { registerSteps } from './commands/stepsCommand';
import { registerTest } from './commands/testCommand';
import type { ExitCode } from './exitCodes';
import type { StoreOpener } from './openStores';
import { packageInfo } from './packageInfo';

export interface ProgramOptions {
  /** How `inspect` opens a store from a URI (default: MongoDB, loaded lazily). */
  openStores?: StoreOpener;
  /** When `serve` stops (default: on SIGINT or SIGTERM); tests stop it once their requests are done. */
  serveUntil?: ServeUntil;
}

/**
 * The `eventspec` command and its subcommands. Commander throws instead of exiting (so tests and
 * `runCli` decide the exit code) and writes through `io`. Each command reports its code to `done`.
 */
export function createProgram(io: CliIO, done: (code: ExitCode) => void, options: ProgramOptions = {}): Command {
  const red = colorsFor(io.stderr, io.env).red;
  const program = new Command('eventspec')
    .description('BDD-driven domain modeling with event sourcing: run specifications, build the living documentation, property-check aggregates, export the catalog, scaffold, inspect streams, serve the domain over HTTP')
    .version(packageInfo().version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander quotes the arguments it refuses, and an argument may be a connection string.
      outputError: (text, write) => write(red(terminalSafe(redactCredentials(text)))),
    })
    .showSuggestionAfterError(true)
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 failures (failing scenarios, missing stream, broken domain), 2 usage error.');

  registerTest(program, io, done);
  registerCatalog(program, io, done);
  registerInspect(program, io, done, options.openStores);
  registerInit(program, io, done);
  registerNew(program, io, done);
  registerDocs(program, io, done);
  registerCheck(program, io, done);
  registerSteps(program, io, done);
  registerServe(program, io, done, options.serveUntil);
  return program;
}
