import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineDomain, defineProcess, z } from '../../src';
import { checkProcess } from '../../src/checks/checkProcess';
import { banking, ordering } from '../../src/domains';
import { Book, CopyLent, CopyReturned, library, LoanRequested, Member } from '../processes/lending';

const memberOf = (streamId: string) => streamId.slice('Member-'.length);
const state = z.object({ member: z.string(), book: z.string(), token: z.number() });

/** The lending process with one planted bug at a time. */
function lending(bug: 'no compensation' | 'never ends' | 'random state') {
  const process = defineProcess({
    name: 'Lending',
    from: [LoanRequested, CopyLent, CopyReturned],
    startedBy: [LoanRequested],
    correlate: { LoanRequested: (e) => e.data.loan, CopyLent: (e) => e.data.loan, CopyReturned: (e) => e.data.loan },
    state,
    initialState: { member: '', book: '', token: 0 },
    deadlines: ['ReturnDue'],
  }).behavior({
    react: {
      LoanRequested: (s, { loan, book }, p, event) => {
        p.send(Book, book, { type: 'LendCopy', data: { loan, member: memberOf(event.streamId) } });
        return { ...s, member: memberOf(event.streamId), book, token: bug === 'random state' ? Math.random() : 0 };
      },
      CopyLent: (s, { loan }, p) => {
        p.send(Member, s.member, { type: 'RecordBorrowing', data: { loan, book: s.book } });
        if (bug !== 'never ends') p.schedule('ReturnDue', { days: 14 });
      },
      CopyReturned: (_s, _d, p) => p.complete(),
    },
    whenDue: { ReturnDue: (_s, p) => p.complete() },
    whenRejected: bug === 'no compensation' ? {} : { LendCopy: (_s, _r, p) => p.complete() },
  });
  return defineDomain({ name: 'library', aggregates: [Member, Book], processes: [process] });
}

describe('checking a process', () => {
  it('passes the example processes and the lending one', async () => {
    for (const [domain, name] of [[ordering, 'OrderFulfilment'], [banking, 'MoneyTransfer'], [library, 'Lending']] as const) {
      const result = await checkProcess(domain, name, { runs: 60, seed: 3 });
      assert.equal(result.status, 'passed', JSON.stringify(result));
    }
  });

  it('finds a refusal nothing compensates, and prints the commands that lead there', async () => {
    const result = await checkProcess(lending('no compensation'), 'Lending', { runs: 200, seed: 1 });
    assert.equal(result.status, 'failed');
    if (result.status !== 'failed') return;
    assert.equal(result.property, 'noProcessErrors');
    assert.match(result.message, /refused LendCopy with CopyAlreadyLent .*whenRejected\.LendCopy/);
    assert.match(result.gherkin, /(When|And) Member "\w+" is sent RequestLoan:/);
    assert.match(result.gherkin, /# eventspec check Lending --seed 1 --path "[\d:]+"/);
  });

  it('finds an instance that waits for nothing and never ends', async () => {
    const result = await checkProcess(lending('never ends'), 'Lending', { runs: 200, seed: 1 });
    assert.equal(result.status, 'failed');
    if (result.status !== 'failed') return;
    assert.equal(result.property, 'endsOrWaits');
    assert.match(result.gherkin, /Then the Lending process for "\w+" is completed\n$/);
  });

  it('finds a state that depends on more than the events', async () => {
    const result = await checkProcess(lending('random state'), 'Lending', { runs: 200, seed: 1 });
    assert.equal(result.status, 'failed');
    if (result.status !== 'failed') return;
    assert.equal(result.property, 'sameState');
  });
});

describe('eventspec check with processes', () => {
  const capture = () => {
    let text = '';
    return { stream: { write: (t: string) => (text += t) }, text: () => text };
  };

  it('checks one process by name, and a planted bug fails the run with its scenario', async () => {
    const { runChecks } = await import('../../src/checks/runChecks');
    const out = capture();
    const err = capture();
    assert.equal(await runChecks(ordering, { aggregate: 'OrderFulfilment', runs: 20, seed: 5 }, { out: out.stream, err: err.stream }), 0, err.text());
    assert.match(out.text(), /^✓ OrderFulfilment \(process\): 20 cases passed in [\d.]+s \(seed 5\)\nall 1 aggregate\(s\) and process\(es\) passed their checks\n$/);
    const failing = capture();
    assert.equal(await runChecks(lending('never ends'), { aggregate: 'Lending', runs: 200, seed: 1 }, { out: failing.stream, err: capture().stream }), 1);
    assert.match(failing.text(), /✗ Lending \(process\): endsOrWaits — instance "\w+" is still running and waits for no deadline/);
    assert.match(failing.text(), /Then the Lending process for "\w+" is completed/);
  });
});
