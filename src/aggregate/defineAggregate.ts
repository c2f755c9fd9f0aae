import type { z } from 'zod';
import type { CommandContract, DataOf, EventContract, MessageOf } from '../contracts/contract';
import type { RecordedEvent } from '../core/envelope';
import { initialStateCopier } from './initialStateCopy';

export interface DecideContext<RejectionName extends string = string> {
  /** The aggregate id (the part of the stream id after `<Aggregate>-`). */
  readonly id: string;
  readonly streamId: string;
  readonly now: Date;
  /** Refuses the command with a named domain rejection. */
  reject(rejection: RejectionName, message?: string): never;
}

/**
 * Handlers are checked bivariantly in their parameters, so a concrete aggregate is still an
 * `AnyAggregate` (the same trick the DOM and React typings use for event handlers).
 */
type Handler<Args extends unknown[], Result> = { bivarianceHack(...args: Args): Result }['bivarianceHack'];

export interface Invariant<State> {
  readonly name: string;
  readonly holds: Handler<[state: State], boolean>;
}

export interface SnapshotPolicy {
  /** Take a snapshot once this many events have been appended since the last one. */
  readonly every: number;
  /** Bump when the state's shape changes: older snapshots are then ignored and rebuilt. */
  readonly version?: number;
}

type Named<Contracts extends readonly { name: string }[], Name> = Extract<Contracts[number], { name: Name }>;

export type EventHandlers<State, Events extends readonly EventContract[]> = {
  [Name in Events[number]['name']]?: Handler<[state: State, data: DataOf<Named<Events, Name>>, event: RecordedEvent], State>;
};

export type CommandHandlers<
  State,
  Events extends readonly EventContract[],
  Commands extends readonly CommandContract[],
  RejectionName extends string,
> = {
  [Name in Commands[number]['name']]: Handler<
    [command: DataOf<Named<Commands, Name>>, state: State, context: DecideContext<RejectionName>],
    MessageOf<Events[number]> | readonly MessageOf<Events[number]>[]
  >;
};

/** What an aggregate is made of: its name, its contracts, its state. Fixes the types for `behavior`. */
export interface AggregateDeclaration<
  Name extends string,
  State,
  Events extends readonly EventContract[],
  Commands extends readonly CommandContract[],
  RejectionName extends string,
> {
  name: Name;
  description?: string;
  events: Events;
  commands: Commands;
  /** Schema of the state: reads state tables in scenarios and checks snapshots. */
  state?: z.ZodType<State>;
  initialState: State | (() => State);
  /** The named rejections `decide` may raise, each with a business description. */
  rejections?: Record<RejectionName, string>;
  snapshot?: SnapshotPolicy;
}

/** How an aggregate behaves: how events change its state and how it decides on commands. */
export interface AggregateBehavior<
  State,
  Events extends readonly EventContract[],
  Commands extends readonly CommandContract[],
  RejectionName extends string,
> {
  evolve: EventHandlers<State, Events>;
  decide: CommandHandlers<State, Events, Commands, RejectionName>;
  invariants?: readonly Invariant<State>[];
}

export interface AggregateBuilder<
  Name extends string,
  State,
  Events extends readonly EventContract[],
  Commands extends readonly CommandContract[],
  RejectionName extends string,
> {
  behavior(behavior: AggregateBehavior<State, Events, Commands, RejectionName>): Aggregate<Name, State, Events, Commands, RejectionName>;
}

export interface Aggregate<
  Name extends string = string,
  State = unknown,
  Events extends readonly EventContract[] = readonly EventContract[],
  Commands extends readonly CommandContract[] = readonly CommandContract[],
  RejectionName extends string = string,
> {
  readonly kind: 'aggregate';
  readonly name: Name;
  readonly description?: string;
  readonly events: Events;
  readonly commands: Commands;
  readonly stateSchema?: z.ZodType<State>;
  readonly initialState: Handler<[], State>;
  readonly evolve: EventHandlers<State, Events>;
  readonly decide: CommandHandlers<State, Events, Commands, RejectionName>;
  readonly rejections: Readonly<Record<RejectionName, string>>;
  readonly invariants: readonly Invariant<State>[];
  readonly snapshot?: SnapshotPolicy;
  readonly eventsByName: ReadonlyMap<string, EventContract>;
  readonly commandsByName: ReadonlyMap<string, CommandContract>;
}

