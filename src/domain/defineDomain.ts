import type { AnyAggregate } from '../aggregate/defineAggregate';
import type { CommandContract, EventContract } from '../contracts/contract';
import { EventspecError, UnknownNameError } from '../core/errors';
import { wiringProblems } from './checkWiring';
import { didYouMean } from '../core/suggest';
import type { Phrasing } from './phrasing';

export interface Located<C> {
  readonly aggregate: AnyAggregate;
  readonly contract: C;
}

/** Anything a domain registers besides aggregates and phrasings (read-side projections, for one). */
export interface DomainPart {
  readonly kind: string;
  readonly name: string;
}

export interface DomainConfig {
  name: string;
  description?: string;
  aggregates: readonly AnyAggregate[];
  phrasings?: readonly Phrasing[];
  projections?: readonly DomainPart[];
  /** Processes and policies: reactions that send commands across aggregates. */
  processes?: readonly DomainPart[];
}

/** The registry that tests, documentation and the command line read. */
export interface Domain {
  readonly name: string;
  readonly description?: string;
  readonly aggregates: readonly AnyAggregate[];
  readonly phrasings: readonly Phrasing[];
  readonly projections: readonly DomainPart[];
  readonly processes: readonly DomainPart[];
  aggregate(name: string): AnyAggregate;
  /** The aggregate and id a stream belongs to: `Order-o-1` → Order, `o-1`. */
  aggregateOfStream(streamId: string): { aggregate: AnyAggregate; id: string };
  event(name: string): Located<EventContract>;
  command(name: string): Located<CommandContract>;
}

export function defineDomain(config: DomainConfig): Domain {
  const aggregates = new Map<string, AnyAggregate>();
  const events = new Map<string, Located<EventContract>>();
  const commands = new Map<string, Located<CommandContract>>();
  const where = `domain ${config.name}`;
  for (const aggregate of config.aggregates) {
    if (aggregates.has(aggregate.name)) throw new TypeError(`${where}: aggregate ${aggregate.name} is registered twice`);
    aggregates.set(aggregate.name, aggregate);
    register(events, aggregate.events, aggregate, `${where}: event`);
    register(commands, aggregate.commands, aggregate, `${where}: command`);
  }
  const problems = wiringProblems(config.name, config.aggregates, config.phrasings ?? [], [...(config.projections ?? []), ...(config.processes ?? [])]);
  if (problems.length > 0) {
    throw new DomainWiringError(`the ${config.name} domain does not fit together:\n${problems.map((p) => `  - ${p}`).join('\n')}`, problems);
  }
  const aggregateNames = [...aggregates.keys()];
  const lookup = <T>(map: Map<string, T>, noun: string, name: string): T => {
    const found = map.get(name);
    if (found) return found;
    throw new UnknownNameError(`unknown ${noun} \`${name}\`${didYouMean(name, [...map.keys()])}`);
  };
  const domain: Domain = {
    name: config.name,
    aggregates: config.aggregates,
    phrasings: config.phrasings ?? [],
    projections: config.projections ?? [],
    processes: config.processes ?? [],
    aggregate: (name) => lookup(aggregates, 'aggregate', name),
    aggregateOfStream(streamId) {
      const dash = streamId.indexOf('-');
      const name = dash > 0 ? streamId.slice(0, dash) : streamId;
      const aggregate = aggregates.get(name);
      if (!aggregate || dash < 0) {
        throw new UnknownNameError(
          `stream "${streamId}" does not belong to an aggregate; stream ids look like <Aggregate>-<id>${didYouMean(name, aggregateNames)}`,
        );
      }
      return { aggregate, id: streamId.slice(dash + 1) };
    },
    event: (name) => lookup(events, 'event', name),
    command: (name) => lookup(commands, 'command', name),
  };
  return config.description !== undefined ? { ...domain, description: config.description } : domain;
}

/** The domain's parts do not fit together; `problems` lists each, with where it is and its fix. */
export class DomainWiringError extends EventspecError {
  override name = 'DomainWiringError';
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
  }
}

/** One registry made of several domains, e.g. to run all example features together. */
export function combineDomains(name: string, domains: readonly Domain[]): Domain {
  return defineDomain({
    name,
    aggregates: domains.flatMap((d) => d.aggregates),
    phrasings: domains.flatMap((d) => d.phrasings),
    projections: domains.flatMap((d) => d.projections),
    processes: domains.flatMap((d) => d.processes),
  });
}

function register<C extends { name: string }>(
  map: Map<string, Located<C>>,
  contracts: readonly C[],
  aggregate: AnyAggregate,
  noun: string,
): void {
  for (const contract of contracts) {
    const existing = map.get(contract.name);
    if (existing && existing.contract !== contract) {
      throw new TypeError(`${noun} name ${contract.name} is used by both ${existing.aggregate.name} and ${aggregate.name}; names must be unique in a domain`);
    }
    if (!existing) map.set(contract.name, { aggregate, contract });
  }
}
