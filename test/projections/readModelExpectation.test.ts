import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNoReadModel, expectReadModel, expectReadModelDocuments, expectReadModelList, expectReadModelRows, inMemoryReadModelStore, projectionRunner, readModelNamed, sameValue } from '../../src/projections';
import { exampleProjections, mixedHistoryStore, ordering } from './support';

describe('read-model expectations (the logic behind the Then steps)', () => {
  it('finds read models by name, with did-you-mean', () => {
    assert.equal(readModelNamed(exampleProjections, 'AccountStatement').projection.name, 'AccountStatements');
    assert.equal(readModelNamed(ordering, 'OrderSummary').projection.name, 'OrderSummaries');
    assert.throws(() => readModelNamed(exampleProjections, 'OrderSumary'), /unknown read model `OrderSumary` — did you mean `OrderSummary`\?/);
    assert.throws(() => readModelNamed(exampleProjections, 'MemberCard'), {
      message:
        'unknown read model `MemberCard` — expected one of the read models `OrderSummary`, `CustomerOrder`, `AccountBalance`, `AccountStatement`, `StatementLine`; ' +
        'a read model is known once its projection is registered: defineDomain({ …, projections: [yourProjection] })',
    });
  });

  it('compares the given fields only, accepting table text for numbers and booleans', async () => {
    const events = await mixedHistoryStore();
    const readModels = inMemoryReadModelStore();
    await projectionRunner({ events, readModels, projections: exampleProjections }).caughtUp();
    const summary = readModelNamed(exampleProjections, 'OrderSummary');
    await expectReadModel(readModels, summary, 'alice', { orders: '2', shipped: 2, 'spent.EUR': '20.20' });
    await expectReadModel(readModels, readModelNamed(exampleProjections, 'CustomerOrder'), 'o-1', { 'items.BOOK.quantity': '2', status: 'shipped' });
    await assert.rejects(
      expectReadModel(readModels, summary, 'alice', { orders: 3, open: '1', customer: 'alice' }),
      (error: Error) => {
        assert.match(error.message, /^OrderSummary "alice" differs:\n {2}orders: expected 3, got 2\n {2}open: expected "1", got 0\nthe whole document: \{"customer":"alice"/);
        assert.doesNotMatch(error.message, /customer: expected/);
        return true;
      },
    );
    await assert.rejects(expectReadModel(readModels, summary, 'zoe', { orders: 1 }), /there is no OrderSummary "zoe"; there are "alice", "bob"/);
    await assert.rejects(expectReadModel(readModels, summary, 'alice', { spnt: 1 }), /read model OrderSummary has no field `spnt` — did you mean `spent`\?/);
    await assert.rejects(expectReadModel(readModels, summary, 'alice', { 'x.y': 1 }), /has no field `x.y` — expected one of its fields `customer`, `orders`/);
    await expectNoReadModel(readModels, summary, 'zoe');
    await assert.rejects(expectNoReadModel(readModels, summary, 'bob'), /expected no OrderSummary "bob", but found/);
  });

  it('checks a list in a document row by row, and whole read models by id', async () => {
    const events = await mixedHistoryStore();
    const readModels = inMemoryReadModelStore();
    await projectionRunner({ events, readModels, projections: exampleProjections }).caughtUp();
    const customerOrder = readModelNamed(exampleProjections, 'CustomerOrder');
    await readModels.commit({
      projection: 'OrderSummaries',
      expectedCheckpoint: 22,
      checkpoint: 22,
      changes: [{ kind: 'put', readModel: 'CustomerOrder', id: 'o-9', doc: { list: [{ kind: 'a', n: 1 }, { kind: 'b', n: 2 }], owner: 'x' } }],
    });
    await expectReadModelList(readModels, customerOrder, 'o-9', 'list', [{ kind: 'a', n: '1' }, { n: 2 }]);
    await assert.rejects(
      expectReadModelList(readModels, customerOrder, 'o-9', 'list', [{ kind: 'a' }]),
      /CustomerOrder "o-9" list differ:\n {2}1 more than expected, starting with \{"kind":"b","n":2\}/,
    );
    await assert.rejects(
      expectReadModelList(readModels, customerOrder, 'o-9', 'list', [{ kind: 'a' }, { kind: 'a' }, { n: 1 }]),
      /row 2, kind: expected "a", got "b"\n {2}row 3: missing/,
    );
    await assert.rejects(expectReadModelList(readModels, customerOrder, 'o-9', 'owner', []), /has no list `owner` \(got "x"\)/);

    const lines = readModelNamed(exampleProjections, 'StatementLine');
    await expectReadModelDocuments(readModels, lines, { account: 'a-1' }, [
      { kind: 'deposit', amount: '100.00', reference: 'salary', balanceAfter: '100' },
      { kind: 'withdrawal', amount: '130.20', balanceAfter: '-30.20' },
      { kind: 'deposit', reference: 'bonus', balanceAfter: '9.80' },
      { kind: 'reversal', reference: 'bonus', amount: '40', balanceAfter: '-30.20' },
    ]);
    await expectReadModelDocuments(readModels, lines, { account: 'nobody' }, []);
    // An `id` column names the documents' ids.
    await expectReadModelDocuments(readModels, lines, { account: 'a-1' }, [{ id: 'a-1/0000000002' }, { id: 'a-1/0000000003' }, {}, {}]);
    await assert.rejects(
      expectReadModelDocuments(readModels, lines, { account: 'a-1' }, [{ id: 'a-1/0000000001' }, {}, {}, {}]),
      /row 1 \("a-1\/0000000002"\), id: expected "a-1\/0000000001", got "a-1\/0000000002"/,
    );
    await assert.rejects(
      expectReadModelDocuments(readModels, lines, { account: 'a-1' }, [{ kind: 'deposit' }, { kind: 'deposit' }, { kind: 'deposit' }, { kind: 'reversal' }, {}]),
      /the StatementLine documents with account "a-1" differ:\n {2}row 2 \("a-1\/0000000003"\), kind: expected "deposit", got "withdrawal"\n {2}row 5: missing/,
    );

    const summary = readModelNamed(exampleProjections, 'OrderSummary');
    await expectReadModelRows(readModels, summary, [
      { id: 'alice', orders: '2', shipped: '2' },
      { id: 'bob', cancelled: '1' },
      { id: 'carol', 'spent.USD': '7.50' },
    ]);
    await assert.rejects(
      expectReadModelRows(readModels, summary, [{ id: 'alice', orders: '3' }, { id: 'zoe' }]),
      /the OrderSummary read model differs:\n {2}row 1 \("alice"\), orders: expected "3", got 2\n {2}row 2: there is no OrderSummary "zoe"\n {2}not in the table: "bob"/,
    );
    await assert.rejects(expectReadModelRows(readModels, summary, [{ orders: 1 }]), /row 1: give each document's id in an `id` column/);
  });

  it('reads table text leniently but not loosely', () => {
    assert.ok(sameValue('20.00', 20));
    assert.ok(sameValue('true', true));
    assert.ok(sameValue('{"a":1}', { a: 1 }));
    assert.ok(!sameValue('', 0));
    assert.ok(!sameValue('20.01', 20));
    assert.ok(!sameValue(20, '20'), 'a typed expectation is compared strictly');
    assert.ok(!sameValue('yes', true));
  });

  it('reads a date in a table strictly: ISO only, no rolled-over or guessed dates', () => {
    assert.ok(sameValue('2025-03-01', new Date('2025-03-01T00:00:00Z')));
    assert.ok(sameValue('2025-03-01T10:00', new Date('2025-03-01T10:00:00Z')), 'a time without a zone is UTC');
    assert.ok(!sameValue('2025-02-29', new Date('2025-03-01T00:00:00Z')), 'no 29 February in 2025');
    assert.ok(!sameValue('1', new Date('2001-01-01T00:00:00Z')), '"1" is not the year 2001');
  });
});
