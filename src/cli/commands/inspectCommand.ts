import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Colors } from 'picocolors/types';
import { loadAggregate } from '../../commandHandling/loadAggregate';
import { toDate } from '../../core/clock';
import { UnknownNameError } from '../../core/errors';
import type { Domain } from '../../domain/defineDomain';
import type { EventStore } from '../../eventStore/eventStore';
import type { SnapshotStore } from '../../snapshots/snapshotStore';
import type { CliIO } from '../cliIO';
import { colorsFor, progress, writeLine } from '../cliIO';
import { ExitCode, UsageError } from '../exitCodes';
import { loadDomain } from '../loadDomain';
import type { StoreOpener } from '../openStores';
import { openMongoStoresFromUri } from '../openStores';
import { redactCredentials, scrubError } from '../redactCredentials';
import { looksLikeConnectionString } from '../../core/redactCredentials';
import { terminalSafe, terminalSafeJson } from '../../core/terminalText';

export interface InspectRequest {
  domain: Domain;
  events: EventStore;
  snapshots?: SnapshotStore;
  streamId: string;
  /** Show the stream up to this version. */
  at?: number;
  /** Show the events that occurred at or before this time. */
  asOf?: string;
}

export interface InspectedEvent {
  version: number;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  /** As stored, at its own schema version (the state shows it upcast). */
  data: unknown;
}

export interface StreamReport {
  streamId: string;
  aggregate: string;
  id: string;
  /** How many events the stream has in all. */
  streamVersion: number;
  /** The version the state is shown at. */
  version: number;
  at?: number;
  asOf?: string;
  events: InspectedEvent[];
  state: unknown;
}

/** A stream's events up to a version or a time, and the aggregate's state there. */
export async function inspectStream(request: InspectRequest): Promise<StreamReport> {
  const { domain, events, streamId } = request;
  const owner = ownerOfStream(domain, streamId);
  if (request.at !== undefined && request.asOf !== undefined) throw new UsageError('give either --at or --as-of, not both');
  const asOf = request.asOf === undefined ? undefined : toIso(request.asOf);
  const streamVersion = await events.streamVersion(streamId);
  if (request.at !== undefined && request.at > streamVersion) {
    throw new UsageError(`stream "${streamId}" has ${streamVersion} events, so it has no version ${request.at}`);
  }
  const loadOptions = asOf !== undefined ? { asOf } : request.at !== undefined ? { atVersion: request.at } : {};
  const loaded = await loadAggregate({ store: events, snapshots: request.snapshots }, owner.aggregate, streamId, loadOptions);
  const shown = loaded.version === 0 ? [] : await events.readStream(streamId, { maxCount: loaded.version });
  const report: StreamReport = {
    streamId,
    aggregate: owner.aggregate.name,
    id: owner.id,
    streamVersion,
    version: loaded.version,
    events: shown.map((e) => ({ version: e.version, type: e.type, schemaVersion: e.schemaVersion, occurredAt: e.metadata.occurredAt, data: e.data })),
    state: loaded.state,
  };
  if (request.at !== undefined) report.at = request.at;
  if (asOf !== undefined) report.asOf = asOf;
  return report;
}

/**
 * The aggregate a stream id names, checked before anything is opened: a connection string in the
 * stream's place (never echoed: it may hold a password), or an aggregate name with no id, is refused.
 */
export function ownerOfStream(domain: Domain, streamId: string): ReturnType<Domain['aggregateOfStream']> {
  if (looksLikeConnectionString(streamId)) {
    throw new UsageError(
      'the stream id looks like a connection string (not shown, as it may hold a password): ' +
        'give the stream as <Aggregate>-<id>, e.g. Order-o-1, and the connection string with --mongo <uri> or MONGODB_URI',
    );
  }
  let owner: ReturnType<Domain['aggregateOfStream']>;
  try {
    owner = domain.aggregateOfStream(streamId);
  } catch (error) {
    if (error instanceof UnknownNameError) throw new UsageError(error.message);
    throw error;
  }
  if (owner.id === '') {
    throw new UsageError(`stream "${streamId}" names the ${owner.aggregate.name} aggregate but no id: give the id after the dash, e.g. ${owner.aggregate.name}-1`);
  }
  return owner;
}

