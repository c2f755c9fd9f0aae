import type { EventStore } from '../eventStore/eventStore';
import { settledAppends } from '../projections/inlineProjections';
import type { ProcessRunner } from './processRunner';

/**
 * An event store whose `append` returns only after the processes have handled the new events and
 * the commands they sent. The processes' own command handler must use the store underneath, or
 * an append would wait for itself.
 */
export function inlineProcesses(events: EventStore, runner: ProcessRunner): EventStore {
  return settledAppends(events, () => runner.caughtUp(), 'a process could not handle them');
}
