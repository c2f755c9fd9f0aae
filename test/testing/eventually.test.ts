import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controllableClock } from '../../src/core/clock';
import { EventuallyTimeout, eventually } from '../../src/testing/eventually';

// The deadline is measured on a clock the test moves, so no outcome depends on how busy the machine is.
describe('eventually', () => {
  it('returns the first successful attempt’s value', async () => {
    let calls = 0;
    const value = await eventually(() => {
      calls += 1;
      if (calls < 3) throw new Error(`not yet (${calls})`);
      return calls;
    }, { intervalMs: 1, clock: controllableClock() });
    assert.equal(value, 3);
  });

  it('retries until the deadline, then times out with the last failure, the attempts and the described state', async () => {
    const clock = controllableClock();
    let n = 0;
    const error = await eventually(
      () => {
        n += 1;
        clock.advance(10); // each attempt takes 10 ms: attempts at 0, 10 and 20 ms of a 30 ms budget
        throw new Error(`balance is ${n}`);
      },
      { timeoutMs: 30, intervalMs: 1, clock, describe: () => 'AccountBalances: lag 2' },
    ).then(
      () => assert.fail('should time out'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof EventuallyTimeout);
    assert.equal(error.attempts, 3);
    assert.equal(n, 3);
    assert.equal(error.message, 'still not true after 30 ms (3 attempts); the last attempt said:\nbalance is 3\nAccountBalances: lag 2');
  });

  it('stops at once on a failure waiting cannot mend, with that failure itself', async () => {
    let attempts = 0;
    const hopeless = new Error('read model OrderSummary has no field `totl`');
    const error = await eventually(
      () => {
        attempts += 1;
        throw hopeless;
      },
      { timeoutMs: 1_000_000, intervalMs: 1, clock: controllableClock(), giveUpOn: (e) => e === hopeless },
    ).then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
    assert.equal(error, hopeless);
    assert.equal(attempts, 1);
  });

  it('gives up on an attempt that hangs once the deadline passes', { timeout: 60_000 }, async () => {
    // Were it to wait for the attempt, this test would hit its timeout instead of rejecting.
    await assert.rejects(eventually(() => new Promise(() => undefined), { timeoutMs: 20 }), /the attempt itself did not finish in time/);
  });
});
