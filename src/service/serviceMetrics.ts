import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProjectionStatus } from '../projections/projectionRunner';

/** The service's metrics, in its own registry (never prom-client's global one: two services, two sets). */
export interface ServiceMetrics {
  readonly registry: Registry;
  readonly commands: Counter<'aggregate' | 'command' | 'outcome'>;
  readonly commandSeconds: Histogram<'aggregate' | 'command' | 'outcome'>;
  readonly eventsAppended: Counter<'aggregate' | 'event'>;
  readonly appendConflicts: Counter<'aggregate'>;
  readonly storeErrors: Counter<'operation'>;
  readonly projectionRetries: Counter<'projection'>;
}

/** Where the lag and failure gauges read from when scraped. */
export type StatusSource = () => Promise<readonly ProjectionStatus[]>;

export function serviceMetrics(options: { registry?: Registry; defaultMetrics?: boolean; statuses: StatusSource }): ServiceMetrics {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'eventspec_process_' });
  const commandLabels = ['aggregate', 'command', 'outcome'] as const;
  const metrics: ServiceMetrics = {
    registry,
    commands: new Counter({ name: 'eventspec_commands_total', help: 'Commands handled, by outcome: accepted, rejected (a named business refusal) or failed (refused input, conflict, error)', labelNames: commandLabels, registers }),
    commandSeconds: new Histogram({
      name: 'eventspec_command_duration_seconds',
      help: 'Time from a command request arriving to its answer',
      labelNames: commandLabels,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    eventsAppended: new Counter({ name: 'eventspec_events_appended_total', help: 'Events stored, by aggregate and event type', labelNames: ['aggregate', 'event'] as const, registers }),
    appendConflicts: new Counter({
      name: 'eventspec_append_conflicts_total',
      help: 'Appends refused because another writer moved the stream first; the command is retried unless If-Match was given',
      labelNames: ['aggregate'] as const,
      registers,
    }),
    storeErrors: new Counter({ name: 'eventspec_store_errors_total', help: 'Event store calls that failed for a reason other than the request itself (unreachable, timed out)', labelNames: ['operation'] as const, registers }),
    projectionRetries: new Counter({ name: 'eventspec_projection_retries_total', help: 'Projection and process batches retried after a transient store failure', labelNames: ['projection'] as const, registers }),
  };
  // Gauges read the runners when scraped, so they are never stale and cost nothing between scrapes.
  const current = options.statuses;
  new Gauge({
    name: 'eventspec_projection_lag_events',
    help: 'Stored events a projection or process has not applied yet',
    labelNames: ['projection'] as const,
    registers,
    async collect() {
      this.reset();
      for (const status of await current()) this.set({ projection: status.name }, status.lag);
    },
  });
  new Gauge({
    name: 'eventspec_projection_failed',
    help: '1 when a projection or process has stopped on an error (see /ready for which event), else 0',
    labelNames: ['projection'] as const,
    registers,
    async collect() {
      this.reset();
      for (const status of await current()) this.set({ projection: status.name }, status.state === 'failed' ? 1 : 0);
    },
  });
  return metrics;
}
