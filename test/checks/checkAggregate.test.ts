import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkAggregate, checkDomain, runChecks } from '../../src/checks';
import type { CheckFailed, CheckResult } from '../../src/checks';
import { defineDomain } from '../../src';
import { Order } from '../../src/domains/ordering/order';
import { domain as examples } from '../../src/domains';
import { planted } from './plantedAggregates';

function failed(result: CheckResult): CheckFailed {
  assert.equal(result.status, 'failed', `expected a failure, got ${JSON.stringify(result)}`);
  return result as CheckFailed;
}

describe('planted bugs are caught and printed as Gherkin', () => {
  it('an invariant broken by one command path', async () => {
    const result = failed(await checkAggregate(planted, 'Wallet', { runs: 200, seed: 1 }));
    assert.equal(result.property, 'invariants');
    const text = result.gherkin;
    assert.match(text, /# Withdraw breaks the invariant "the balance is never negative": it would leave balance = -\d/);
    assert.match(text, /Given the time is "2025-03-01T10:00:00Z"/);
    // Shrunk to the one history event the withdrawal needs, and the smallest amount.
    assert.match(text, /And Wallet "w-1" has recorded:\n\s+\| event\s+\| owner \|\n\s+\| WalletOpened \| \w+\s*\|\n/);
    assert.match(text, /When Wallet "w-1" is sent Withdraw:\n\s+\| amount \| 1 \|\n/);
    // A fix may accept the command or refuse it by name: the regression must pass either way.
    assert.match(text, /Then the command is accepted or rejected\n$/);
    assert.match(text, new RegExp(`# eventspec check Wallet --seed 1 --path "${result.path}"`));
  });

  it('a non-deterministic evolve', async () => {
    const result = failed(await checkAggregate(planted, 'Ticket', { runs: 100, seed: 2 }));
    assert.equal(result.property, 'deterministic');
    assert.match(result.gherkin, /When Ticket "t-1" is sent RaiseTicket:\n\s+\| title \| \w+ \|/);
    assert.match(result.gherkin, /Then Ticket "t-1" has state:\n\s+\| token \| \d+ \|/);
    assert.match(result.gherkin, /# Replaying the same 1 event\(s\) twice gives two different states \(token: \d+ vs \d+\)/);
  });

  it('a snapshot that drops a field on the real in-memory snapshot path', async () => {
    const result = failed(await checkAggregate(planted, 'Basket', { runs: 100, seed: 3 }));
    assert.equal(result.property, 'snapshots');
    assert.match(result.gherkin, /When Basket "b-1" is sent PriceBasket:\n\s+\| amount\s+\| \d+(\.\d+)?\s*\|\n\s+\| currency \| (EUR|USD)\s*\|/);
    assert.match(result.gherkin, /Then Basket "b-1" has state:\n\s+\| price\.currency \| (EUR|USD) \|/);
    assert.match(result.gherkin, /price\.currency: "(EUR|USD)" vs nothing/);
  });

  it('a snapshot that loses a Date where snapshots are stored as JSON', async () => {
    const result = failed(await checkAggregate(planted, 'Membership', { runs: 100, seed: 4 }));
    assert.equal(result.property, 'snapshotJson');
    assert.match(result.gherkin, /This fails where snapshots are stored as JSON/);
    assert.match(result.gherkin, /Then Membership "m-1" has state:\n\s+\| since \| 2025-03-01T10:00:00\.000Z \|/);
    // Switched off, the same aggregate passes: the in-memory snapshot store keeps the Date.
    const relaxed = await checkAggregate(planted, 'Membership', { runs: 50, seed: 4, properties: { snapshotJson: false } });
    assert.equal(relaxed.status, 'passed');
  });

  it('an upcaster that loses data', async () => {
    const result = failed(await checkAggregate(planted, 'Product', { runs: 100, seed: 5 }));
    assert.equal(result.property, 'upcasters');
    assert.match(result.path, /^ProductPriced@v1:/);
    assert.match(result.gherkin, /# Upcasting ProductPriced from v1 to v2 loses currency/);
    assert.match(result.gherkin, /And Product "p-1" has recorded \(v1\):\n\s+\| event\s+\| cents \| currency \|\n\s+\| ProductPriced \| \d+\s*\| (USD|GBP)\s*\|/);
    assert.match(result.gherkin, /Then Product "p-1" has state:\n\s+\| currency \| (USD|GBP) \|/);
  });

  it('replays a failure exactly from its seed and path', async () => {
    for (const name of ['Wallet', 'Product']) {
      const first = failed(await checkAggregate(planted, name, { runs: 100, seed: 11 }));
      const again = failed(await checkAggregate(planted, name, { seed: first.seed, path: first.path }));
      assert.equal(again.gherkin, first.gherkin, name);
    }
  });

  it('a model that disagrees with the aggregate: the expected outcome is the Then', async () => {
    const domain = defineDomain({ name: 'orders', aggregates: [Order] });
    const result = failed(
      await checkAggregate(domain, 'Order', {
        runs: 200,
        seed: 6,
        model: {
          initial: () => ({ placed: false }),
          // Wrong on purpose: believes an empty placed order ships.
          run: (model: { placed: boolean }, command) => {
            if (command.type === 'PlaceOrder') return model.placed ? { expect: { rejected: 'OrderAlreadyPlaced' }, model } : { expect: { accepted: true }, model: { placed: true } };
            if (command.type === 'ShipOrder' && model.placed) return { expect: { accepted: true, records: ['OrderShipped'] }, model };
            return { expect: { accepted: true }, model };
          },
        },
        properties: { model: true },
      }),
    );
    assert.equal(result.property, 'model');
    assert.match(result.gherkin, /# The model expects \w+ to be accepted; it was rejected with \w+/);
    assert.match(result.gherkin, /When Order "o-1" is sent \w+/);
    assert.match(result.gherkin, /Then the command is accepted\n$/);
  });
});

describe('the example domain passes its checks', () => {
  it('Order passes every property in 100 runs', async () => {
    const result = await checkAggregate(defineDomain({ name: 'orders', aggregates: [Order] }), 'Order', { runs: 100, seed: 42 });
    assert.equal(result.status, 'passed', result.status === 'failed' ? result.gherkin : '');
    assert.ok(result.properties.includes('snapshots'));
  });

  it('every aggregate of both example domains passes in 100 runs', async () => {
    const results = await checkDomain(examples, { runs: 100, seed: 7 });
    assert.deepEqual(results.map((r) => r.aggregate), examples.aggregates.map((a) => a.name));
    for (const result of results) assert.equal(result.status, 'passed', result.status === 'failed' ? result.gherkin : '');
  });
});

describe('model-based checks', () => {
  it('an aggregate that agrees with its model passes, outcomes, recorded data and state compared', async () => {
    type M = { amount: number; currency: string };
    const result = await checkAggregate(planted, 'Product', {
      runs: 100,
      seed: 9,
      properties: { upcasters: false },
      model: {
        initial: (): M => ({ amount: 0, currency: 'EUR' }),
        run: (_model: M, command) => {
          const data = command.data as M;
          return { expect: { accepted: true, records: [{ type: 'ProductPriced', data: { amount: data.amount, currency: data.currency } }] }, model: data };
        },
        state: (model: M) => model,
      },
    });
    assert.equal(result.status, 'passed', result.status === 'failed' ? result.gherkin : '');
    assert.ok(result.properties.includes('model') && !result.properties.includes('upcasters'));
  });

  it('a model whose state disagrees is reported with the state it expects', async () => {
    const result = failed(
      await checkAggregate(planted, 'Product', {
        runs: 100,
        seed: 9,
        properties: { upcasters: false },
        model: {
          initial: () => ({ currency: 'EUR' }),
          // Wrong on purpose: believes the currency never changes.
          run: (model) => ({ expect: { accepted: true, records: ['ProductPriced'] }, model }),
          state: (model: { currency: string }) => model,
        },
      }),
    );
    assert.equal(result.property, 'model');
    assert.match(result.gherkin, /When Product "p-1" is sent PriceProduct:\n\s+\| amount\s+\| \d+\s*\|\n\s+\| currency \| (USD|GBP)\s*\|/);
    assert.match(result.gherkin, /Then Product "p-1" has state:\n\s+\| currency \| EUR \|\n$/);
  });
});

describe('checkDomain, regression files and the command-line helper', () => {
  it('checkDomain checks each aggregate with its own options', async () => {
    const results = await checkDomain(planted, { runs: 50, seed: 8, aggregates: { Membership: { properties: { snapshotJson: false } } } });
    assert.deepEqual(
      results.map((r) => [r.aggregate, r.status === 'failed' ? r.property : 'passed']),
      [
        ['Wallet', 'invariants'],
        ['Ticket', 'deterministic'],
        ['Basket', 'snapshots'],
        ['Membership', 'passed'],
        ['Product', 'upcasters'],
      ],
    );
  });

  it('appends failing scenarios to a regression feature, once each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eventspec-regressions-'));
    try {
      const first = failed(await checkAggregate(planted, 'Wallet', { runs: 100, seed: 1, regressions: dir }));
      assert.equal(first.regressionFile, join(dir, 'wallet.feature'));
      await checkAggregate(planted, 'Wallet', { runs: 100, seed: 1, regressions: dir });
      const other = failed(await checkAggregate(planted, 'Wallet', { runs: 100, seed: 2, regressions: dir }));
      const text = await readFile(first.regressionFile!, 'utf8');
      assert.ok(text.startsWith('Feature: Wallet regressions\n'));
      // The same scenario found from another seed differs only in its comments (the seed): once.
      const body = (g: string) => g.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
      assert.equal(text.split('Scenario:').length - 1, body(first.gherkin!) === body(other.gherkin!) ? 1 : 2);
      assert.notEqual(first.gherkin, other.gherkin, 'the seeds differ');
      assert.ok(text.includes(first.gherkin));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runChecks prints results and scenarios on stdout, mistakes in the options on stderr, and returns an exit code', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => err.push(t) } };
    assert.equal(await runChecks(planted, { aggregate: 'Ticket', runs: 20, seed: 3 }, io), 1);
    assert.match(out.join(''), /Scenario: Ticket replays the same events to the same state/);
    assert.match(out.join(''), /✗ Ticket: deterministic/);
    assert.equal(await runChecks(defineDomain({ name: 'orders', aggregates: [Order] }), { runs: 20, seed: 3 }, io), 0);
    assert.match(out.join(''), /✓ Order: \d+ cases passed/);
    assert.doesNotMatch(out.join(''), /replaying/);
    // A replay that passes says what that means.
    assert.equal(await runChecks(defineDomain({ name: 'orders', aggregates: [Order] }), { aggregate: 'Order', runs: 20, seed: 3, path: '0' }, io), 0);
    assert.match(out.join(''), /✓ Order: \d+ cases passed in [\d.]+s \(seed 3\); replaying path 0: that case no longer fails, or the seed has no such path/);
    err.length = 0;
    assert.equal(await runChecks(planted, { aggregate: 'Walet' }, io), 2);
    assert.match(err.join(''), /unknown aggregate `Walet`.*Wallet/);
  });

  it('reports progress while running', async () => {
    const seen: number[] = [];
    await checkAggregate(defineDomain({ name: 'orders', aggregates: [Order] }), 'Order', { runs: 10, seed: 1, onProgress: (p) => seen.push(p.run) });
    assert.deepEqual(seen.slice(0, 10), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
