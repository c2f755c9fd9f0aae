import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controllableClock } from '../../src/core/clock';
import { inMemoryEventStore } from '../../src/eventStore';
import type { EventStore } from '../../src/eventStore';
import { inMemorySnapshotStore } from '../../src/snapshots';
import { createScenario } from '../../src/testing/scenario';
import { Book, library, Member } from '../processes/lending';

/** A scenario on the lending domain (one process, one policy) whose store counts what a running process runner does to it. */
function lendingScenario(readSide: 'live' | 'inline' = 'live') {
  const clock = controllableClock('2025-03-01T10:00:00Z');
  const raw = inMemoryEventStore({ clock });
  const followed = { subscribe: 0, readAll: 0 };
  const events: EventStore = {
    ...raw,
    subscribe: (options) => (followed.subscribe++, raw.subscribe(options)),
    readAll: (options) => (followed.readAll++, raw.readAll(options)),
  };
  const scenario = createScenario({ domain: library, stores: { events, snapshots: inMemorySnapshotStore(), dispose: () => raw.close() }, clock, readSide });
  return { scenario, followed };
}

const sentSummary = (scenario: ReturnType<typeof lendingScenario>['scenario']) => scenario.processes!.sent.map((s) => `${s.request.aggregate} ${s.request.id} ${s.request.command.type}`);

describe("a scenario's process runner, made when a process has something to do", () => {
  it('is never started by a scenario that stores no event a process handles', async () => {
    const { scenario, followed } = lendingScenario();
    await scenario.processes!.runner.start(); // as the steps' Before hook does
    await scenario.record(Member, 'alice', [{ type: 'BookBorrowed', data: { loan: 'l-1', book: 'b-1' } }]);
    scenario.enter('when');
    const result = await scenario.send(Member, 'alice', { type: 'RecordBorrowing', data: { loan: 'l-2', book: 'b-2' } });
    await scenario.settle();
    await scenario.processes!.runner.stop();
    assert.equal(result.status, 'accepted');
    assert.deepEqual(followed, { subscribe: 0, readAll: 0 }, 'nothing followed or read the store for the processes');
    assert.deepEqual(scenario.processes!.sent, []);
  });

  it('still lets a process react to a command in the scenario, seeing the history stored before it started', async () => {
    const { scenario, followed } = lendingScenario();
    await scenario.processes!.runner.start();
    await scenario.record(Book, 'b-1', [{ type: 'CopyLent', data: { loan: 'l-0', member: 'bob' } }]);
    scenario.enter('when');
    await scenario.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    await scenario.settle();
    // The copy lent in the history was seen: the process's LendCopy was refused and it cancelled the loan.
    assert.deepEqual(sentSummary(scenario), ['Book b-1 LendCopy', 'Member alice CancelLoan']);
    assert.equal((await scenario.processes!.runner.instance('Lending', 'l-1'))?.status, 'completed');
    assert.ok(followed.subscribe > 0, 'the runner followed the store once it was needed');
    await scenario.processes!.runner.stop();
  });

  it('reacts inside the append in inline scenarios, from the first handled event', async () => {
    const { scenario } = lendingScenario('inline');
    await scenario.record(Member, 'alice', [{ type: 'LoanRequested', data: { loan: 'l-1', book: 'b-1' } }]);
    assert.deepEqual(sentSummary(scenario), ['Book b-1 LendCopy', 'Member alice RecordBorrowing']);
    assert.deepEqual(scenario.recorded.map((e) => `${e.streamId} ${e.type}`), ['Member-alice LoanRequested', 'Book-b-1 CopyLent', 'Member-alice BookBorrowed']);
  });

  it('answers a read of process state before any handled event: no instance, no deadline', async () => {
    const { scenario } = lendingScenario();
    await scenario.processes!.runner.start();
    assert.equal(await scenario.processes!.runner.instance('Lending', 'l-1'), undefined);
    assert.deepEqual(await scenario.processes!.runner.deadlines('Lending'), []);
    assert.equal(await scenario.processes!.runner.fireDue(), 0);
    await scenario.processes!.runner.stop();
  });
});