function toIso(time: string): string {
  try {
    return toDate(time, '--as-of').toISOString();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The report for a person: one line per event, then the state. Stored text is printed terminal-safe. */
export function formatStreamReport(report: StreamReport, c: Colors): string {
  const lines: string[] = [];
  const where = report.at !== undefined ? ` at version ${report.at}` : report.asOf !== undefined ? ` as of ${report.asOf}` : '';
  lines.push(`${c.bold(terminalSafe(report.streamId))} ${c.dim(`(${report.aggregate} "${terminalSafe(report.id)}")`)} — ${plural(report.streamVersion, 'event')}${where}`);
  if (report.events.length === 0) {
    lines.push(c.dim(report.streamVersion === 0 ? '  no events: nothing was ever recorded on this stream' : '  no events up to this point'));
  }
  const typeWidth = Math.max(4, ...report.events.map((e) => e.type.length));
  const versionWidth = String(report.streamVersion).length;
  for (const e of report.events) {
    const version = `v${String(e.version).padStart(versionWidth)}`;
    const schema = c.dim(`schema v${e.schemaVersion}`);
    lines.push(`  ${c.cyan(version)}  ${terminalSafe(e.type.padEnd(typeWidth))}  ${schema}  ${c.dim(terminalSafe(e.occurredAt))}  ${oneLine(e.data)}`);
  }
  lines.push('', `${c.bold('State')} at version ${report.version}:`);
  lines.push(...terminalSafeJson(JSON.stringify(report.state, jsonSafe, 2)).split('\n').map((l) => `  ${l}`));
  return lines.join('\n');
}

function oneLine(value: unknown): string {
  return terminalSafeJson(JSON.stringify(value, jsonSafe) ?? 'undefined');
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export interface InspectOptions {
  at?: number;
  asOf?: string;
  mongo?: string;
  /** The stores' collection prefix (the `collectionPrefix` the application uses; default `eventspec_`). */
  prefix?: string;
  domain?: string;
  json?: boolean;
}

/** `eventspec inspect`: finds the domain, opens the store, prints the report. */
export async function inspectCommand(streamId: string, options: InspectOptions, io: CliIO, open: StoreOpener = openMongoStoresFromUri): Promise<ExitCode> {
  const uri = options.mongo ?? io.env.MONGODB_URI;
  if (uri === undefined || uri === '') {
    throw new UsageError('inspect reads a stored stream: pass --mongo <uri> or set MONGODB_URI');
  }
  const { domain } = loadDomain(io, options.domain);
  ownerOfStream(domain, streamId);
  const step = progress(io);
  step(`connecting to ${redactCredentials(uri, uri)}`);
  let stores: Awaited<ReturnType<StoreOpener>>;
  try {
    stores = await open(uri, options.prefix !== undefined ? { collectionPrefix: options.prefix } : {});
  } catch (error) {
    throw scrubError(error, uri);
  }
  try {
    step(`reading ${streamId}`);
    const request: InspectRequest = { domain, events: stores.events, streamId };
    if (stores.snapshots) request.snapshots = stores.snapshots;
    if (options.at !== undefined) request.at = options.at;
    if (options.asOf !== undefined) request.asOf = options.asOf;
    const report = await inspectStream(request);
    writeLine(io.stdout, options.json ? terminalSafeJson(JSON.stringify(report, jsonSafe, 2)) : formatStreamReport(report, colorsFor(io.stdout, io.env)));
    return report.streamVersion === 0 ? ExitCode.failed : ExitCode.ok;
  } catch (error) {
    throw scrubError(error, uri);
  } finally {
    await stores.close();
  }
}

export function registerInspect(program: Command, io: CliIO, done: (code: ExitCode) => void, open?: StoreOpener): void {
  program
    .command('inspect')
    .description("print a stream's events (version, type, schema version, time, data) and the aggregate's state")
    .argument('<streamId>', 'the stream, <Aggregate>-<id>, e.g. Order-o-1')
    .addOption(new Option('--at <version>', 'stop at this stream version').argParser(wholeNumber).conflicts('asOf'))
    .addOption(new Option('--as-of <time>', 'only the events that occurred at or before this time (2025-03-01T10:00:00Z)'))
    .option('--mongo <uri>', 'MongoDB connection string (default: $MONGODB_URI)')
    .option('--prefix <prefix>', 'collection prefix the application uses (its collectionPrefix; default: eventspec_)')
    .option('-d, --domain <module>', 'module exporting `domain` (default: eventspec.config.ts, then package.json "eventspec.domain")')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExit code 1 when the stream has no events.\nOpens the store read-only: nothing is created or changed.\nExample:\n  eventspec inspect Order-o-1 --at 2 --mongo mongodb://localhost:27017/shop --prefix orders_')
    .action(async (streamId: string, options: InspectOptions) => done(await inspectCommand(streamId, options, io, open)));
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('a stream version is a whole number ≥ 0.');
  return n;
}
