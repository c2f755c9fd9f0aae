import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { inMemoryCommandLog } from '../../commandHandling/commandLog';
import { inMemoryEventStore } from '../../eventStore/inMemoryEventStore';
import { inMemoryReadModelStore } from '../../projections/inMemoryReadModelStore';
import { inMemorySnapshotStore } from '../../snapshots/inMemorySnapshotStore';
import type { CliIO } from '../cliIO';
import { writeLine } from '../cliIO';
import { ExitCode, UsageError } from '../exitCodes';
import { loadDomain } from '../loadDomain';
import type { ServiceStoresOpened } from '../openStores';
import { openMongoServiceStores } from '../openStores';
import { redactCredentials, scrubError } from '../redactCredentials';

export interface ServeOptions {
  domain?: string;
  mongo?: string;
  prefix?: string;
  port?: number;
  host?: string;
  /** Discouraged (it shows in the process list): EVENTSPEC_TOKEN is read instead when absent. */
  token?: string;
  authReads?: boolean;
  bodyLimit?: number;
  /** `--no-read-side`: this instance runs no projections or processes (another one does). */
  readSide?: boolean;
  log?: string;
}

/** Resolves when the service should stop: by default on SIGINT or SIGTERM. Tests pass their own. */
export type ServeUntil = (url: string) => Promise<void>;

const untilSignal: ServeUntil = () =>
  new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

/** `eventspec serve`: the domain over HTTP until stopped, on the in-memory store or on MongoDB. */
export async function serveCommand(options: ServeOptions, io: CliIO, until: ServeUntil = untilSignal): Promise<ExitCode> {
  const { domain, source } = loadDomain(io, options.domain);
  if (options.token !== undefined) {
    writeLine(io.stderr, 'eventspec serve: a token given with --token shows in the process list and shell history; set EVENTSPEC_TOKEN instead');
  }
  const token = options.token ?? io.env.EVENTSPEC_TOKEN;
  if (token === undefined && options.host !== undefined && !['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    writeLine(io.stderr, `eventspec serve: listening on ${options.host} without a token: anyone who can reach this machine can send commands; set EVENTSPEC_TOKEN`);
  }
  if (token !== undefined && token.trim() === '') throw new UsageError('the service token is empty: set EVENTSPEC_TOKEN to a long random value, or unset it to serve without authentication');
  if (options.authReads && token === undefined) throw new UsageError('--auth-reads needs a token: set EVENTSPEC_TOKEN');
  const uri = options.mongo ?? io.env.MONGODB_URI;
  const stores: ServiceStoresOpened = uri !== undefined && uri !== ''
    ? await openMongoServiceStores(uri, options.prefix !== undefined ? { collectionPrefix: options.prefix } : {})
    : inMemoryStores();
  // Loaded here, so that every other command starts without Fastify, prom-client or OpenTelemetry.
  const { createService } = require('../../service') as typeof import('../../service');
  try {
    const service = createService({
      domain,
      stores,
      ...(token !== undefined ? { token } : {}),
      ...(options.authReads ? { authenticateReads: true } : {}),
      ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
      runReadSide: options.readSide !== false,
      logger: options.log === 'off' ? false : { level: options.log ?? 'info', stream: io.stdout },
    });
    const url = await service.listen({ port: options.port ?? 3000, host: options.host ?? '127.0.0.1' });
    const store = uri ? `MongoDB at ${redactCredentials(uri, uri)}` : 'the in-memory store (everything is lost when it stops; --mongo <uri> for production)';
    writeLine(io.stderr, `eventspec serve: the ${domain.name} domain (from ${source}) on ${url}, on ${store}`);
    writeLine(io.stderr, `  OpenAPI: ${url}/openapi.json · metrics: ${url}/metrics · ready: ${url}/ready${token !== undefined ? ' · commands need the token' : ''}`);
    await until(url);
    writeLine(io.stderr, 'eventspec serve: stopping — answering the requests in flight, then stopping projections and processes');
    await service.close();
    writeLine(io.stderr, 'eventspec serve: stopped');
    return ExitCode.ok;
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new UsageError(`port ${options.port ?? 3000} on ${options.host ?? '127.0.0.1'} is already in use by another process: stop it, or choose another port with --port (0 picks a free one)`);
    }
    throw uri ? scrubError(error, uri) : error;
  } finally {
    await stores.close();
  }
}

function inMemoryStores(): ServiceStoresOpened {
  const events = inMemoryEventStore();
  const readModels = inMemoryReadModelStore();
  return { events, snapshots: inMemorySnapshotStore(), readModels, commandLog: inMemoryCommandLog(), close: async () => { await events.close(); await readModels.close(); } };
}

export function registerServe(program: Command, io: CliIO, done: (code: ExitCode) => void, until?: ServeUntil): void {
  program
    .command('serve')
    .description('serve the domain over HTTP: commands, state, read models, health, OpenAPI, Prometheus metrics (in memory unless --mongo)')
    .option('-d, --domain <module>', 'module exporting `domain` (default: eventspec.config.ts, then package.json "eventspec.domain")')
    .option('--mongo <uri>', 'MongoDB connection string, a replica set for production (default: $MONGODB_URI; without either, an in-memory store)')
    .option('--prefix <prefix>', 'collection prefix (default: eventspec_)')
    .addOption(new Option('-p, --port <port>', 'port to listen on, 0 for any free one').default(3000).argParser(port))
    .option('--host <host>', 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)')
    .option('--token <token>', 'bearer token commands must carry; prefer the EVENTSPEC_TOKEN environment variable')
    .option('--auth-reads', 'reads need the token too (health and readiness stay open)')
    .addOption(new Option('--body-limit <bytes>', 'largest request body (default 262144)').argParser(positive))
    .option('--no-read-side', 'run no projections or processes here (another instance runs them)')
    .addOption(new Option('--log <level>', 'log level').choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'off']).default('info'))
    .addHelpText('after', '\nStops on SIGINT or SIGTERM after answering the requests in flight.\nExample:\n  EVENTSPEC_TOKEN=… eventspec serve --mongo "mongodb://db1,db2,db3/shop?replicaSet=rs0" --port 8080 --host 0.0.0.0')
    .action(async (options: ServeOptions) => done(await serveCommand(options, io, until)));
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d{1,5}$/.test(value) || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!/^\d{1,12}$/.test(value) || n < 1) throw new InvalidArgumentError('give a whole number of bytes ≥ 1.');
  return n;
}
