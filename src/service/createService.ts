import type { AddressInfo } from 'node:net';
import type { Tracer } from '@opentelemetry/api';
import { trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Registry } from 'prom-client';
import { createCommandHandler } from '../commandHandling/commandHandler';
import type { CommandHandler } from '../commandHandling/commandHandler';
import type { CommandLog } from '../commandHandling/commandLog';
import type { Clock } from '../core/clock';
import type { IdGenerator } from '../core/ids';
import type { Domain } from '../domain/defineDomain';
import type { EventStore } from '../eventStore/eventStore';
import { isProjection } from '../projections/defineProjection';
import { inMemoryReadModelStore } from '../projections/inMemoryReadModelStore';
import { projectionRunner } from '../projections/projectionRunner';
import type { ProjectionRunner } from '../projections/projectionRunner';
import type { ReadModelStore } from '../projections/readModelStore';
import { isProcess } from '../processes/defineProcess';
import { processRunner } from '../processes/processRunner';
import type { ProcessRunner } from '../processes/processRunner';
import type { SnapshotStore } from '../snapshots/snapshotStore';
import { batchSpans } from './batchSpans';
import type { AuthOptions } from './bearerAuth';
import { observedEventStore } from './observedEventStore';
import { serviceApp } from './serviceApp';
import type { ServiceBackend } from './serviceBackend';
import { serviceMetrics } from './serviceMetrics';
import type { ServiceMetrics } from './serviceMetrics';

export interface ServiceStores {
  events: EventStore;
  snapshots?: SnapshotStore;
  /** Where projections and processes keep their documents; in memory when absent. */
  readModels?: ReadModelStore;
  /** Remembers answered command ids (Idempotency-Key); in memory when absent, which a restart forgets. */
  commandLog?: CommandLog;
}

export interface ServiceOptions extends AuthOptions {
  domain: Domain;
  stores: ServiceStores;
  clock?: Clock;
  ids?: IdGenerator;
  /** Largest request body in bytes (default 256 KiB). */
  bodyLimit?: number;
  /** Run the domain's projections and processes in this process (default true). Run them in one instance only. */
  runReadSide?: boolean;
  /** Metrics go here (default: a registry of the service's own). */
  registry?: Registry;
  /** Node's process metrics (CPU, memory, event loop) beside the service's (default true). */
  defaultMetrics?: boolean;
  /** Spans go to this tracer (default: the global OpenTelemetry API's, a no-op until an SDK is registered). */
  tracer?: Tracer;
  /** Fastify's logger (pino options); off by default. The Authorization header is never logged. */
  logger?: FastifyServerOptions['logger'];
}

export interface ListenOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: only this machine; give 0.0.0.0 to serve others. */
  host?: string;
}

export interface Service {
  readonly app: FastifyInstance;
  readonly handler: CommandHandler;
  readonly metrics: ServiceMetrics;
  readonly projections: ProjectionRunner | undefined;
  readonly processes: ProcessRunner | undefined;
  /** Starts the read side and listens; resolves with the address, e.g. http://127.0.0.1:41234. */
  listen(options?: ListenOptions): Promise<string>;
  /**
   * Stops taking requests, answers those in flight, then stops the projections and processes.
   * The stores stay open: whoever opened them closes them.
   */
  close(): Promise<void>;
}

/** An HTTP service over a domain: commands, state, read models, health, OpenAPI, metrics, tracing. */
export function createService(options: ServiceOptions): Service {
  const { domain } = options;
  const tracer = options.tracer ?? trace.getTracer('eventspec');
  const runReadSide = options.runReadSide !== false;
  let projections: ProjectionRunner | undefined;
  let processes: ProcessRunner | undefined;
  const statuses = async () => [...((await projections?.status()) ?? []), ...((await processes?.status()) ?? [])];
  const metrics = serviceMetrics({ statuses, ...(options.registry ? { registry: options.registry } : {}), ...(options.defaultMetrics !== undefined ? { defaultMetrics: options.defaultMetrics } : {}) });
  const events = observedEventStore(options.stores.events, metrics, tracer);
  const handler = createCommandHandler({
    domain,
    store: events,
    ...(options.stores.snapshots ? { snapshots: options.stores.snapshots } : {}),
    ...(options.stores.commandLog ? { commandLog: options.stores.commandLog } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.ids ? { ids: options.ids } : {}),
    // The command stays accepted (its events are stored); operators see it counted and logged.
    onSnapshotFailure: (error, at) => {
      metrics.storeErrors.inc({ operation: 'snapshot' });
      app.log.warn({ err: error, streamId: at.streamId, version: at.version }, 'the events are stored, but no snapshot was saved');
    },
  });
  const needsReadModels = domain.projections.some(isProjection) || domain.processes.some(isProcess);
  const readModels = options.stores.readModels ?? (needsReadModels ? inMemoryReadModelStore() : undefined);
  if (readModels && runReadSide) {
    const observe = {
      observeBatch: batchSpans(tracer),
      onRetry: (projection: string, error: unknown, failures: number) => {
        metrics.projectionRetries.inc({ projection });
        app.log.warn({ err: error, projection, failures }, `${projection} failed on a batch and will try again`);
      },
      // A stopped projection or process is a 503 on /ready and a metric; the log says which and why.
      onFailure: (projection: string, error: Error) => app.log.error({ err: error, projection }, `${projection} stopped: ${error.message}`),
    };
    if (domain.projections.some(isProjection)) projections = projectionRunner({ events, readModels, domain, ...observe });
    if (domain.processes.some(isProcess)) {
      processes = processRunner({ events, readModels, domain, commands: handler, ...(options.clock ? { clock: options.clock } : {}), ...observe });
    }
  }
  const backend: ServiceBackend = { handler, events, readModels, statuses };
  const app = serviceApp({
    domain,
    backendFor: () => backend,
    metrics,
    tracer,
    auth: { ...(options.token !== undefined ? { token: options.token } : {}), ...(options.authenticateReads !== undefined ? { authenticateReads: options.authenticateReads } : {}) },
    ...(options.bodyLimit !== undefined ? { bodyLimit: options.bodyLimit } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });

  let closing: Promise<void> | undefined;
  return {
    app,
    handler,
    metrics,
    projections,
    processes,
    async listen(listenOptions = {}) {
      await projections?.start();
      await processes?.start();
      await app.listen({ port: listenOptions.port ?? 0, host: listenOptions.host ?? '127.0.0.1' });
      const address = app.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}`;
    },
    close() {
      closing ??= (async () => {
        // Fastify answers the requests in flight before it resolves; commands they started finish.
        await app.close();
        await processes?.stop();
        await projections?.stop();
      })();
      return closing;
    },
  };
}
