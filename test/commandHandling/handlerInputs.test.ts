import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, defineAggregate, defineCommand, defineDomain, defineEvent, EventspecError, inMemoryEventStore, inMemorySnapshotStore, z } from '../../src';
import type { CommandRequest } from '../../src/commandHandling/commandHandler';

// What a handler is given that it cannot use: malformed requests (from JavaScript callers or
// parsed JSON) and domain code that returns or throws the unexpected.
const Counted = defineEvent('Counted', z.object({ by: z.number() }));
const Count = defineCommand('Count', z.object({ by: z.number() }));
const Misbehave = defineCommand('Misbehave', z.object({ how: z.enum(['null', 'typeless']) }));
const Counter = defineAggregate({ name: 'Counter', events: [Counted], commands: [Count, Misbehave], initialState: { n: 0 } }).behavior({
  evolve: { Counted: (s, { by }) => ({ n: s.n + by }) },
  decide: {
    Count: ({ by }) => ({ type: 'Counted', data: { by } }),
    Misbehave: ({ how }) => (how === 'null' ? [null] : [{ data: { by: 1 } }]) as unknown as { type: 'Counted'; data: { by: number } },
  },
});
const Guarded = defineAggregate({ name: 'Guarded', events: [Counted], commands: [Count], initialState: { n: 0 } }).behavior({
  evolve: { Counted: (s, { by }) => ({ n: s.n + by }) },
  decide: { Count: ({ by }) => ({ type: 'Counted', data: { by } }) },
  invariants: [
    {
      name: 'never negative',
      holds: (s) => {
        if (s.n > 1) throw new RangeError('the check itself broke');
        return s.n >= 0;
      },
    },
  ],
});
const domain = defineDomain({ name: 'counters', aggregates: [Counter, Guarded] });

const request = (command: unknown): CommandRequest => ({ aggregate: 'Counter', id: 'c-1', command: command as CommandRequest['command'] });

describe('a command handler given what it cannot use', () => {
  for (const [what, command] of [
    ['null', null],
    ['a command without a type', { data: { by: 1 } }],
  ] as const) {
    it(`refuses ${what} as the command, saying what a command looks like`, async () => {
      const store = inMemoryEventStore();
      await assert.rejects(createCommandHandler({ domain, store }).handle(request(command)), (error: unknown) => {
        assert.ok(error instanceof EventspecError, String(error));
        assert.match(error.message, /the command to Counter "c-1" must be \{ type, data \} with the command's name as type/);
        return true;
      });
      assert.equal(await store.streamVersion('Counter-c-1'), 0);
    });
  }

  for (const [how, shown] of [
    ['null', /returned null where an event \{ type, data \} was expected/],
    ['typeless', /returned \{.*\} where an event \{ type, data \} was expected/],
  ] as const) {
    it(`names the handler when decide returns ${how === 'null' ? 'null' : 'an event without a type'} as an event`, async () => {
      const store = inMemoryEventStore();
      await assert.rejects(createCommandHandler({ domain, store }).handle(request({ type: 'Misbehave', data: { how } })), (error: unknown) => {
        assert.ok(error instanceof EventspecError, String(error));
        assert.equal(error.name, 'DomainCodeError');
        assert.match(error.message, /Counter\.decide\.Misbehave on "Counter-c-1", event 1/);
        assert.match(error.message, shown);
        return true;
      });
      assert.equal(await store.streamVersion('Counter-c-1'), 0);
    });
  }

  it('keeps what an invariant threw as the cause of its error, and stores nothing', async () => {
    const store = inMemoryEventStore();
    const handler = createCommandHandler({ domain, store });
    const failure = await handler.handle({ aggregate: 'Guarded', id: 'g-1', command: { type: 'Count', data: { by: 2 } } }).then(
      () => assert.fail('an invariant that throws cannot let the command through'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof EventspecError && failure.name === 'DomainCodeError', String(failure));
    assert.match(failure.message, /invariant "never negative" of Guarded threw/);
    assert.ok(failure.cause instanceof RangeError, 'the thrown error is kept for whoever debugs the invariant');
    assert.equal(failure.cause.message, 'the check itself broke');
    assert.equal(await store.streamVersion('Guarded-g-1'), 0);
  });
});

describe('a command handler, plainly used', () => {
  it('answers a command sent without a command id as not replayed', async () => {
    const result = await createCommandHandler({ domain, store: inMemoryEventStore() }).handle(request({ type: 'Count', data: { by: 1 } }));
    assert.equal(result.status, 'accepted');
    assert.equal(result.replayed, false);
  });

  it('handles an aggregate without a snapshot policy when a snapshot store is given, and saves no snapshot', async () => {
    const snapshots = inMemorySnapshotStore();
    const handler = createCommandHandler({ domain, store: inMemoryEventStore(), snapshots });
    for (let i = 0; i < 3; i++) assert.equal((await handler.handle(request({ type: 'Count', data: { by: 1 } }))).status, 'accepted');
    assert.equal((await handler.load(Counter, 'c-1')).state.n, 3);
    assert.equal(await snapshots.load('Counter-c-1'), undefined);
  });
});
