/**
 * The `eventspec` command line. Each command is also a plain function, so it can be called (and
 * tested) without spawning a process.
 */
export { runCli, main } from './runCli';
export { createProgram } from './createProgram';
export type { ProgramOptions } from './createProgram';
export { ExitCode, UsageError } from './exitCodes';
export type { CliIO, OutputStream } from './cliIO';
export { loadDomain, CONFIG_FILES, isDomain } from './loadDomain';
export type { FoundDomain } from './loadDomain';
export { openMongoStoresFromUri } from './openStores';
export type { OpenedStores, StoreOpener } from './openStores';
export { redactCredentials, scrubError } from './redactCredentials';
export { testCommand, cucumberArgv, profilesFor, shardOption } from './commands/testCommand';
export type { TestOptions } from './commands/testCommand';
export { catalogCommand } from './commands/catalogCommand';
export { inspectStream, inspectCommand, formatStreamReport } from './commands/inspectCommand';
export type { InspectRequest, StreamReport, InspectedEvent } from './commands/inspectCommand';
export { initProject, dependencySpec } from './commands/initCommand';
export type { InitOptions, InitResult } from './commands/initCommand';
export { addAggregate } from './commands/newAggregateCommand';
export type { NewAggregateOptions, NewAggregateResult } from './commands/newAggregateCommand';
export { serveCommand } from './commands/serveCommand';
export type { ServeOptions, ServeUntil } from './commands/serveCommand';
