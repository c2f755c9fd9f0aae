import { EventspecError } from '../core/errors';
import type { EventStore } from '../eventStore/eventStore';
import type { ProcessRunner } from './processRunner';

/**
 * An event store whose `append` returns only after the processes have handled the new events and
 * the commands they sent. The processes' own command handler must use the store underneath, or
 * an append would wait for itself.
 */
export function inlineProcesses(events: EventStore, runner: ProcessRunner): EventStore {
  return {
    ...events,
    async append(streamId, batch, options) {
      const result = await events.append(streamId, batch, options);
      try {
        await runner.caughtUp();
      } catch (error) {
        const failure = new EventspecError(`the events were stored (stream "${streamId}"), but a process could not handle them: ${(error as Error).message}`);
        failure.cause = error;
        throw failure;
      }
      return result;
    },
  };
}
