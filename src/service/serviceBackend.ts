import type { CommandHandler } from '../commandHandling/commandHandler';
import type { EventStore } from '../eventStore/eventStore';
import type { ProjectionStatus } from '../projections/projectionRunner';
import type { ReadModelStore } from '../projections/readModelStore';

/** What the routes work against: a command handler, the stores it reads, and the read side's status. */
export interface ServiceBackend {
  readonly handler: CommandHandler;
  readonly events: EventStore;
  readonly readModels: ReadModelStore | undefined;
  /** Every projection's and process's status (lag, failure), for readiness and metrics. */
  statuses(): Promise<readonly ProjectionStatus[]>;
}
