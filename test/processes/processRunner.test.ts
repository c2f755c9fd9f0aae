import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler } from '../../src/commandHandling';
import { controllableClock } from '../../src/core/clock';
import { inMemoryEventStore } from '../../src/eventStore';
import { inMemoryReadModelStore } from '../../src/projections';
import type { ReadModelStore } from '../../src/projections';
import type { EventStore } from '../../src/eventStore';
import { definePolicy, inlineProcesses, processRunner } from '../../src/processes';
import { defineDomain } from '../../src/domain';
import { ProjectionFailed } from '../../src/projections';
import type { SentCommand } from '../../src/processes';
import { Book, CopyReturned, library, Member } from './lending';

function setUp(shared?: { events: EventStore; readModels: ReadModelStore; clock: ReturnType<typeof controllableClock> }) {
  const clock = shared?.clock ?? controllableClock('2025-03-01T10:00:00Z');
  const raw = shared?.events ?? inMemoryEventStore({ clock });
  const readModels = shared?.readModels ?? inMemoryReadModelStore();
  const sent: SentCommand[] = [];
  const commands = createCommandHandler({ domain: library, store: raw, clock });
  const processes = processRunner({ events: raw, readModels, domain: library, commands, clock, deadlineCheckEvery: 0, onSent: (s) => sent.push(s) });
  const events = inlineProcesses(raw, processes);
  const handler = createCommandHandler({ domain: library, store: events, clock });
  return { clock, raw, readModels, processes, handler, sent, shared: { events: raw, readModels, clock } };
}

const summary = (sent: readonly SentCommand[]) => sent.map((s) => `${s.request.aggregate} ${s.request.id} ${s.request.command.type} ${s.result.status === 'accepted' ? 'accepted' : `rejected ${s.result.rejection}`}`);

describe('a process across two aggregates', () => {
  it('lends the copy and records the borrowing when a loan is requested, in the same append', async () => {
    const { handler, sent, raw, processes } = setUp();
    await handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    assert.deepEqual(summary(sent), ['Book b-1 LendCopy accepted', 'Member alice RecordBorrowing accepted']);
    assert.deepEqual((await raw.readAll()).map((e) => `${e.streamId} ${e.type}`), ['Member-alice LoanRequested', 'Book-b-1 CopyLent', 'Member-alice BookBorrowed']);
    assert.deepEqual((await processes.instance('Lending', 'l-1'))?.state, { stage: 'lent', member: 'alice', book: 'b-1' });
  });

  it('derives command ids from the triggering event and carries correlation and causation', async () => {
    const { handler, raw } = setUp();
    await handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } }, { correlationId: 'visit-7' });
    const [requested, lent, borrowed] = await raw.readAll();
    assert.equal(lent!.metadata.commandId, `Lending/${requested!.id}/1`);
    assert.equal(lent!.metadata.causationId, requested!.id);
    assert.equal(borrowed!.metadata.causationId, lent!.id);
    assert.deepEqual([lent!.metadata.correlationId, borrowed!.metadata.correlationId], ['visit-7', 'visit-7']);
  });

  it('compensates a refused command: the loan is cancelled and the instance ends', async () => {
    const { handler, sent, processes, raw } = setUp();
    await handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    await handler.send(Member, 'bob', { type: 'RequestLoan', data: { loan: 'l-2', book: 'b-1' } });
    assert.deepEqual(summary(sent).slice(2), ['Book b-1 LendCopy rejected CopyAlreadyLent', 'Member bob CancelLoan accepted']);
    assert.equal((await processes.instance('Lending', 'l-2'))?.status, 'completed');
    const cancelled = (await raw.readStream('Member-bob')).at(-1)!;
    assert.deepEqual([cancelled.type, cancelled.data], ['LoanCancelled', { loan: 'l-2', reason: 'CopyAlreadyLent' }]);
  });

  it('fires a deadline from the clock, and schedules the next from its due time', async () => {
    const { handler, sent, processes, clock } = setUp();
    await handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    assert.deepEqual(await processes.deadlines('Lending'), [{ instance: 'l-1', deadline: 'ReturnDue', due: '2025-03-15T10:00:00.000Z' }]);
    clock.advance(13 * 86_400_000);
    assert.equal(await processes.fireDue(), 0);
    clock.advance(86_400_000 + 3_600_000);
    assert.equal(await processes.fireDue(), 1);
    await processes.caughtUp();
    assert.deepEqual(summary(sent).at(-1), 'Member alice RemindMember accepted');
    assert.deepEqual(await processes.deadlines('Lending'), [{ instance: 'l-1', deadline: 'ReturnDue', due: '2025-03-22T10:00:00.000Z' }]);
    assert.equal(await processes.fireDue(), 0, 'a fired deadline fires once');
  });

  it('fires a deadline after a restart between scheduling and firing', async () => {
    const first = setUp();
    await first.handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    await first.processes.stop();
    const second = setUp(first.shared);
    second.clock.advance(15 * 86_400_000);
    assert.equal(await second.processes.fireDue(), 1);
    assert.deepEqual(summary(second.sent), ['Member alice RemindMember accepted']);
  });

  it('reports pending deadlines in its status by counting them, not reading them; a store without count is read', async () => {
    const inner = inMemoryReadModelStore();
    const read: string[] = [];
    const watched: ReadModelStore = { ...inner, find: (readModel, filter, options) => (read.push(readModel), inner.find(readModel, filter, options)) };
    const counting = setUp({ events: inMemoryEventStore(), readModels: watched, clock: controllableClock('2025-03-01T10:00:00Z') });
    await counting.handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    await counting.handler.send(Member, 'bob', { type: 'RequestLoan', data: { loan: 'l-2', book: 'b-2' } });
    read.length = 0;
    assert.deepEqual((await counting.processes.status()).map((s) => [s.name, s.pendingDeadlines]), [['Lending', 2], ['ThankReturns', 0]]);
    assert.deepEqual(read, [], 'no deadline document read');

    const { count: _count, ...withoutCount } = inMemoryReadModelStore();
    const reading = setUp({ events: inMemoryEventStore(), readModels: withoutCount, clock: controllableClock('2025-03-01T10:00:00Z') });
    await reading.handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    assert.deepEqual((await reading.processes.status()).map((s) => [s.name, s.pendingDeadlines]), [['Lending', 1], ['ThankReturns', 0]]);
  });

  it('drops pending deadlines when the instance completes', async () => {
    const { handler, processes, clock } = setUp();
    await handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    await handler.send(Book, 'b-1', { type: 'ReturnCopy', data: { loan: 'l-1', member: 'alice' } });
    assert.deepEqual(await processes.deadlines('Lending'), []);
    clock.advance(30 * 86_400_000);
    assert.equal(await processes.fireDue(), 0);
  });

  it('runs a stateless policy once per event', async () => {
    const { handler, sent } = setUp();
    await handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    await handler.send(Book, 'b-1', { type: 'ReturnCopy', data: { loan: 'l-1', member: 'alice' } });
    assert.deepEqual(summary(sent.filter((s) => s.process === 'ThankReturns')), ['Member alice RemindMember accepted']);
  });
});

