import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler } from '../../src/commandHandling';
import { controllableClock } from '../../src/core/clock';
import { inMemoryEventStore } from '../../src/eventStore';
import { inMemoryReadModelStore } from '../../src/projections';
import type { ReadModelStore } from '../../src/projections';
import { inlineProcesses, processRunner } from '../../src/processes';
import { library, Member } from './lending';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** The lending process over a read-model store that counts the deadline documents `find` hands out. */
function setUp(readModels: ReadModelStore = inMemoryReadModelStore()) {
  const clock = controllableClock('2025-03-01T10:00:00Z');
  const raw = inMemoryEventStore({ clock });
  const read = { deadlineDocs: 0 };
  const counted: ReadModelStore = {
    ...readModels,
    async find(readModel, filter, options) {
      const found = await readModels.find(readModel, filter, options);
      if (readModel === 'LendingDeadlines') read.deadlineDocs += found.length;
      return found;
    },
  };
  const commands = createCommandHandler({ domain: library, store: raw, clock });
  const processes = processRunner({ events: raw, readModels: counted, domain: library, commands, clock, deadlineCheckEvery: 0 });
  const handler = createCommandHandler({ domain: library, store: inlineProcesses(raw, processes), clock });
  return { clock, readModels, processes, handler, read };
}

/** `count` loans a minute apart: each schedules ReturnDue 14 days after it. */
async function lend(s: ReturnType<typeof setUp>, count: number) {
  for (let i = 0; i < count; i++) {
    await s.handler.send(Member, `m-${i}`, { type: 'RequestLoan', data: { loan: `l-${i}`, book: `b-${i}` } });
    s.clock.advance(MINUTE);
  }
}

describe('finding due deadlines', () => {
  it('reads the index from its front: with 600 pending and 3 due, a look reads one page, not all of them', async () => {
    const s = setUp();
    await lend(s, 600);
    s.clock.set(new Date(Date.parse('2025-03-15T10:02:30Z')));
    await s.processes.fireDue(); // the first look of a runner also re-keys entries of earlier versions: a whole read
    s.read.deadlineDocs = 0;
    s.clock.advance(3 * MINUTE); // the loans of minutes 3, 4 and 5 fall due
    assert.equal(await s.processes.fireDue(), 3);
    assert.ok(s.read.deadlineDocs <= 100, `read ${s.read.deadlineDocs} deadline documents for 3 due`);
  });

  it('fires every due deadline in one look when more than a page is due, each once, earliest first', async () => {
    const s = setUp();
    await lend(s, 250);
    s.clock.advance(20 * DAY);
    assert.equal(await s.processes.fireDue(), 250);
    assert.equal(await s.processes.fireDue(), 0, 'the reminders reschedule 7 days after each due time, not yet due');
    const pending = await s.processes.deadlines('Lending');
    assert.equal(pending.length, 250);
    assert.deepEqual(pending.slice(0, 2).map((d) => d.due), ['2025-03-22T10:00:00.000Z', '2025-03-22T10:01:00.000Z']);
  });

  it('re-keys index entries stored under the ids of earlier versions, and fires them', async () => {
    const first = setUp();
    await lend(first, 2);
    // As an earlier version stored it: the id was `instance/deadline`.
    const [entry] = await first.readModels.find('LendingDeadlines');
    const at = await first.readModels.checkpoint('Lending');
    await first.readModels.commit({
      projection: 'Lending',
      expectedCheckpoint: at,
      checkpoint: at,
      changes: [
        { kind: 'delete', readModel: 'LendingDeadlines', id: entry!.id },
        { kind: 'put', readModel: 'LendingDeadlines', id: 'l-0/ReturnDue', doc: entry!.doc },
      ],
    });
    const second = setUp(first.readModels);
    second.clock.set(new Date(Date.parse('2025-03-16T00:00:00Z')));
    assert.equal(await second.processes.fireDue(), 2);
    const ids = (await first.readModels.find('LendingDeadlines')).map((d) => d.id);
    assert.deepEqual(ids, ['2025-03-22T10:00:00.000Z/l-0/ReturnDue', '2025-03-22T10:01:00.000Z/l-1/ReturnDue']);
  });
});
