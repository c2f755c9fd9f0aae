import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppendOutcomeUnknownError, createCommandHandler, inMemoryEventStore, sequentialIds } from '../../src';
import { domain } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import type { EventStore } from '../../src';
import { appliesThenThrows, InjectedFault } from '../support/faultyStores';

const open = { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } } as const;
const deposit = { type: 'Deposit', data: { amount: 10 } } as const;

describe('a command whose append may have landed', () => {
  it('gives its events ids derived from the command id', async () => {
    const handler = createCommandHandler({ domain, store: inMemoryEventStore(), ids: sequentialIds('cmd-') });
    const given = await handler.send(Account, 'a-1', open, { commandId: 'open-a-1' });
    assert.deepEqual(given.status === 'accepted' && given.events.map((e) => e.id), ['open-a-1:1']);
    const made = await handler.send(Account, 'a-1', deposit);
    assert.equal(made.commandId, 'cmd-000000000001');
    assert.deepEqual(made.status === 'accepted' && made.events.map((e) => e.id), ['cmd-000000000001:1']);
  });

  it('is retried once with the same ids: applied-then-failed stores one set of events (no command id given)', async () => {
    const inner = inMemoryEventStore();
    const store = appliesThenThrows(inner, 0);
    const handler = createCommandHandler({ domain, store });
    await handler.send(Account, 'a-1', open);
    const faulty = appliesThenThrows(inner, 1);
    const retrying = createCommandHandler({ domain, store: faulty });
    const result = await retrying.send(Account, 'a-1', deposit);
    assert.equal(faulty.faulted(), 1, 'the first append was applied and then failed');
    assert.equal(result.status, 'accepted');
    assert.equal(result.status === 'accepted' && result.version, 2);
    const stream = await inner.readStream('Account-a-1');
    assert.deepEqual(stream.map((e) => e.type), ['AccountOpened', 'MoneyDeposited'], 'exactly one set of events');
    assert.equal((await retrying.load(Account, 'a-1')).state.balance, 10);
  });

  it('when both tries fail, says so with the command id, and the caller’s retry with that id is answered from the stream', async () => {
    const inner = inMemoryEventStore();
    await createCommandHandler({ domain, store: inner }).send(Account, 'a-1', open);
    const faulty = appliesThenThrows(inner, 2);
    const handler = createCommandHandler({ domain, store: faulty, ids: sequentialIds('made-') });
    const failure = await handler.send(Account, 'a-1', deposit).then(
      () => assert.fail('the append failed twice, so the command cannot report success'),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof AppendOutcomeUnknownError, String(failure));
    assert.equal(failure.commandId, 'made-000000000001');
    assert.match(failure.message, /may or may not have been stored.*same command id \(made-000000000001\) is safe/s);
    assert.equal(faulty.faulted(), 2);

    // A restarted process: a new handler with an empty command log, the same command id.
    const restarted = createCommandHandler({ domain, store: inner });
    const again = await restarted.send(Account, 'a-1', deposit, { commandId: 'made-000000000001' });
    assert.equal(again.status, 'accepted');
    assert.equal(again.replayed, true);
    assert.equal(again.status === 'accepted' && again.version, 2);
    assert.deepEqual(again.status === 'accepted' && again.events.map((e) => e.id), ['made-000000000001:1']);
    assert.deepEqual((await inner.readStream('Account-a-1')).map((e) => e.type), ['AccountOpened', 'MoneyDeposited']);
    // And once more: now the command log answers.
    const third = await restarted.send(Account, 'a-1', deposit, { commandId: 'made-000000000001' });
    assert.equal(third.replayed, true);
    assert.equal(await inner.streamVersion('Account-a-1'), 2);
  });

  it('a write that failed before it was applied is written by the retry, once', async () => {
    const inner = inMemoryEventStore();
    await createCommandHandler({ domain, store: inner }).send(Account, 'a-1', open);
    let failNext = true;
    const store = {
      ...inner,
      async append(...args: Parameters<typeof inner.append>) {
        if (failNext) {
          failNext = false;
          throw new Error('connection refused before sending (injected)');
        }
        return inner.append(...args);
      },
    };
    const result = await createCommandHandler({ domain, store }).send(Account, 'a-1', deposit);
    assert.equal(result.status === 'accepted' && result.version, 2);
    assert.equal(failNext, false);
    assert.equal(await inner.streamVersion('Account-a-1'), 2);
  });
});

describe('the retry of an append that may have landed', () => {
  it('carries the same expected version, so a write that slipped in between is noticed and the command decided again', async () => {
    const inner = inMemoryEventStore();
    const setup = createCommandHandler({ domain, store: inner });
    await setup.send(Account, 'a-1', open);
    await setup.send(Account, 'a-1', deposit);
    const withdraw = { type: 'Withdraw', data: { amount: 10 } } as const;
    // The first append fails before it is applied; meanwhile another process takes the money out.
    let failed = false;
    const store: EventStore = {
      ...inner,
      async append(streamId, events, options) {
        if (!failed) {
          failed = true;
          await setup.send(Account, 'a-1', withdraw);
          throw new InjectedFault('connection reset before the reply (injected)');
        }
        return inner.append(streamId, events, options);
      },
    };
    const result = await createCommandHandler({ domain, store }).send(Account, 'a-1', withdraw);
    assert.equal(failed, true);
    assert.deepEqual(result.status === 'rejected' && result.rejection, 'InsufficientFunds', 'decided again on the balance of 0');
    assert.deepEqual((await inner.readStream('Account-a-1')).map((e) => e.type), ['AccountOpened', 'MoneyDeposited', 'MoneyWithdrawn']);
    assert.equal((await setup.load(Account, 'a-1')).state.balance, 0);
  });
});