describe('delivered more than once', () => {
  it('a batch applied again after a crash before its commit sends the same commands, each recorded once', async () => {
    const clock = controllableClock('2025-03-01T10:00:00Z');
    const raw = inMemoryEventStore({ clock });
    const readModels = inMemoryReadModelStore();
    const commands = createCommandHandler({ domain: library, store: raw, clock });
    const plain = createCommandHandler({ domain: library, store: raw, clock });
    await plain.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    await plain.send(Member, 'bob', { type: 'RequestLoan', data: { loan: 'l-2', book: 'b-2' } });
    let crash = true;
    const sentIds: string[] = [];
    const crashing = processRunner({
      events: raw,
      readModels,
      domain: library,
      commands,
      clock,
      deadlineCheckEvery: 0,
      onSent: (s) => sentIds.push(s.request.commandId),
      failpoint: (step) => {
        if (crash && step.step === 'committed') return;
        if (crash && step.step === 'handled' && step.position === 2) throw new Error('crash before the commit');
      },
    });
    await assert.rejects(crashing.caughtUp(), /crash before the commit/);
    const afterCrash = (await raw.readAll()).map((e) => e.id);
    crash = false;
    const restarted = processRunner({ events: raw, readModels, domain: library, commands, clock, deadlineCheckEvery: 0, onSent: (s) => sentIds.push(s.request.commandId) });
    await restarted.caughtUp();
    const all = await raw.readAll();
    assert.deepEqual(all.map((e) => e.id).slice(0, afterCrash.length), afterCrash);
    assert.equal(all.filter((e) => e.type === 'CopyLent').length, 2, 'each copy lent once');
    assert.equal(all.filter((e) => e.type === 'BookBorrowed').length, 2, 'each borrowing recorded once');
    assert.ok(sentIds.filter((id) => id === sentIds[0]).length === 2, 'the first command was sent again with the same id');
    assert.equal(new Set(all.map((e) => e.id)).size, all.length);
  });
});

describe('a process that fails', () => {
  it('is named as the process, not as the projection it runs on, and stops before the event', async () => {
    const Faulty = definePolicy({
      name: 'Faulty',
      from: [CopyReturned],
      react: {
        CopyReturned: () => {
          throw new Error('no member to thank');
        },
      },
    });
    const domain = defineDomain({ name: 'faulty', aggregates: [Member, Book], processes: [Faulty] });
    const clock = controllableClock('2025-03-01T10:00:00Z');
    const events = inMemoryEventStore({ clock });
    const commands = createCommandHandler({ domain, store: events, clock });
    const processes = processRunner({ events, readModels: inMemoryReadModelStore(), domain, commands, clock, deadlineCheckEvery: 0 });
    await commands.send(Book, 'b-1', { type: 'LendCopy', data: { loan: 'l-1', member: 'alice' } });
    await commands.send(Book, 'b-1', { type: 'ReturnCopy', data: { loan: 'l-1', member: 'alice' } });
    const error = await processes.caughtUp().then(
      () => assert.fail('the failing reaction must stop the process'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ProjectionFailed);
    assert.equal(error.role, 'process');
    assert.match(error.message, /^process Faulty failed on CopyReturned at position 2 \(stream "Book-b-1" version 2\): .*no member to thank.*fix the process or the data and restart it\.$/);
  });
});
