import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DomainCodeError, markDomainCode } from '../../src/aggregate/domainCode';
import { InvariantViolation } from '../../src/core/errors';
import { ProjectionFailed } from '../../src/projections/projectionErrors';
import { domainErrorAtStep, userFrames } from '../../src/gherkin/domainErrorAtStep';
import { ScenarioError } from '../../src/gherkin/scenarioError';
import type { StepPlace } from '../../src/gherkin/stepPlace';

const kit = resolve(__dirname, '..', '..', 'src');
const place = { uri: 'features/order.feature', line: 12, rows: [] } as unknown as StepPlace;
const thrownIn = (...files: string[]) => {
  const cause = new TypeError("Cannot read properties of undefined (reading 'name')");
  cause.stack = [`TypeError: ${cause.message}`, ...files.map((f, i) => `    at fn${i} (${f})`)].join('\n');
  return cause;
};

describe('domainErrorAtStep', () => {
  it('puts the step first and keeps only the frames of the domain code that threw', () => {
    const cause = thrownIn(
      '/home/ann/shop/src/aggregates/order.ts:31:40',
      join(kit, 'aggregate', 'replay.ts') + ':45:46',
      '/home/ann/shop/node_modules/zod/v4/core/core.js:1:1',
      'node:internal/process/task_queues:95:5',
      join(kit, 'domains', 'ordering', 'order.ts') + ':7:3',
    );
    const error = new DomainCodeError("Order's evolve for OrderPlaced threw \"Cannot read properties of undefined (reading 'name')\"", { cause });
    assert.equal(domainErrorAtStep(error, place), error);
    assert.equal(
      error.stack,
      [
        `features/order.feature:12: ${error.message}`,
        '    at fn0 (/home/ann/shop/src/aggregates/order.ts:31:40)',
        `    at fn4 (${join(kit, 'domains', 'ordering', 'order.ts')}:7:3)`,
      ].join('\n'),
    );
  });

  it('tells an error decide threw itself (passed on unchanged by the handler) as the domain code\'s, at the step', () => {
    const cause = thrownIn('/home/ann/shop/src/aggregates/order.ts:52:9', join(kit, 'commandHandling', 'commandHandler.ts') + ':114:25');
    markDomainCode(cause, 'Order\'s decide for ShipOrder on "Order-o-1"');
    const told = domainErrorAtStep(cause, place);
    assert.ok(told instanceof DomainCodeError);
    assert.equal(told.cause, cause);
    assert.equal(
      told.stack,
      [
        'features/order.feature:12: Order\'s decide for ShipOrder on "Order-o-1" threw "Cannot read properties of undefined (reading \'name\')"; a command is refused with reject(...), any other error is a bug in decide',
        '    at fn0 (/home/ann/shop/src/aggregates/order.ts:52:9)',
      ].join('\n'),
    );
    // Unmarked, the same error is not the domain's to claim.
    const plain = thrownIn('/home/ann/shop/src/aggregates/order.ts:52:9');
    assert.equal(domainErrorAtStep(plain, place), plain);
  });

  it('tells a projection that failed inline the same way: the step, then the handler\'s frames', () => {
    const cause = thrownIn('/home/ann/shop/src/projections/summary.ts:14:7', join(kit, 'projections', 'projectionRunner.ts') + ':140:11');
    const error = new ProjectionFailed('OrderSummaries', 'OrderShipped', 3, 'Order-o-1', 2, cause);
    domainErrorAtStep(error, place);
    assert.equal(error.stack, [`features/order.feature:12: ${error.message}`, '    at fn0 (/home/ann/shop/src/projections/summary.ts:14:7)'].join('\n'));
  });

  it('names the step for an invariant that does not hold, which has no cause', () => {
    const error = new InvariantViolation('Order', 'a placed order has a positive amount', 'Order-o-1', { status: 'placed', amount: -3 });
    domainErrorAtStep(error, place);
    assert.equal(
      error.stack,
      'features/order.feature:12: invariant "a placed order has a positive amount" of Order does not hold for stream "Order-o-1"; the state it was checked on: {"status":"placed","amount":-3}',
    );
  });

  it('leaves the feature author\'s own mistakes and errors of other kinds as they are', () => {
    const scenario = new ScenarioError(place, 'no such column');
    const before = scenario.stack;
    assert.equal(domainErrorAtStep(scenario, place), scenario);
    assert.equal(scenario.stack, before);
    const other = new Error('boom');
    const otherStack = other.stack;
    domainErrorAtStep(other, place);
    assert.equal(other.stack, otherStack);
  });

  it('keeps the whole stack with EVENTSPEC_DEBUG=1, and the original error\'s after it', () => {
    const cause = thrownIn('/home/ann/shop/src/a.ts:1:1');
    const error = new DomainCodeError('x', { cause });
    const before = `${error.stack}\nCaused by: ${cause.stack}`;
    process.env.EVENTSPEC_DEBUG = '1';
    try {
      domainErrorAtStep(error, place);
    } finally {
      delete process.env.EVENTSPEC_DEBUG;
    }
    assert.equal(error.stack, before);
  });

  it('reads frames with and without a function name, and file URLs', () => {
    assert.deepEqual(userFrames('E: x\n    at /home/a/x.ts:1:2\n    at f (file:///home/a/y.ts:3:4)\n    at g (native)'), ['    at /home/a/x.ts:1:2', '    at f (file:///home/a/y.ts:3:4)']);
  });
});
