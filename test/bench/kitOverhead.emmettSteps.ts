/**
 * The second baseline of the kit-overhead benchmark: hand-written steps that use none of eventspec's
 * runtime (no command handler, no store, no clock, no contracts). The same decide and evolve of the
 * example aggregates run through Emmett's `DeciderSpecification`, as a team using Emmett would test
 * them: history as a list of events, the command decided on the state folded from it.
 */
import { Before, Given, Then, When, World } from '@cucumber/cucumber';
import type { DataTable } from '@cucumber/cucumber';
import { DeciderSpecification } from '@event-driven-io/emmett';
import type { AnyAggregate } from '../../src/aggregate';
import { aggregates, commandDefaults, defaults, same, value } from './kitOverhead.handValues';

interface Message {
  type: string;
  data: Record<string, unknown>;
}
type Handler = (...args: unknown[]) => unknown;

/** A refusal as a plain error: Emmett's `thenThrows` checks it by name. */
class Refused extends Error {
  constructor(readonly rejection: string) {
    super(rejection);
  }
}

const reject = (rejection: string): never => {
  throw new Refused(rejection);
};

/** The aggregate's own decide and evolve, in the shape Emmett's specification takes. */
function deciderOf(aggregate: AnyAggregate, id: string, now: Date) {
  const evolve = aggregate.evolve as Record<string, Handler | undefined>;
  const decide = aggregate.decide as Record<string, Handler>;
  const context = { id, streamId: `${aggregate.name}-${id}`, now, reject };
  return {
    initialState: () => aggregate.initialState(),
    evolve: (state: unknown, event: Message) => evolve[event.type]?.(state, event.data, event) ?? state,
    decide: (command: Message, state: unknown): Message | Message[] => decide[command.type]!(command.data, state, context) as Message | Message[],
  };
}

class EmmettWorld extends World {
  now = new Date(0);
  aggregate: AnyAggregate | undefined;
  id = '';
  given: Message[] = [];
  command: Message | undefined;
}

Before(function (this: EmmettWorld) {
  this.now = new Date(0);
  this.given = [];
  this.command = undefined;
});

function fail(message: string): never {
  throw new Error(message);
}

const deciderFor = (world: EmmettWorld) => deciderOf(world.aggregate!, world.id, world.now);
const specFor = (world: EmmettWorld) => DeciderSpecification.for(deciderFor(world))(world.given).when(world.command!);

/** What the command decided: its events, or the rejection it raised. */
function outcome(world: EmmettWorld): { events: Message[] } | { rejection: string } {
  if (!world.command) return { events: [] };
  const decider = deciderFor(world);
  try {
    const events = decider.decide(world.command, world.given.reduce(decider.evolve, decider.initialState()));
    return { events: Array.isArray(events) ? events : [events] };
  } catch (error) {
    if (error instanceof Refused) return { rejection: error.rejection };
    throw error;
  }
}

function history(world: EmmettWorld, aggregate: string, id: string, events: Message[]): void {
  world.aggregate = aggregates[aggregate];
  world.id = id;
  world.given.push(...events);
}

Given('the time is {string}', function (this: EmmettWorld, time: string) {
  this.now = new Date(time);
});

Given('{word} {string} has recorded:', function (this: EmmettWorld, aggregate: string, id: string, table: DataTable) {
  const events = table.hashes().map(({ event, ...cells }) => {
    const data = { ...defaults[event!] };
    for (const [field, cell] of Object.entries(cells)) if (cell !== '') data[field] = value(field, cell);
    return { type: event!, data };
  });
  history(this, aggregate, id, events);
});

Given('{word} {string} has recorded {word}:', function (this: EmmettWorld, aggregate: string, id: string, type: string, table: DataTable) {
  const data = { ...defaults[type] };
  for (const [field, cell] of Object.entries(table.rowsHash())) data[field] = value(field, cell);
  history(this, aggregate, id, [{ type, data }]);
});

Given(/^(\w+) "([^"]*)" has recorded ([\w, ]+)$/, function (this: EmmettWorld, aggregate: string, id: string, list: string) {
  history(this, aggregate, id, list.split(/,\s*|\s+and\s+/).map((type) => ({ type, data: { ...defaults[type] } })));
});

When(/^(\w+) "([^"]*)" is sent (\w+):$/, function (this: EmmettWorld, aggregate: string, id: string, type: string, table: DataTable) {
  const data = { ...commandDefaults[type] };
  for (const [field, cell] of Object.entries(table.rowsHash())) data[field] = value(field, cell);
  this.aggregate = aggregates[aggregate];
  this.id = id;
  this.command = { type, data };
});

When(/^(\w+) "([^"]*)" is sent (\w+)$/, function (this: EmmettWorld, aggregate: string, id: string, type: string) {
  this.aggregate = aggregates[aggregate];
  this.id = id;
  this.command = { type, data: { ...commandDefaults[type] } };
});

Then('{word} {string} records:', function (this: EmmettWorld, _aggregate: string, _id: string, table: DataTable) {
  const expected = table.hashes().map(({ event, ...cells }) => {
    const data: Record<string, unknown> = {};
    for (const [field, cell] of Object.entries(cells)) data[field] = value(field, cell);
    return { type: event!, data };
  });
  specFor(this).then(expected);
});

Then(/^(\w+) "([^"]*)" records ([\w, ]+)$/, function (this: EmmettWorld, _aggregate: string, _id: string, list: string) {
  if (list === 'nothing') {
    const result = outcome(this);
    if ('events' in result && result.events.length > 0) fail(`recorded ${result.events.map((e) => e.type).join()}`);
    return;
  }
  const result = outcome(this);
  const actual = 'events' in result ? result.events.map((e) => e.type).join() : result.rejection;
  if (actual !== list.split(/,\s*|\s+and\s+/).join()) fail(`recorded ${actual}, expected ${list}`);
});

Then('the command is accepted', function (this: EmmettWorld) {
  if ('rejection' in outcome(this)) fail('the command was not accepted');
});

Then('the command is rejected with {string}', function (this: EmmettWorld, rejection: string) {
  specFor(this).thenThrows<Refused>((error) => error.rejection === rejection);
});

Then('{word} {string} has state:', function (this: EmmettWorld, _aggregate: string, _id: string, table: DataTable) {
  const decider = deciderFor(this);
  const result = outcome(this);
  const events = [...this.given, ...('events' in result ? result.events : [])];
  const state = events.reduce(decider.evolve, decider.initialState()) as Record<string, unknown>;
  for (const [field, cell] of Object.entries(table.rowsHash())) {
    if (!same(state[field], cell)) fail(`${field} is ${String(state[field])}, expected ${cell}`);
  }
});

Then('{word} {string} is at version {int}', function (this: EmmettWorld, _aggregate: string, _id: string, version: number) {
  const result = outcome(this);
  const actual = this.given.length + ('events' in result ? result.events.length : 0);
  if (actual !== version) fail(`at version ${actual}, expected ${version}`);
});
