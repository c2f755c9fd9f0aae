import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, inMemoryCommandLog, inMemoryEventStore } from '../../src';
import type { CommandLog, CommandResult } from '../../src/commandHandling';
import { domain } from '../../src/domains';
import { Account } from '../../src/domains/banking';

/** A log that remembers like the in-memory one and counts what it is given. */
function countingLog(maxEntries?: number): CommandLog & { recorded: CommandResult[] } {
  const inner = inMemoryCommandLog(maxEntries === undefined ? {} : { maxEntries });
  const recorded: CommandResult[] = [];
  return {
    recorded,
    get: (id) => inner.get(id),
    record: async (result) => {
      recorded.push(result);
      await inner.record(result);
    },
  };
}

const open = { type: 'OpenAccount' as const, data: { owner: 'alice', overdraftLimit: 0 } };
const deposit = (amount: number) => ({ type: 'Deposit' as const, data: { amount } });

describe('what the command log keeps', () => {
  it('only answers to caller-given ids: a command sent without an id leaves nothing in the log', async () => {
    const log = countingLog();
    const handler = createCommandHandler({ domain, store: inMemoryEventStore(), commandLog: log });
    await handler.send(Account, 'a', deposit(1)); // rejected: not open
    await handler.send(Account, 'a', open);
    await handler.send(Account, 'a', deposit(2));
    assert.equal(log.recorded.length, 0, 'nothing recorded');
    await handler.send(Account, 'a', deposit(3), { commandId: 'pay-3' });
    assert.deepEqual(log.recorded.map((r: CommandResult) => r.commandId), ['pay-3']);
  });

  it('a generated id sent back from an answer is still answered, from the stream, without running again', async () => {
    const store = inMemoryEventStore();
    const handler = createCommandHandler({ domain, store, commandLog: countingLog() });
    await handler.send(Account, 'a', open);
    const first = await handler.send(Account, 'a', deposit(2));
    const again = await handler.send(Account, 'a', deposit(2), { commandId: first.commandId });
    assert.equal(again.replayed, true);
    assert.equal(again.status === 'accepted' && again.events[0]?.id, first.status === 'accepted' && first.events[0]?.id);
    assert.equal(await store.streamVersion('Account-a'), 2);
  });

  it('past its bound a forgotten accepted command is answered from its events, with the events it stored', async () => {
    const store = inMemoryEventStore();
    const handler = createCommandHandler({ domain, store, commandLog: countingLog(1) });
    await handler.send(Account, 'a', open, { commandId: 'open' });
    const paid = await handler.send(Account, 'a', deposit(5), { commandId: 'pay' });
    await handler.send(Account, 'a', deposit(6), { commandId: 'pay-more' }); // pushes 'pay' out
    const again = await handler.send(Account, 'a', deposit(5), { commandId: 'pay' });
    assert.equal(again.replayed, true);
    assert.deepEqual(again.status === 'accepted' && again.events, paid.status === 'accepted' && paid.events);
    assert.equal(await store.streamVersion('Account-a'), 3);
  });

  it('past its bound a forgotten rejected command runs again (it stored nothing to be found by), on the state of now', async () => {
    const handler = createCommandHandler({ domain, store: inMemoryEventStore(), commandLog: countingLog(1) });
    const refused = await handler.send(Account, 'a', deposit(5), { commandId: 'early' });
    assert.equal(refused.status, 'rejected');
    await handler.send(Account, 'a', open, { commandId: 'open' }); // pushes 'early' out
    const again = await handler.send(Account, 'a', deposit(5), { commandId: 'early' });
    assert.equal(again.replayed, false);
    assert.equal(again.status, 'accepted');
  });

  it('within its bound a rejected command is answered with the same rejection, even after the state changed', async () => {
    const handler = createCommandHandler({ domain, store: inMemoryEventStore(), commandLog: countingLog(10) });
    await handler.send(Account, 'a', deposit(5), { commandId: 'early' });
    await handler.send(Account, 'a', open, { commandId: 'open' });
    const again = await handler.send(Account, 'a', deposit(5), { commandId: 'early' });
    assert.equal(again.replayed, true);
    assert.equal(again.status === 'rejected' && again.rejection, 'AccountNotOpen');
  });
});
