import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventuallyTimeout, eventually } from '../../src/testing/eventually';

describe('eventually', () => {
  it('returns the first successful attempt’s value', async () => {
    let calls = 0;
    const value = await eventually(() => {
      calls += 1;
      if (calls < 3) throw new Error(`not yet (${calls})`);
      return calls;
    }, { intervalMs: 1 });
    assert.equal(value, 3);
  });

  it('times out with the last failure, the number of attempts and the described state', async () => {
    let n = 0;
    const error = await eventually(
      () => {
        n += 1;
        throw new Error(`balance is ${n}`);
      },
      { timeoutMs: 30, intervalMs: 5, describe: () => 'AccountBalances: lag 2' },
    ).then(
      () => assert.fail('should time out'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof EventuallyTimeout);
    assert.ok(error.attempts >= 2 && error.attempts === n, `${error.attempts} attempts, ${n} calls`);
    assert.equal(error.message, `still not true after 30 ms (${n} attempts); the last attempt said:\nbalance is ${n}\nAccountBalances: lag 2`);
  });

  it('does not wait past its deadline for an attempt that hangs', async () => {
    const started = Date.now();
    await assert.rejects(eventually(() => new Promise(() => undefined), { timeoutMs: 20 }), /the attempt itself did not finish in time/);
    assert.ok(Date.now() - started < 1000);
  });
});
