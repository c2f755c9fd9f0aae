import type { CommandResult } from '../commandHandling';
import { ScenarioError } from './scenarioError';
import type { StepPlace } from './stepPlace';

/**
 * Under Given a command sets the scene: if it is refused, the scenario goes on from a scene it
 * never had and fails later, somewhere else. So it fails here, with the rejection and both fixes.
 */
export function acceptedUnderGiven(place: StepPlace | undefined, aggregate: string, id: string, command: string, result: CommandResult): void {
  if (place?.phase !== 'given' || result.status !== 'rejected') return;
  throw new ScenarioError(
    place,
    `under Given, ${command} sets the scene, but ${aggregate} "${id}" rejected it with "${result.rejection}" (${result.message}); ` +
      `make the history before it lead to where ${command} is accepted, or to check the rejection, send it under When and write: Then the command is rejected with "${result.rejection}"`,
  );
}
