/**
 * The baseline for the kit-overhead benchmark: the minimal steps a team would write by hand for
 * the generated scenarios. Same aggregates, same in-memory stores and command handler, but no
 * vocabulary, no table coercion through schemas, no did-you-mean, no read side, no attachments.
 */
import { Before, Given, Then, When, World } from '@cucumber/cucumber';
import type { DataTable } from '@cucumber/cucumber';
import { aggregates, commandDefaults, defaults, same, value } from './kitOverhead.handValues';
import { streamIdOf } from '../../src/aggregate';
import type { CommandHandler, CommandResult } from '../../src/commandHandling';
import { createCommandHandler } from '../../src/commandHandling';
import { controllableClock, sequentialIds } from '../../src/core';
import type { ControllableClock } from '../../src/core';
import type { EventStore } from '../../src/eventStore';
import { inMemoryEventStore } from '../../src/eventStore';
import { inMemorySnapshotStore } from '../../src/snapshots';
import { domain } from '../../src/domains';


class RawWorld extends World {
  clock!: ControllableClock;
  store!: EventStore;
  handler!: CommandHandler;
  ids!: () => string;
  last: CommandResult | undefined;
}

Before(function (this: RawWorld) {
  this.clock = controllableClock();
  this.ids = sequentialIds();
  this.store = inMemoryEventStore({ clock: this.clock });
  this.handler = createCommandHandler({ domain, store: this.store, snapshots: inMemorySnapshotStore(), clock: this.clock, ids: this.ids });
  this.last = undefined;
});

function fail(message: string): never {
  throw new Error(message);
}

async function record(world: RawWorld, aggregate: string, id: string, events: { type: string; data: Record<string, unknown> }[]) {
  const occurredAt = world.clock.now().toISOString();
  const batch = events.map((e) => ({ id: world.ids(), type: e.type, schemaVersion: e.type === 'OrderPlaced' ? 2 : 1, data: e.data, metadata: { occurredAt } }));
  await world.store.append(streamIdOf(aggregates[aggregate]!, id), batch, { expectedVersion: 'any' });
}

Given('the time is {string}', function (this: RawWorld, time: string) {
  this.clock.set(new Date(time));
});

Given('{word} {string} has recorded:', async function (this: RawWorld, aggregate: string, id: string, table: DataTable) {
  const events = table.hashes().map(({ event, ...cells }) => {
    const data = { ...defaults[event!] };
    for (const [field, cell] of Object.entries(cells)) if (cell !== '') data[field] = value(field, cell);
    return { type: event!, data };
  });
  await record(this, aggregate, id, events);
});

Given('{word} {string} has recorded {word}:', async function (this: RawWorld, aggregate: string, id: string, type: string, table: DataTable) {
  const data = { ...defaults[type] };
  for (const [field, cell] of Object.entries(table.rowsHash())) data[field] = value(field, cell);
  await record(this, aggregate, id, [{ type, data }]);
});

Given(/^(\w+) "([^"]*)" has recorded ([\w, ]+)$/, async function (this: RawWorld, aggregate: string, id: string, list: string) {
  const types = list.split(/,\s*|\s+and\s+/);
  await record(this, aggregate, id, types.map((type) => ({ type, data: { ...defaults[type] } })));
});

When(/^(\w+) "([^"]*)" is sent (\w+):$/, async function (this: RawWorld, aggregate: string, id: string, type: string, table: DataTable) {
  const data = { ...commandDefaults[type] };
  for (const [field, cell] of Object.entries(table.rowsHash())) data[field] = value(field, cell);
  this.last = await this.handler.handle({ aggregate, id, command: { type, data } });
});

When(/^(\w+) "([^"]*)" is sent (\w+)$/, async function (this: RawWorld, aggregate: string, id: string, type: string) {
  this.last = await this.handler.handle({ aggregate, id, command: { type, data: commandDefaults[type] ?? {} } });
});

const recordedNow = (world: RawWorld) => (world.last?.status === 'accepted' ? world.last.events : []);

Then('{word} {string} records:', function (this: RawWorld, _aggregate: string, _id: string, table: DataTable) {
  const expected = table.hashes();
  const actual = recordedNow(this);
  if (actual.length !== expected.length) fail(`recorded ${actual.length} events, expected ${expected.length}`);
  expected.forEach(({ event, ...cells }, i) => {
    const got = actual[i]!;
    if (got.type !== event) fail(`event ${i + 1} is ${got.type}, expected ${event}`);
    for (const [field, cell] of Object.entries(cells)) {
      if (!same((got.data as Record<string, unknown>)[field], cell)) fail(`${event}.${field} differs`);
    }
  });
});

Then(/^(\w+) "([^"]*)" records ([\w, ]+)$/, function (this: RawWorld, _aggregate: string, _id: string, list: string) {
  const types = list === 'nothing' ? [] : list.split(/,\s*|\s+and\s+/);
  const actual = recordedNow(this).map((e) => e.type);
  if (actual.join() !== types.join()) fail(`recorded ${actual.join()}, expected ${types.join()}`);
});

Then('the command is accepted', function (this: RawWorld) {
  if (this.last?.status !== 'accepted') fail('the command was not accepted');
});

Then('the command is rejected with {string}', function (this: RawWorld, rejection: string) {
  if (this.last?.status !== 'rejected' || this.last.rejection !== rejection) fail(`not rejected with ${rejection}`);
});

Then('{word} {string} has state:', async function (this: RawWorld, aggregate: string, id: string, table: DataTable) {
  const { state } = await this.handler.load(aggregates[aggregate]!, id);
  for (const [field, cell] of Object.entries(table.rowsHash())) {
    if (!same((state as Record<string, unknown>)[field], cell)) fail(`${field} is ${String((state as Record<string, unknown>)[field])}, expected ${cell}`);
  }
});

Then('{word} {string} is at version {int}', async function (this: RawWorld, aggregate: string, id: string, version: number) {
  const actual = await this.store.streamVersion(streamIdOf(aggregates[aggregate]!, id));
  if (actual !== version) fail(`at version ${actual}, expected ${version}`);
});
