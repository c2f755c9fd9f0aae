import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { createCommandHandler } from '../../src/commandHandling';
import { controllableClock } from '../../src/core/clock';
import { mongoEventStore, mongoReadModelStore } from '../../src/mongo';
import { inlineProcesses, processRunner } from '../../src/processes';
import type { SentCommand } from '../../src/processes';
import { serverSuite } from '../support/mongo';
import { library, Member } from './lending';

/** Processes on MongoDB: instances, deadlines and checkpoints are documents there. */
describe('processes on MongoDB', () => {
  const s = serverSuite('MongoDB process tests', 'processes');
  const { database, test } = s;

  function open(prefix: string, clock = controllableClock('2025-03-01T10:00:00Z')) {
    const events = s.track(mongoEventStore({ uri: s.uri, database, collectionPrefix: prefix, clock }));
    const readModels = s.track(mongoReadModelStore({ uri: s.uri, database, collectionPrefix: prefix }));
    const sent: SentCommand[] = [];
    const commands = createCommandHandler({ domain: library, store: events, clock });
    const runner = processRunner({ events, readModels, domain: library, commands, clock, deadlineCheckEvery: 0, onSent: (c) => sent.push(c) });
    const handler = createCommandHandler({ domain: library, store: inlineProcesses(events, runner), clock });
    return { clock, events, runner, handler, sent };
  }

  test('a loan lends the copy and records the borrowing, with the instance stored', async () => {
    const { handler, events, runner } = open(s.prefix('p'));
    await handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    assert.deepEqual((await events.readAll()).map((e) => e.type), ['LoanRequested', 'CopyLent', 'BookBorrowed']);
    assert.deepEqual((await runner.instance('Lending', 'l-1'))?.state, { stage: 'lent', member: 'alice', book: 'b-1' });
  });

  test('a deadline scheduled before a restart fires after it, once', async () => {
    const prefix = s.prefix('p');
    const first = open(prefix);
    await first.handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
    await first.runner.stop();
    const clock = controllableClock('2025-03-16T10:00:00Z');
    const second = open(prefix, clock);
    assert.equal(await second.runner.fireDue(), 1);
    assert.equal(await second.runner.fireDue(), 0);
    await second.runner.caughtUp();
    assert.deepEqual(second.sent.map((c) => `${c.request.aggregate} ${c.request.command.type}`), ['Member RemindMember']);
    assert.equal((await second.events.readAll()).filter((e) => e.type === 'ReminderSent').length, 1);
  });
});
