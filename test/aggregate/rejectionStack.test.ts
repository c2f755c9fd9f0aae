import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, EventspecError, inMemoryEventStore, isRejection, Rejection } from '../../src';
import { domain } from '../../src/domains';
import { Account } from '../../src/domains/banking';

describe('a Rejection', () => {
  it('captures no stack trace, and stays an Error, an EventspecError and a Rejection', () => {
    const rejection = new Rejection('InsufficientFunds', 'the balance is 0');
    assert.ok(rejection instanceof Rejection && rejection instanceof EventspecError && rejection instanceof Error);
    assert.ok(isRejection(rejection));
    assert.equal(rejection.rejection, 'InsufficientFunds');
    assert.equal(rejection.message, 'the balance is 0');
    assert.equal(rejection.name, 'Rejection');
    assert.doesNotMatch(String(rejection.stack), /\n\s+at /, 'no stack frames');
  });

  it('leaves stack traces on for every other error', () => {
    const before = Error.stackTraceLimit;
    new Rejection('AccountNotOpen');
    assert.equal(Error.stackTraceLimit, before);
    assert.match(String(new Error('x').stack), /\n\s+at /);
  });

  it('takes its message from the rejection name when none is given', () => {
    assert.equal(new Rejection('AccountNotOpen').message, 'AccountNotOpen');
  });

  it('reaches the handler without a stack: the answer names the rejection and its message', async () => {
    const handler = createCommandHandler({ domain, store: inMemoryEventStore() });
    const result = await handler.send(Account, 'a', { type: 'Deposit', data: { amount: 1 } });
    assert.equal(result.status, 'rejected');
    assert.equal(result.status === 'rejected' && result.rejection, 'AccountNotOpen');
  });
});