/** Any aggregate, with its types erased: what stores, runners and tools work with. */
export type AnyAggregate = Aggregate<string, unknown, readonly EventContract[], readonly CommandContract[], string>;

/** The rejection names an aggregate declares. */
export type RejectionOf<A> = A extends Aggregate<string, unknown, readonly EventContract[], readonly CommandContract[], infer R> ? R : never;
export type StateOf<A> = A extends Aggregate<string, infer S> ? S : never;
export type EventOf<A> = A extends Aggregate<string, unknown, infer E> ? MessageOf<E[number]> : never;
export type CommandOf<A> =
  A extends Aggregate<string, unknown, readonly EventContract[], infer C> ? MessageOf<C[number]> : never;

/**
 * Declares an aggregate in two steps, so TypeScript fixes the state, event and command types from
 * the declaration before it checks the handlers (a single call would widen literal results):
 * `defineAggregate({ name, events, commands, initialState }).behavior({ evolve, decide })`.
 */
export function defineAggregate<
  const Name extends string,
  State,
  const Events extends readonly EventContract[],
  const Commands extends readonly CommandContract[],
  RejectionName extends string = string,
>(
  declaration: AggregateDeclaration<Name, State, Events, Commands, RejectionName> & { state: z.ZodType<State>; initialState: NoInfer<State> | (() => NoInfer<State>) },
): AggregateBuilder<Name, State, Events, Commands, RejectionName>;
export function defineAggregate<
  const Name extends string,
  State,
  const Events extends readonly EventContract[],
  const Commands extends readonly CommandContract[],
  RejectionName extends string = string,
>(declaration: AggregateDeclaration<Name, State, Events, Commands, RejectionName>): AggregateBuilder<Name, State, Events, Commands, RejectionName>;
export function defineAggregate<
  Name extends string,
  State,
  Events extends readonly EventContract[],
  Commands extends readonly CommandContract[],
  RejectionName extends string,
>(declaration: AggregateDeclaration<Name, State, Events, Commands, RejectionName>): AggregateBuilder<Name, State, Events, Commands, RejectionName> {
  const where = `aggregate ${declaration.name}`;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(declaration.name)) {
    throw new TypeError(`${where}: the name must be PascalCase letters and digits (it prefixes stream ids)`);
  }
  const eventsByName = byName(declaration.events, `${where} events`);
  const commandsByName = byName(declaration.commands, `${where} commands`);
  const snapshot = declaration.snapshot;
  if (snapshot && !(Number.isInteger(snapshot.every) && snapshot.every > 0)) {
    throw new TypeError(`${where}: snapshot.every must be a positive whole number`);
  }
  const initial = declaration.initialState;
  return {
    behavior(behavior) {
      for (const key of Object.keys(behavior.evolve)) {
        if (!eventsByName.has(key)) throw new TypeError(`${where}: evolve handles "${key}", which is not one of its events`);
      }
      for (const command of declaration.commands) {
        if (typeof (behavior.decide as Record<string, unknown>)[command.name] !== 'function') {
          throw new TypeError(`${where}: command ${command.name} has no decide handler`);
        }
      }
      const aggregate: Aggregate<Name, State, Events, Commands, RejectionName> = {
        kind: 'aggregate',
        name: declaration.name,
        events: declaration.events,
        commands: declaration.commands,
        initialState: typeof initial === 'function' ? (initial as () => State) : initialStateCopier(initial),
        evolve: behavior.evolve,
        decide: behavior.decide,
        // Without a declaration RejectionName is `string`, for which an empty record is right.
        rejections: declaration.rejections ?? ({} as Record<RejectionName, string>),
        invariants: behavior.invariants ?? [],
        eventsByName,
        commandsByName,
      };
      return Object.assign(
        aggregate,
        declaration.description !== undefined ? { description: declaration.description } : {},
        declaration.state !== undefined ? { stateSchema: declaration.state } : {},
        snapshot !== undefined ? { snapshot } : {},
      );
    },
  };
}

function byName<C extends { name: string }>(contracts: readonly C[], where: string): ReadonlyMap<string, C> {
  const map = new Map<string, C>();
  for (const contract of contracts) {
    if (map.has(contract.name)) throw new TypeError(`${where}: ${contract.name} is listed twice`);
    map.set(contract.name, contract);
  }
  return map;
}

export function streamIdOf(aggregate: { name: string }, id: string): string {
  return `${aggregate.name}-${id}`;
}
