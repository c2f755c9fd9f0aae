import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, inMemoryCommandLog, inMemoryEventStore } from '../../src';
import { domain } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import { commandLogContract } from './commandLogContract';

commandLogContract('in-memory', { create: async () => inMemoryCommandLog() });

describe('the in-memory command log', () => {
  it('is bounded: past maxEntries the oldest answers are forgotten', async () => {
    const log = inMemoryCommandLog({ maxEntries: 2 });
    const handler = createCommandHandler({ domain, store: inMemoryEventStore(), commandLog: log });
    for (const id of ['a', 'b', 'c']) {
      await handler.send(Account, id, { type: 'OpenAccount', data: { owner: id, overdraftLimit: 0 } }, { commandId: `open-${id}` });
    }
    assert.equal(await log.get('open-a'), undefined);
    assert.equal((await log.get('open-b'))?.streamId, 'Account-b');
    assert.equal((await log.get('open-c'))?.streamId, 'Account-c');
  });

  it('forgetting is safe: a forgotten accepted command is found through its events and not run again', async () => {
    const store = inMemoryEventStore();
    const handler = createCommandHandler({ domain, store, commandLog: inMemoryCommandLog({ maxEntries: 1 }) });
    await handler.send(Account, 'a', { type: 'OpenAccount', data: { owner: 'a', overdraftLimit: 0 } }, { commandId: 'open-a' });
    await handler.send(Account, 'a', { type: 'Deposit', data: { amount: 3 } }, { commandId: 'pay-a' });
    await handler.send(Account, 'a', { type: 'Deposit', data: { amount: 4 } }, { commandId: 'pay-b' });
    const again = await handler.send(Account, 'a', { type: 'Deposit', data: { amount: 3 } }, { commandId: 'pay-a' });
    assert.equal(again.replayed, true);
    assert.equal(again.status === 'accepted' && again.version, 2);
    assert.equal(await store.streamVersion('Account-a'), 3);
  });

  it('refuses a bound that is not a whole number ≥ 1', () => {
    assert.throws(() => inMemoryCommandLog({ maxEntries: 0 }), /maxEntries of the command log must be a whole number ≥ 1, got 0/);
  });
});
