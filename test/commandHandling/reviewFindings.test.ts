import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommandHandler, EventStore } from '../../src';
import { createCommandHandler, defineAggregate, defineCommand, defineDomain, defineEvent, inMemoryEventStore, z } from '../../src';

const Added = defineEvent('Added', z.object({ by: z.number() }));
const Add = defineCommand('Add', z.object({ by: z.number() }));

// Both paths: the in-memory store as it is (one synchronous call per command), and a copy of its
// methods (a wrapped store, so the general path).
const paths: [string, (store: EventStore) => EventStore][] = [
  ['the in-memory store as it is', (store) => store],
  ['a wrapped store', (store) => ({ ...store })],
];

describe('a command sent from inside a decide to its own stream', () => {
  for (const [label, wrap] of paths) {
    it(`waits for the running one, each decided once (${label})`, async () => {
      let handler: CommandHandler;
      let kicks = 0;
      const pending: Promise<unknown>[] = [];
      const Kick = defineCommand('Kick', z.object({}));
      const Tally = defineAggregate({ name: 'Tally', events: [Added], commands: [Add, Kick], initialState: { total: 0 } }).behavior({
        evolve: { Added: (s, { by }) => ({ total: s.total + by }) },
        decide: {
          Add: ({ by }) => ({ type: 'Added', data: { by } }),
          Kick: () => {
            kicks += 1;
            pending.push(handler.send(Tally, '1', { type: 'Add', data: { by: 10 } }));
            return { type: 'Added', data: { by: 1 } };
          },
        },
      });
      const store = wrap(inMemoryEventStore());
      handler = createCommandHandler({ domain: defineDomain({ name: 'd', aggregates: [Tally] }), store });
      const kicked = await handler.send(Tally, '1', { type: 'Kick', data: {} });
      await Promise.all(pending);
      assert.equal(kicked.status === 'accepted' && kicked.version, 1);
      assert.equal(kicks, 1);
      assert.deepEqual((await store.readStream('Tally-1')).map((e) => (e.data as { by: number }).by), [1, 10]);
    });
  }
});

describe('the cached state after a command fails past its load', () => {
  // An evolve that changes the state in place: the load evolves the cached state itself.
  const Bad = defineCommand('Bad', z.object({}));
  const Peek = defineCommand('Peek', z.object({}));
  let seen: number | undefined;
  const Tally = defineAggregate({ name: 'Tally', events: [Added], commands: [Add, Bad, Peek], initialState: { total: 0 } }).behavior({
    evolve: {
      Added: (s, { by }) => {
        s.total += by;
        return s;
      },
    },
    decide: {
      Add: ({ by }) => ({ type: 'Added', data: { by } }),
      Bad: () => ({ type: 'Added', data: { by: 'not a number' } as unknown as { by: number } }),
      Peek: (_c, s) => {
        seen = s.total;
        return [];
      },
    },
  });
  const domain = defineDomain({ name: 'd', aggregates: [Tally] });
  for (const [label, wrap] of paths) {
    for (const [failure, fail] of [
      ['a stale expectedVersion', (h: CommandHandler) => h.send(Tally, '1', { type: 'Add', data: { by: 1 } }, { expectedVersion: 1 })],
      ['an event its contract refuses', (h: CommandHandler) => h.send(Tally, '1', { type: 'Bad', data: {} })],
    ] as const) {
      it(`is not reused after ${failure}, so another writer's events count once (${label})`, async () => {
        const store = wrap(inMemoryEventStore());
        const mine = createCommandHandler({ domain, store });
        const other = createCommandHandler({ domain, store });
        await mine.send(Tally, '1', { type: 'Add', data: { by: 1 } });
        await other.send(Tally, '1', { type: 'Add', data: { by: 1 } });
        await assert.rejects(fail(mine));
        await mine.send(Tally, '1', { type: 'Peek', data: {} });
        assert.equal(seen, 2);
      });
    }
  }
});
