import { AssertionError, deepStrictEqual } from 'node:assert';
import { isDeepStrictEqual } from 'node:util';
import type { AnyAggregate, CommandOf, EventOf, RejectionOf, StateOf } from '../aggregate/defineAggregate';
import type { CommandResult } from '../commandHandling/commandResult';
import { controllableClock } from '../core/clock';
import type { Domain } from '../domain/defineDomain';
import { defineDomain } from '../domain/defineDomain';
import { createScenario } from './scenario';
import type { ScenarioStoreFactory } from './scenarioStores';
import { memoryScenarioStores } from './memoryScenarioStores';

export interface SpecOptions {
  /** The domain the aggregate lives in; defaults to a domain with just this aggregate. */
  domain?: Domain;
  stores?: ScenarioStoreFactory;
  /** Aggregate id the scenario works on (default `spec-1`). */
  id?: string;
  /** Time the history and the command happen at (default 2025-01-01T00:00:00Z). */
  time?: string;
}

export interface Outcome<A extends AnyAggregate> {
  /** The command recorded exactly these events (type and data). */
  thenRecords(events: readonly EventOf<A>[]): Promise<void>;
  thenNothing(): Promise<void>;
  thenRejected(rejection: RejectionOf<A>): Promise<void>;
  /** The state afterwards has these fields (others are not compared). */
  thenState(expected: Partial<StateOf<A>>): Promise<void>;
  /** The raw command result, for checks of your own. */
  result(): Promise<CommandResult>;
}

export interface Spec<A extends AnyAggregate> {
  given(history?: readonly EventOf<A>[]): { when(command: CommandOf<A>): Outcome<A> };
}

/**
 * given events → when a command → then events, rejection, state or nothing; run through the real
 * command handler and a real store. A failed expectation throws an AssertionError with a diff.
 */
export function specFor<A extends AnyAggregate>(aggregate: A, options: SpecOptions = {}): Spec<A> {
  const domain = options.domain ?? defineDomain({ name: aggregate.name, aggregates: [aggregate] });
  const factory = options.stores ?? memoryScenarioStores;
  const id = options.id ?? 'spec-1';

  return {
    given(history = []) {
      return {
        when(command) {
          let run: Promise<{ result: CommandResult; state: () => Promise<unknown> }> | undefined;
          const execute = () =>
            (run ??= (async () => {
              const clock = controllableClock(options.time);
              const scenario = createScenario({ domain, clock, stores: await factory.create({ clock, scenario: `${aggregate.name} spec` }) });
              try {
                if (history.length > 0) await scenario.record(aggregate, id, history as readonly { type: string; data: unknown }[]);
                const result = await scenario.send(aggregate, id, command as { type: string; data: unknown });
                const { state } = await scenario.load(aggregate, id);
                return { result, state: async () => state };
              } finally {
                await scenario.stores.dispose();
              }
            })());
          const outcome: Outcome<A> = {
            async thenRecords(events) {
              const { result } = await execute();
              const actual = result.status === 'accepted' ? result.events.map((e) => ({ type: e.type, data: e.data })) : [];
              if (result.status === 'rejected') fail(`expected events, but the command was rejected with ${result.rejection} (${result.message})`, events, actual);
              if (!isDeepStrictEqual(actual, events)) fail(`${command.type} recorded other events than expected`, events, actual);
            },
            async thenNothing() {
              const { result } = await execute();
              const actual = result.status === 'accepted' ? result.events.map((e) => ({ type: e.type, data: e.data })) : [];
              if (actual.length > 0) fail(`expected ${command.type} to record nothing`, [], actual);
            },
            async thenRejected(rejection) {
              const { result } = await execute();
              if (result.status !== 'rejected') {
                fail(`expected ${command.type} to be rejected with ${rejection}, but it was accepted`, { rejection }, { recorded: result.events.map((e) => e.type) });
              }
              if (result.rejection !== rejection) fail(`${command.type} was rejected for another reason`, { rejection }, { rejection: result.rejection, message: result.message });
            },
            async thenState(expected) {
              const state = (await (await execute()).state()) as Record<string, unknown>;
              const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, state[k]]));
              if (!isDeepStrictEqual(actual, expected)) fail(`the state after ${command.type} differs`, expected, actual);
            },
            async result() {
              return (await execute()).result;
            },
          };
          return outcome;
        },
      };
    },
  };
}

function fail(message: string, expected: unknown, actual: unknown): never {
  // Built from the message alone: given an operator, node appends a second copy of the diff.
  throw Object.assign(new AssertionError({ message: `${message}\n${diffText(expected, actual)}` }), { expected, actual });
}

/** Node's own assertion diff, which marks each differing line with + and -. */
function diffText(expected: unknown, actual: unknown): string {
  try {
    deepStrictEqual(actual, expected);
    return '';
  } catch (error) {
    return (error as Error).message.split('\n').slice(1).join('\n');
  }
}
