import type { AnyAggregate } from '../aggregate/defineAggregate';
import type { CommandContract, EventContract } from '../contracts/contract';
import { didYouMean } from '../core/suggest';
import type { Domain } from '../domain/defineDomain';
import { ScenarioError } from './scenarioError';
import type { CellRef } from './scenarioError';
import type { StepPlace } from './stepPlace';

/** Name lookups for steps: every miss names the place and the closest known name. */
export function resolveAggregate(domain: Domain, name: string, place: StepPlace | undefined): AnyAggregate {
  const found = domain.aggregates.find((a) => a.name === name);
  if (found) return found;
  throw new ScenarioError(place, `unknown aggregate \`${name}\`${didYouMean(name, domain.aggregates.map((a) => a.name))}`);
}

export function resolveEvent(domain: Domain, aggregate: AnyAggregate, name: string, place: StepPlace | undefined, ref?: CellRef): EventContract {
  return resolveIn(domain, aggregate, name, place, ref, 'event', aggregate.eventsByName, (d, n) => d.event(n).aggregate.name);
}

export function resolveCommand(domain: Domain, aggregate: AnyAggregate, name: string, place: StepPlace | undefined, ref?: CellRef): CommandContract {
  return resolveIn(domain, aggregate, name, place, ref, 'command', aggregate.commandsByName, (d, n) => d.command(n).aggregate.name);
}

function resolveIn<C>(
  domain: Domain,
  aggregate: AnyAggregate,
  name: string,
  place: StepPlace | undefined,
  ref: CellRef | undefined,
  noun: string,
  own: ReadonlyMap<string, C>,
  ownerOf: (domain: Domain, name: string) => string,
): C {
  const found = own.get(name);
  if (found) return found;
  let owner: string | undefined;
  try {
    owner = ownerOf(domain, name);
  } catch {
    owner = undefined;
  }
  if (owner) throw new ScenarioError(place, `${noun} \`${name}\` belongs to ${owner}, not ${aggregate.name}`, ref);
  throw new ScenarioError(place, `unknown ${noun} \`${name}\`${didYouMean(name, [...own.keys()], `one of ${aggregate.name}'s ${noun}s:`)}`, ref);
}

/** `A, B and C` → ['A', 'B', 'C']. */
export function splitNames(list: string): string[] {
  return list.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter((n) => n.length > 0);
}
