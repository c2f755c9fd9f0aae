import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandHandler, defineAggregate, defineCommand, defineDomain, defineEvent, inMemoryCommandLog, inMemoryEventStore, z } from '../../src';
import type { CommandLog, CommandResult, EventStore } from '../../src';

// A command whose events are already in the stream is answered from the stream, not run again:
// running it again would decide on a state that already holds its own events.
const Opened = defineEvent('Opened', z.object({}));
const Counted = defineEvent('Counted', z.object({ by: z.number() }));
const Open = defineCommand('Open', z.object({}));
const Count = defineCommand('Count', z.object({ by: z.number() }));
const Counter = defineAggregate({
  name: 'Counter',
  events: [Opened, Counted],
  commands: [Open, Count],
  initialState: { open: false, n: 0 },
  rejections: { AlreadyOpen: 'A counter is opened once.' },
}).behavior({
  evolve: { Opened: (s) => ({ ...s, open: true }), Counted: (s, { by }) => ({ ...s, n: s.n + by }) },
  decide: {
    Open: (_data, s, { reject }) => {
      if (s.open) reject('AlreadyOpen');
      return { type: 'Opened', data: {} };
    },
    Count: ({ by }) => ({ type: 'Counted', data: { by } }),
  },
});
const domain = defineDomain({ name: 'counters', aggregates: [Counter] });

const open = { aggregate: 'Counter', id: 'c-1', command: { type: 'Open', data: {} }, commandId: 'open-1' };

/** An in-memory command log that also keeps every record call, to see what the handler logs. */
function recordingLog(): CommandLog & { records: CommandResult[] } {
  const inner = inMemoryCommandLog();
  const records: CommandResult[] = [];
  return {
    records,
    get: (commandId) => inner.get(commandId),
    async record(result) {
      records.push(result);
      await inner.record(result);
    },
  };
}

const eventIds = (result: CommandResult) => (result.status === 'accepted' ? result.events.map((e) => e.id) : result);

describe('a command whose events are already stored', () => {
  it('is answered from the stream after its answer was lost, logged as the original answer, and answered from the log after that', async () => {
    const store = inMemoryEventStore();
    await createCommandHandler({ domain, store }).handle(open);
    // A restarted process: the answer to open-1 was lost with the old process's log.
    const log = recordingLog();
    const restarted = createCommandHandler({ domain, store, commandLog: log });

    const again = await restarted.handle(open);
    assert.equal(again.status, 'accepted', 'running Open again would be rejected: the answer must come from the stream');
    assert.equal(again.replayed, true);
    assert.equal(again.status === 'accepted' && again.version, 1);
    assert.deepEqual(eventIds(again), ['open-1:1']);
    assert.deepEqual(
      log.records.map((r) => [r.commandId, r.status, r.replayed, eventIds(r)]),
      [['open-1', 'accepted', false, ['open-1:1']]],
      'logged once, as the answer it was when first given',
    );

    const third = await restarted.handle(open);
    assert.deepEqual([third.status, third.replayed, eventIds(third)], ['accepted', true, ['open-1:1']]);
    assert.equal(await store.streamVersion('Counter-c-1'), 1);
  });

  it('is answered from the stream when its append conflicts because another process stored the same command meanwhile', async () => {
    const inner = inMemoryEventStore();
    await createCommandHandler({ domain, store: inner }).handle(open);
    const count = { aggregate: 'Counter', id: 'c-1', command: { type: 'Count', data: { by: 5 } }, commandId: 'count-1' };
    const elsewhere = createCommandHandler({ domain, store: inner });
    // Right before this handler's first append, another process records an unrelated command and
    // then this very command, so the batch sits in the stream, but not where this handler expects it.
    let raced = false;
    const store: EventStore = {
      ...inner,
      async append(streamId, events, options) {
        if (!raced) {
          raced = true;
          await elsewhere.handle({ aggregate: 'Counter', id: 'c-1', command: { type: 'Count', data: { by: 1 } } });
          await elsewhere.handle(count);
        }
        return inner.append(streamId, events, options);
      },
    };
    const log = recordingLog();
    const handler = createCommandHandler({ domain, store, commandLog: log, retries: 1 });

    const result = await handler.handle(count);
    assert.equal(raced, true);
    assert.equal(result.status, 'accepted');
    assert.equal(result.status === 'accepted' && result.version, 3);
    assert.deepEqual(eventIds(result), ['count-1:1']);
    assert.deepEqual((await inner.readStream('Counter-c-1')).map((e) => e.id).slice(2), ['count-1:1'], 'stored once');
    assert.deepEqual(
      log.records.map((r) => [r.commandId, r.status, r.replayed, eventIds(r)]),
      [['count-1', 'accepted', false, ['count-1:1']]],
    );
    const again = await handler.handle(count);
    assert.deepEqual([again.status, again.replayed, eventIds(again)], ['accepted', true, ['count-1:1']]);
  });
});
