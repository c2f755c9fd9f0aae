import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createCommandHandler } from '../../src/commandHandling';
import { controllableClock } from '../../src/core/clock';
import type { RecordedEvent } from '../../src/core/envelope';
import { inMemoryEventStore } from '../../src/eventStore';
import { inMemoryReadModelStore } from '../../src/projections';
import type { ProjectedEvent } from '../../src/projections';
import { handlerAccess, unitOfWork } from '../../src/projections/unitOfWork';
import { inlineProcesses, isProcess, processRunner } from '../../src/processes';
import type { AnyProcess, SentCommand } from '../../src/processes';
import { processProjection } from '../../src/processes/processProjection';
import { Book, library, Member } from './lending';

const processes = library.processes.filter(isProcess);

/** One run of the lending domain: loans granted, one refused and compensated, a copy returned. */
async function originalRun() {
  const clock = controllableClock('2025-03-01T10:00:00Z');
  const raw = inMemoryEventStore({ clock });
  const sent: SentCommand[] = [];
  const commands = createCommandHandler({ domain: library, store: raw, clock });
  const runner = processRunner({ events: raw, readModels: inMemoryReadModelStore(), domain: library, commands, clock, deadlineCheckEvery: 0, onSent: (s) => sent.push(s) });
  const handler = createCommandHandler({ domain: library, store: inlineProcesses(raw, runner), clock });
  await handler.send(Member, 'alice', { type: 'RequestLoan', data: { loan: 'l-1', book: 'b-1' } });
  await handler.send(Member, 'bob', { type: 'RequestLoan', data: { loan: 'l-2', book: 'b-1' } });
  await handler.send(Member, 'carol', { type: 'RequestLoan', data: { loan: 'l-3', book: 'b-2' } });
  await handler.send(Book, 'b-1', { type: 'ReturnCopy', data: { loan: 'l-1', member: 'alice' } });
  await handler.send(Member, 'dave', { type: 'RequestLoan', data: { loan: 'l-4', book: 'b-1' } });
  return { raw, commands, sent, events: await raw.readAll() };
}

const projectedOf = (event: RecordedEvent): ProjectedEvent => ({ ...event, aggregateId: event.streamId.slice(event.streamId.indexOf('-') + 1) });
const instanceOf = (process: AnyProcess, event: RecordedEvent) => process.correlate[event.type]!(projectedOf(event));
const describeSent = (s: SentCommand) => `${s.request.commandId} ${s.request.aggregate} ${s.request.id} ${s.request.command.type} ${JSON.stringify(s.request.command.data)}`;

describe('a process given every event twice, in shuffled order', () => {
  it('sends the same commands as the first run, and records nothing more', async () => {
    const original = await originalRun();
    const expected = [...new Set(original.sent.map(describeSent))].sort();
    // Per instance the events keep their order (a process may rely on it); instances interleave freely.
    const queues = processes.flatMap((process) => {
      const byInstance = new Map<string, RecordedEvent[]>();
      for (const event of original.events) {
        if (!process.eventsByName.has(event.type)) continue;
        const key = instanceOf(process, event);
        byInstance.set(key, [...(byInstance.get(key) ?? []), event, event]);
      }
      return [...byInstance.values()].map((events) => ({ process, events }));
    });
    const total = queues.reduce((n, q) => n + q.events.length, 0);

    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: queues.length - 1 }), { minLength: total, maxLength: total }), async (picks) => {
        const readModels = inMemoryReadModelStore();
        const sent: SentCommand[] = [];
        const effects = { send: (request: Parameters<typeof original.commands.handle>[0]) => original.commands.handle(request), onSent: (s: SentCommand) => sent.push(s) };
        const projections = new Map(processes.map((p) => [p.name, processProjection(p, effects)]));
        const cursors = queues.map(() => 0);
        for (const pick of picks) {
          // The picked queue, or the next one that still has events.
          let q = pick;
          while (cursors[q]! >= queues[q]!.events.length) q = (q + 1) % queues.length;
          const { process, events } = queues[q]!;
          const event = events[cursors[q]!++]!;
          const projection = projections.get(process.name)!;
          const work = unitOfWork(readModels);
          const access = handlerAccess(projection, work);
          await (projection.handlers as Record<string, (e: ProjectedEvent, m: unknown) => Promise<void>>)[event.type]!(projectedOf(event), access.models);
          await access.settle();
          await readModels.commit({ projection: process.name, expectedCheckpoint: 0, checkpoint: 0, changes: work.changes() });
        }
        assert.deepEqual([...new Set(sent.map(describeSent))].sort(), expected);
        assert.ok(sent.every((s) => s.result.replayed), 'every command was answered as already handled');
        assert.deepEqual((await original.raw.readAll()).map((e) => e.id), original.events.map((e) => e.id));
      }),
      { numRuns: 25, seed: 17 },
    );
  });
});
