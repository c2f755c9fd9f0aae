import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import type { EventStore, RecordedEvent } from '../../src';
import { AppendOutcomeUnknownError, EventspecError, IdempotencyError, WrongExpectedVersionError, controllableClock, createCommandHandler } from '../../src';
import type { Clock } from '../../src';
import { domain } from '../../src/domains';
import { Account } from '../../src/domains/banking';
import { newEvent, newEvents } from '../support/events';
import { catchUpSubscription } from '../../src/eventStore';
import { appliesThenThrows, flakyReadAll } from '../support/faultyStores';
import { KEPT_VALUES, REFUSED_VALUES } from '../support/valueCases';
import { skipMongo } from '../support/requireMongo';

export interface StoreFactory {
  /** A store that sees no other test's events (a fresh database, prefix or instance). */
  create(options: { clock: Clock }): Promise<EventStore>;
  /** Why the suite cannot run here, or undefined when it can. */
  unavailable?: () => Promise<string | undefined>;
}

let streamCounter = 0;
const freshStream = (prefix = 'Test') => `${prefix}-${process.pid}-${++streamCounter}`;

/** The meaning of `EventStore`: every store runs exactly this suite. */
export function eventStoreContract(name: string, factory: StoreFactory): void {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    let skipReason: string | undefined;
    const clock = controllableClock('2025-03-01T10:00:00.000Z');

    before(async () => {
      skipReason = await factory.unavailable?.();
      if (skipReason) {
        console.log(`\n*** SKIPPED event store contract on ${name}: ${skipReason} ***\n`);
        return;
      }
      store = await factory.create({ clock });
    });
    after(async () => store?.close());

    const test = (title: string, body: () => Promise<void>) =>
      it(title, async (t) => {
        if (skipReason) return skipMongo(t, skipReason);
        await body();
      });

    describe('appending and reading a stream', () => {
      test('numbers versions from 1 and positions upward, and stamps recordedAt', async () => {
        const stream = freshStream();
        const result = await store.append(stream, newEvents(3));
        assert.deepEqual(result.events.map((e) => e.version), [1, 2, 3]);
        assert.equal(result.nextExpectedVersion, 3);
        assert.equal(result.alreadyStored, false);
        const positions = result.events.map((e) => e.position);
        assert.ok(positions[0]! > 0 && positions[0]! < positions[1]! && positions[1]! < positions[2]!, `positions ${positions}`);
        assert.equal(result.events[0]!.metadata.recordedAt, '2025-03-01T10:00:00.000Z');
        assert.equal(result.events[0]!.streamId, stream);
        const read = await store.readStream(stream);
        assert.deepEqual(read, result.events);
      });

      test('keeps type, schema version, data and metadata exactly', async () => {
        const stream = freshStream();
        const event = {
          ...newEvent('Shaped', { text: 'héllo', n: 1.5, nested: { list: [1, 'two', null], flag: true } }),
          schemaVersion: 3,
          metadata: { occurredAt: '2025-01-02T03:04:05.000Z', correlationId: 'c-1', causationId: 'k-1', user: 'alice' },
        };
        await store.append(stream, [event]);
        const [stored] = await store.readStream(stream);
        assert.equal(stored!.id, event.id);
        assert.equal(stored!.type, 'Shaped');
        assert.equal(stored!.schemaVersion, 3);
        assert.deepEqual(stored!.data, event.data);
        assert.deepEqual({ ...stored!.metadata, recordedAt: undefined }, { ...event.metadata, recordedAt: undefined });
      });

      test('an unknown stream reads as empty at version 0', async () => {
        const stream = freshStream();
        assert.deepEqual(await store.readStream(stream), []);
        assert.equal(await store.streamVersion(stream), 0);
      });

      test('reads forward and backward with ranges', async () => {
        const stream = freshStream();
        await store.append(stream, newEvents(10));
        const versions = (events: RecordedEvent[]) => events.map((e) => e.version);
        assert.deepEqual(versions(await store.readStream(stream, { fromVersion: 4, maxCount: 3 })), [4, 5, 6]);
        assert.deepEqual(versions(await store.readStream(stream, { fromVersion: 9 })), [9, 10]);
        assert.deepEqual(versions(await store.readStream(stream, { fromVersion: 11 })), []);
        assert.deepEqual(versions(await store.readStream(stream, { direction: 'backward' })), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
        assert.deepEqual(versions(await store.readStream(stream, { direction: 'backward', fromVersion: 5, maxCount: 2 })), [5, 4]);
        assert.deepEqual(versions(await store.readStream(stream, { direction: 'backward', maxCount: 1 })), [10]);
        assert.deepEqual(versions(await store.readStream(stream, { direction: 'backward', fromVersion: 0 })), []);
        assert.equal(await store.streamVersion(stream), 10);
      });

      test('appending an empty batch checks the version and writes nothing', async () => {
        const stream = freshStream();
        await store.append(stream, newEvents(2));
        const result = await store.append(stream, [], { expectedVersion: 2 });
        assert.equal(result.nextExpectedVersion, 2);
        await assert.rejects(store.append(stream, [], { expectedVersion: 1 }), WrongExpectedVersionError);
        assert.equal(await store.streamVersion(stream), 2);
      });
    });

    describe('expected version', () => {
      const cases: { title: string; setup: number; expected: Parameters<EventStore['append']>[2]; ok: boolean }[] = [
        { title: 'exact version matching the stream', setup: 2, expected: { expectedVersion: 2 }, ok: true },
        { title: 'exact version behind the stream', setup: 2, expected: { expectedVersion: 1 }, ok: false },
        { title: 'exact version ahead of the stream', setup: 2, expected: { expectedVersion: 3 }, ok: false },
        { title: 'exact version 0 on a new stream', setup: 0, expected: { expectedVersion: 0 }, ok: true },
        { title: 'no_stream on a new stream', setup: 0, expected: { expectedVersion: 'no_stream' }, ok: true },
        { title: 'no_stream on an existing stream', setup: 1, expected: { expectedVersion: 'no_stream' }, ok: false },
        { title: 'stream_exists on an existing stream', setup: 1, expected: { expectedVersion: 'stream_exists' }, ok: true },
        { title: 'stream_exists on a new stream', setup: 0, expected: { expectedVersion: 'stream_exists' }, ok: false },
        { title: 'any on a new stream', setup: 0, expected: { expectedVersion: 'any' }, ok: true },
        { title: 'any on an existing stream', setup: 3, expected: { expectedVersion: 'any' }, ok: true },
        { title: 'no option at all (any)', setup: 3, expected: undefined, ok: true },
      ];
      for (const c of cases) {
        test(`${c.title} ${c.ok ? 'appends' : 'is refused and writes nothing'}`, async () => {
          const stream = freshStream();
          if (c.setup > 0) await store.append(stream, newEvents(c.setup));
          const attempt = store.append(stream, [newEvent()], c.expected);
          if (c.ok) {
            const result = await attempt;
            assert.equal(result.nextExpectedVersion, c.setup + 1);
            assert.equal(await store.streamVersion(stream), c.setup + 1);
          } else {
            await assert.rejects(attempt, (error: unknown) => {
              assert.ok(error instanceof WrongExpectedVersionError, String(error));
              assert.equal(error.streamId, stream);
              assert.equal(error.actual, c.setup);
              return true;
            });
            assert.equal(await store.streamVersion(stream), c.setup);
          }
        });
      }

      test('two concurrent appends with the same expected version: exactly one wins', async () => {
        const stream = freshStream();
        await store.append(stream, newEvents(1));
        const attempts = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.append(stream, newEvents(2), { expectedVersion: 1 })),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        assert.equal(won.length, 1);
        for (const loss of lost) assert.ok(loss.reason instanceof WrongExpectedVersionError, String(loss.reason));
        assert.equal(await store.streamVersion(stream), 3);
      });

      test('rejects a malformed expected version', async () => {
        const stream = freshStream();
        await assert.rejects(store.append(stream, [newEvent()], { expectedVersion: -1 }), new RegExp(`stream "${stream}": expected version -1 is not a version; pass a whole number ≥ 0`));
        await assert.rejects(store.append(stream, [newEvent()], { expectedVersion: 'maybe' as 'any' }), /expected version/);
        assert.equal(await store.streamVersion(stream), 0);
      });
    });

    describe('idempotent appends by event id', () => {
      test('re-appending a stored batch at its expected version succeeds without duplicates', async () => {
        const stream = freshStream();
        await store.append(stream, newEvents(1));
        const batch = newEvents(2);
        const first = await store.append(stream, batch, { expectedVersion: 1 });
        const again = await store.append(stream, batch, { expectedVersion: 1 });
        assert.equal(again.alreadyStored, true);
        assert.deepEqual(again.events.map((e) => e.id), batch.map((e) => e.id));
        assert.deepEqual(again.events.map((e) => e.position), first.events.map((e) => e.position));
        assert.equal(await store.streamVersion(stream), 3);
        const all = await store.readAll();
        assert.equal(all.filter((e) => e.streamId === stream).length, 3);
      });

      test('re-appending with any, no_stream or stream_exists is also a retry', async () => {
        const stream = freshStream();
        const batch = newEvents(2);
        await store.append(stream, batch, { expectedVersion: 'no_stream' });
        assert.equal((await store.append(stream, batch, { expectedVersion: 'no_stream' })).alreadyStored, true);
        assert.equal((await store.append(stream, batch, { expectedVersion: 'any' })).alreadyStored, true);
        assert.equal((await store.append(stream, batch, { expectedVersion: 'stream_exists' })).alreadyStored, true);
        assert.equal(await store.streamVersion(stream), 2);
      });

      test('a stored batch re-sent with a different exact expected version is a wrong version', async () => {
        const stream = freshStream();
        await store.append(stream, newEvents(1));
        const batch = newEvents(1);
        await store.append(stream, batch, { expectedVersion: 1 });
        await assert.rejects(store.append(stream, batch, { expectedVersion: 0 }), WrongExpectedVersionError);
        assert.equal(await store.streamVersion(stream), 2);
      });

      test('a partial overlap is an error and writes nothing', async () => {
        const stream = freshStream();
        const batch = newEvents(2);
        await store.append(stream, batch);
        await assert.rejects(store.append(stream, [batch[1]!, newEvent()], { expectedVersion: 'any' }), IdempotencyError);
        await assert.rejects(store.append(stream, [...batch, newEvent()], { expectedVersion: 0 }), IdempotencyError);
        await assert.rejects(store.append(stream, [batch[1]!, batch[0]!], { expectedVersion: 'any' }), IdempotencyError);
        assert.equal(await store.streamVersion(stream), 2);
      });

      test('eventVersion finds where an id is stored, in that stream only', async () => {
        const stream = freshStream();
        const batch = newEvents(3);
        await store.append(stream, batch);
        assert.equal(await store.eventVersion(stream, batch[1]!.id), 2);
        assert.equal(await store.eventVersion(stream, 'never-stored'), undefined);
        assert.equal(await store.eventVersion(freshStream(), batch[1]!.id), undefined);
      });

      test('the same id twice in one batch is refused', async () => {
        const stream = freshStream();
        const event = newEvent();
        await assert.rejects(store.append(stream, [event, event]), /appears twice/);
        assert.equal(await store.streamVersion(stream), 0);
      });
    });

    describe('a command retried after an append of unknown outcome', () => {
      test('applied, then failed: the handler’s retry stores exactly one set of events', async () => {
        const id = freshStream('acct');
        await createCommandHandler({ domain, store }).send(Account, id, { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
        const faulty = appliesThenThrows(store, 1);
        const result = await createCommandHandler({ domain, store: faulty }).send(Account, id, { type: 'Deposit', data: { amount: 5 } });
        assert.equal(faulty.faulted(), 1);
        assert.equal(result.status === 'accepted' && result.version, 2);
        assert.deepEqual((await store.readStream(`Account-${id}`)).map((e) => e.type), ['AccountOpened', 'MoneyDeposited']);
      });

      test('failed twice: the caller’s retry with the same command id, from a new handler, is answered and stores nothing', async () => {
        const id = freshStream('acct');
        await createCommandHandler({ domain, store }).send(Account, id, { type: 'OpenAccount', data: { owner: 'alice', overdraftLimit: 0 } });
        const commandId = `${id}-deposit`;
        const faulty = appliesThenThrows(store, 2);
        await assert.rejects(
          createCommandHandler({ domain, store: faulty }).send(Account, id, { type: 'Deposit', data: { amount: 5 } }, { commandId }),
          AppendOutcomeUnknownError,
        );
        const again = await createCommandHandler({ domain, store }).send(Account, id, { type: 'Deposit', data: { amount: 5 } }, { commandId });
        assert.equal(again.replayed, true);
        assert.deepEqual(again.status === 'accepted' && again.events.map((e) => e.id), [`${commandId}:1`]);
        assert.equal(await store.streamVersion(`Account-${id}`), 2);
      });
    });

    describe('the global log', () => {
      test('readAll gives every event once, in an order consistent with each stream', async () => {
        const start = await store.headPosition();
        const streams = [freshStream(), freshStream(), freshStream()];
        await Promise.all(streams.flatMap((s) => [1, 2, 3].map(() => store.append(s, newEvents(2)))));
        const all = await store.readAll({ after: start });
        assert.equal(all.length, 18);
        assert.equal(new Set(all.map((e) => e.id)).size, 18);
        const positions = all.map((e) => e.position);
        assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
        for (const s of streams) {
          assert.deepEqual(all.filter((e) => e.streamId === s).map((e) => e.version), [1, 2, 3, 4, 5, 6]);
        }
        assert.equal(await store.headPosition(), positions[positions.length - 1]);
      });

      test('readAll pages with after and maxCount', async () => {
        const start = await store.headPosition();
        const stream = freshStream();
        await store.append(stream, newEvents(5));
        const page1 = await store.readAll({ after: start, maxCount: 2 });
        const page2 = await store.readAll({ after: page1[1]!.position, maxCount: 2 });
        const page3 = await store.readAll({ after: page2[1]!.position, maxCount: 2 });
        assert.deepEqual([...page1, ...page2, ...page3].map((e) => e.version), [1, 2, 3, 4, 5]);
      });
    });

    describe('catch-up subscriptions', () => {
      test('deliver history, then live events, in order, and stop cleanly', async () => {
        const start = await store.headPosition();
        const stream = freshStream();
        await store.append(stream, newEvents(3));
        const seen: number[] = [];
        const subscription = store.subscribe({
          after: start,
          handler: (event) => {
            if (event.streamId === stream) seen.push(event.version);
          },
        });
        await subscription.caughtUp();
        assert.deepEqual(seen, [1, 2, 3]);
        await store.append(stream, newEvents(2));
        await subscription.caughtUp();
        assert.deepEqual(seen, [1, 2, 3, 4, 5]);
        await subscription.stop();
        await subscription.done;
        await store.append(stream, newEvents(1));
        // No waiting for a delivery that should not come: a second subscription is caught up with the
        // new event, so it was there to deliver, and the stopped one's loop had already ended.
        const witness: number[] = [];
        const second = store.subscribe({ after: start, handler: (event) => void (event.streamId === stream && witness.push(event.version)) });
        await second.caughtUp();
        await second.stop();
        assert.deepEqual(witness, [1, 2, 3, 4, 5, 6]);
        assert.deepEqual(seen, [1, 2, 3, 4, 5]);
      });

      test('start after a position and report the position handled', async () => {
        const stream = freshStream();
        const first = await store.append(stream, newEvents(3));
        const seen: number[] = [];
        const subscription = store.subscribe({
          after: first.events[1]!.position,
          handler: (event) => void (event.streamId === stream && seen.push(event.version)),
        });
        await subscription.caughtUp();
        assert.deepEqual(seen, [3]);
        assert.ok(subscription.position >= first.events[2]!.position);
        await subscription.stop();
      });

      test('deliver an event appended while the handler runs, without waiting for another append', async () => {
        const start = await store.headPosition();
        const stream = freshStream();
        let secondSeen!: () => void;
        const second = new Promise<string>((resolve) => (secondSeen = () => resolve('delivered')));
        const subscription = store.subscribe({
          after: start,
          handler: async (event) => {
            if (event.streamId !== stream) return;
            if (event.version === 1) await store.append(stream, newEvents(1));
            else secondSeen();
          },
        });
        await store.append(stream, newEvents(1));
        let timer: NodeJS.Timeout | undefined;
        const lost = new Promise<string>((resolve) => (timer = setTimeout(resolve, 30_000, 'never delivered')));
        assert.equal(await Promise.race([second, lost]), 'delivered');
        clearTimeout(timer);
        await subscription.stop();
      });

      // The store's reads with faults injected, driven by the subscription loop every store uses.
      const flakySubscription = (failures: number, handler: (event: RecordedEvent) => void, after: number) => {
        const flaky = flakyReadAll((o) => store.readAll(o), failures);
        const retried: number[] = [];
        const subscription = catchUpSubscription(
          { readAll: flaky.readAll, headPosition: () => store.headPosition(), waitForAppend: () => new Promise((resolve) => setTimeout(resolve, 1)) },
          { after, handler, batchSize: 2, retryBackoff: { firstMs: 1, maxMs: 2 }, onRetry: (_error, n) => retried.push(n) },
        );
        return { subscription, flaky, retried };
      };

      test('ride out transient read failures (a failover) and deliver every event once, in order', async () => {
        const start = await store.headPosition();
        const stream = freshStream();
        await store.append(stream, newEvents(5));
        const seen: number[] = [];
        const { subscription, flaky, retried } = flakySubscription(3, (event) => void (event.streamId === stream && seen.push(event.version)), start);
        await subscription.caughtUp();
        await store.append(stream, newEvents(2));
        await subscription.caughtUp();
        assert.equal(flaky.failures(), 3, 'three reads failed');
        assert.deepEqual(retried, [1, 2, 3], 'each failure was retried, with the count of failures in a row');
        assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7]);
        await subscription.stop();
        await subscription.done;
      });

      test('stop on damage: an eventspec error from a read ends the subscription with it', async () => {
        const damaged = catchUpSubscription(
          {
            readAll: async () => {
              throw new EventspecError('stored chunk 3 of stream "Order-1" is damaged (injected)');
            },
            headPosition: () => store.headPosition(),
            waitForAppend: () => Promise.resolve(),
          },
          { handler: () => undefined, retryBackoff: { firstMs: 1 } },
        );
        await assert.rejects(damaged.done, /is damaged \(injected\)/);
      });

      test('a failing handler ends the subscription with its error, at the failing event', async () => {
        const start = await store.headPosition();
        const stream = freshStream();
        await store.append(stream, newEvents(3));
        let handled = 0;
        const subscription = store.subscribe({
          after: start,
          handler: (event) => {
            if (event.version === 2 && event.streamId === stream) throw new Error('boom at 2');
            handled += 1;
          },
        });
        await assert.rejects(subscription.done, /boom at 2/);
        await assert.rejects(subscription.caughtUp(), /boom at 2/);
        assert.equal(handled, 1);
        assert.ok(subscription.position < (await store.readStream(stream))[1]!.position);
      });
    });

    describe('what is stored is safe', () => {
      test('changing the caller’s objects after appending does not change the stored events', async () => {
        const stream = freshStream();
        const event = newEvent('Kept', { value: 1, list: [1] });
        const result = await store.append(stream, [event]);
        (event.data as { value: number }).value = 2;
        (event.data as { list: number[] }).list.push(2);
        try {
          (result.events[0]!.data as { value: number }).value = 3;
        } catch {
          // frozen copies may refuse the change outright; either way the store must not see it
        }
        const [stored] = await store.readStream(stream);
        assert.deepEqual(stored!.data, { value: 1, list: [1] });
      });

      for (const hostile of ['$where', '{"$gt": ""}', 'a.b.c', 'Order-$ne', '__proto__', 'naïve 名前 🚀', "x'; drop"]) {
        test(`stream id ${JSON.stringify(hostile)} is stored as data`, async () => {
          const stream = `${hostile}-${++streamCounter}`;
          await store.append(stream, [newEvent('Odd', { '$set': { a: 1 }, 'dotted.key': true })]);
          const [stored] = await store.readStream(stream);
          assert.equal(stored!.streamId, stream);
          assert.deepEqual(stored!.data, { '$set': { a: 1 }, 'dotted.key': true });
          assert.equal(await store.streamVersion(stream), 1);
          assert.equal(await store.streamVersion(hostile), 0);
        });
      }

      // One behaviour for every store: what one would change, all refuse, naming stream, event and path.
      for (const refused of REFUSED_VALUES) {
        test(`refuses ${refused.title} in data, naming stream, event and path, and writes nothing`, async () => {
          const stream = freshStream();
          await assert.rejects(store.append(stream, [newEvent('Fine'), newEvent('Odd', refused.data())]), (error: unknown) => {
            assert.match(String(error), /stream "[^"]+", event 2 of the batch \(Odd\): /);
            assert.match(String(error), refused.message);
            assert.match(String(error), /Nothing was written/);
            return true;
          });
          assert.equal(await store.streamVersion(stream), 0);
        });
      }

      test('refuses the same in metadata', async () => {
        const stream = freshStream();
        await assert.rejects(
          store.append(stream, [{ ...newEvent(), metadata: { occurredAt: '2025-03-01T10:00:00.000Z', seen: new Set([1]) } }]),
          /event 1 of the batch \(Happened\): metadata\.seen is a Set/,
        );
        assert.equal(await store.streamVersion(stream), 0);
      });

      for (const kept of KEPT_VALUES) {
        test(`keeps ${kept.title}, giving back the same from append, readStream and readAll`, async () => {
          const stream = freshStream();
          const result = await store.append(stream, [newEvent('Kept', kept.data())]);
          assert.deepStrictEqual(result.events[0]!.data, kept.back);
          assert.deepStrictEqual((await store.readStream(stream))[0]!.data, kept.back);
          const all = await store.readAll({ after: result.events[0]!.position - 1, maxCount: 1 });
          assert.deepStrictEqual(all[0]!.data, kept.back);
        });
      }

      test('stream and event ids must be well-formed strings: a lone surrogate is refused', async () => {
        await assert.rejects(store.append('Order-\uD800', [newEvent()]), /stream id "Order-\\ud800" has a lone surrogate/);
        await assert.rejects(store.readStream('Order-\uD800'), /has a lone surrogate/);
        const stream = freshStream();
        await assert.rejects(store.append(stream, [newEvent('T', {}, 'evt-\uDC01')]), /event 1 of the batch: the event id "evt-\\udc01" has a lone surrogate/);
        assert.equal(await store.streamVersion(stream), 0);
      });

      test('malformed events are refused with where they are, and nothing is written', async () => {
        const stream = freshStream();
        await assert.rejects(store.append('', [newEvent()]), /stream id must be a non-empty string/);
        await assert.rejects(store.append(stream, [newEvent(), { ...newEvent(), id: '' }]), /event 2 of the batch: the event id/);
        await assert.rejects(store.append(stream, [{ ...newEvent(), schemaVersion: 0 }]), /schemaVersion/);
        assert.equal(await store.streamVersion(stream), 0);
      });
    });

    // Issue 13: every store refuses the same bad options and sizes with the same words (test/badInput has the full table).
    describe('bad read options and oversized events', () => {
      test('refuses invalid read options, naming the option and the stream, instead of clamping them', async () => {
        const stream = freshStream();
        await store.append(stream, newEvents(3));
        await assert.rejects(store.readStream(stream, { maxCount: -1 }), { message: `reading stream "${stream}": maxCount must be a whole number ≥ 0 (the most events to read), got -1; leave it out for no limit` });
        await assert.rejects(store.readStream(stream, { fromVersion: 1.5 }), { message: `reading stream "${stream}": fromVersion must be a whole number ≥ 0 (versions count from 1), got 1.5` });
        await assert.rejects(store.readAll({ after: Number.NaN, maxCount: 1.5 }), { message: 'reading all events: after must be a whole number ≥ 0 (a global position; 0 reads from the start), got NaN' });
        await assert.rejects(store.readAll({ maxCount: 1.5 }), { message: 'reading all events: maxCount must be a whole number ≥ 0 (the most events to read), got 1.5; leave it out for no limit' });
        assert.deepEqual(await store.readStream(stream, { maxCount: 0 }), []);
        assert.equal((await store.readStream(stream)).length, 3);
      });

      test('refuses an event over 15 MiB as stored, naming its largest field, and writes nothing', async () => {
        const stream = freshStream();
        await assert.rejects(store.append(stream, [newEvent('Huge', { note: 'x', blob: 'x'.repeat(16 * 1024 * 1024) })]), (error: unknown) => {
          assert.match(String(error), /stream "[^"]+", event 1 of the batch \(Huge\) takes \d+ bytes as stored, most of it in data\.blob \(\d+ bytes\), over the 15728640 bytes/);
          return true;
        });
        assert.equal(await store.streamVersion(stream), 0);
      });
    });
  });
}
