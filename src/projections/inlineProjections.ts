import { EventspecError } from '../core/errors';
import type { EventStore } from '../eventStore/eventStore';
import type { ProjectionRunner } from './projectionRunner';

/**
 * An event store whose `append` returns only after `settle` has run: whatever follows the store
 * (projections, processes) is up to date in the same process. If it fails, the append still
 * stands (the events are stored) and the error says so, and what is behind.
 */
export function settledAppends(events: EventStore, settle: () => Promise<void>, behind: string): EventStore {
  return {
    ...events,
    async append(streamId, batch, options) {
      const result = await events.append(streamId, batch, options);
      try {
        await settle();
      } catch (error) {
        const versions = result.events.length > 0 ? ` versions ${result.events[0]!.version}–${result.events[result.events.length - 1]!.version}` : '';
        const failure = new EventspecError(`the events were stored (stream "${streamId}"${versions}), but ${behind}: ${(error as Error).message}`);
        failure.cause = error;
        throw failure;
      }
      return result;
    },
  };
}

/** An event store whose `append` returns only after the projections have applied the new events. */
export function inlineProjections(events: EventStore, runner: ProjectionRunner): EventStore {
  return settledAppends(events, () => runner.caughtUp(), 'the read models are behind');
}
