import { EventspecError } from '../core/errors';
import type { EventStore } from '../eventStore/eventStore';
import type { ProjectionRunner } from './projectionRunner';

/**
 * An event store whose `append` returns only after the projections have applied the new events:
 * read models are consistent immediately, in the same process. If a projection fails, the append
 * still stands (the events are stored) and the error says so.
 */
export function inlineProjections(events: EventStore, runner: ProjectionRunner): EventStore {
  return {
    ...events,
    async append(streamId, batch, options) {
      const result = await events.append(streamId, batch, options);
      try {
        await runner.caughtUp();
      } catch (error) {
        const versions = result.events.length > 0 ? ` versions ${result.events[0]!.version}–${result.events[result.events.length - 1]!.version}` : '';
        const failure = new EventspecError(
          `the events were stored (stream "${streamId}"${versions}), but the read models are behind: ${(error as Error).message}`,
        );
        failure.cause = error;
        throw failure;
      }
      return result;
    },
  };
}
