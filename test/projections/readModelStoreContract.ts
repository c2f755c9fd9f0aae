import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineEvent, inMemoryEventStore, z } from '../../src';
import type { ReadModelChange, ReadModelStore } from '../../src/projections';
import { CheckpointConflict, defineProjection, projectionRunner } from '../../src/projections';
import { InjectedFault, flakyReadAll } from '../support/faultyStores';
import { skipMongo } from '../support/requireMongo';

export interface ReadModelStoreFactory {
  /** A store that sees no other test's documents (a fresh database, prefix or instance). */
  create(): Promise<ReadModelStore>;
  /** Why the suite cannot run here, or undefined when it can. */
  unavailable?: () => Promise<string | undefined>;
}

let counter = 0;
/** Names unique per test, so a shared database needs no cleanup between tests. */
const fresh = (prefix: string) => `${prefix}_${process.pid}_${++counter}`;
const put = (readModel: string, id: string, doc: unknown): ReadModelChange => ({ kind: 'put', readModel, id, doc });
const del = (readModel: string, id: string): ReadModelChange => ({ kind: 'delete', readModel, id });

/** The meaning of `ReadModelStore`: every implementation runs exactly this suite. */
export function readModelStoreContract(name: string, factory: ReadModelStoreFactory): void {
  describe(`read-model store contract: ${name}`, () => {
    let store: ReadModelStore;
    let skipReason: string | undefined;

    before(async () => {
      skipReason = await factory.unavailable?.();
      if (skipReason) {
        console.log(`\n*** SKIPPED read-model store contract on ${name}: ${skipReason} ***\n`);
        return;
      }
      store = await factory.create();
    });
    after(async () => store?.close());

    const test = (title: string, body: () => Promise<void>) =>
      it(title, async (t) => {
        if (skipReason) return skipMongo(t, skipReason);
        await body();
      });

    test('an unknown document reads as undefined and an unknown projection is at checkpoint 0', async () => {
      assert.equal(await store.get(fresh('Model'), 'nobody'), undefined);
      assert.deepEqual(await store.find(fresh('Model')), []);
      assert.equal(await store.checkpoint(fresh('Projection')), 0);
    });

    test('a commit writes documents and moves the checkpoint', async () => {
      const [p, m] = [fresh('P'), fresh('M')];
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 7, changes: [put(m, 'a', { n: 1, nested: { list: [1, 'x', null] } })] });
      assert.deepEqual(await store.get(m, 'a'), { n: 1, nested: { list: [1, 'x', null] } });
      assert.equal(await store.checkpoint(p), 7);
      await store.commit({ projection: p, expectedCheckpoint: 7, checkpoint: 9, changes: [put(m, 'a', { n: 2 }), put(m, 'b', { n: 3 })] });
      assert.deepEqual(await store.get(m, 'a'), { n: 2 }, 'a put replaces the whole document');
      assert.equal(await store.checkpoint(p), 9);
    });

    test('the projection runner rides out transient failures of the event store and of this store', async () => {
      const Counted = defineEvent('Counted', z.object({ n: z.number() }));
      const counts = defineProjection({
        name: fresh('Counts'),
        readModels: { [fresh('count')]: z.object({ total: z.number() }) },
        from: [Counted],
        handlers: {
          Counted: async ({ data }, models) => {
            const model = Object.values(models)[0]!;
            await model.update('all', (doc = { total: 0 }) => ({ total: (doc as { total: number }).total + data.n }));
          },
        },
      });
      const events = inMemoryEventStore();
      for (let i = 1; i <= 6; i++) await events.append(`C-${i % 2}`, [{ id: `c-${i}`, type: 'Counted', schemaVersion: 1, data: { n: i }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } }]);
      const flaky = flakyReadAll((o) => events.readAll(o), 2);
      let commitFaults = 1;
      const faultyStore: ReadModelStore = {
        ...store,
        async commit(commit) {
          await store.commit(commit);
          // Applied, then the answer is lost: the runner must read the checkpoint again, not apply twice.
          if (commitFaults-- > 0) throw new InjectedFault('connection reset after the commit (injected)');
        },
      };
      const retries: string[] = [];
      const runner = projectionRunner({
        events: { ...events, readAll: flaky.readAll },
        readModels: faultyStore,
        projections: [counts],
        batchSize: 2,
        retryBackoff: { firstMs: 1, maxMs: 2 },
        onRetry: (_name, error) => retries.push((error as Error).message),
      });
      await runner.start();
      await runner.caughtUp();
      await runner.stop();
      assert.equal(flaky.failures(), 2);
      assert.equal(retries.length, 3, retries.join('; '));
      const [status] = await runner.status();
      assert.equal(status!.state, 'idle');
      assert.equal(status!.checkpoint, 6);
      assert.deepEqual(await store.get(Object.keys(counts.readModels)[0]!, 'all'), { total: 21 });
    });

    test('a document a store would change (a Set, a lone surrogate) is refused whole, naming read model, id and path', async () => {
      const projection = fresh('P');
      const model = fresh('m');
      await assert.rejects(
        store.commit({ projection, expectedCheckpoint: 0, checkpoint: 1, changes: [put(model, 'ok', { n: 1 }), put(model, 'a', { tags: new Set([1]) })] }),
        new RegExp(`read model ${model}, document "a": doc\\.tags is a Set.*Nothing was written`),
      );
      await assert.rejects(store.commit({ projection, expectedCheckpoint: 0, checkpoint: 1, changes: [put(model, 'b', { t: 'x\uD800' })] }), /doc\.t is a string with a lone surrogate/);
      assert.equal(await store.get(model, 'ok'), undefined);
      assert.equal(await store.checkpoint(projection), 0);
    });

    test('a commit with no changes still moves the checkpoint', async () => {
      const p = fresh('P');
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 42, changes: [] });
      assert.equal(await store.checkpoint(p), 42);
    });

    test('deletes remove a document; deleting a missing one is harmless', async () => {
      const [p, m] = [fresh('P'), fresh('M')];
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 1, changes: [put(m, 'a', { n: 1 }), put(m, 'b', { n: 2 })] });
      await store.commit({ projection: p, expectedCheckpoint: 1, checkpoint: 2, changes: [del(m, 'a'), del(m, 'never')] });
      assert.equal(await store.get(m, 'a'), undefined);
      assert.deepEqual((await store.find(m)).map((d) => d.id), ['b']);
    });

    test('changes in one commit apply in order: a put after a delete of the same id wins', async () => {
      const [p, m] = [fresh('P'), fresh('M')];
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 1, changes: [put(m, 'a', { n: 1 }), del(m, 'a'), put(m, 'b', { n: 1 })] });
      await store.commit({ projection: p, expectedCheckpoint: 1, checkpoint: 2, changes: [del(m, 'b'), put(m, 'b', { n: 2 })] });
      assert.equal(await store.get(m, 'a'), undefined);
      assert.deepEqual(await store.get(m, 'b'), { n: 2 });
    });

    test('a commit from a stale checkpoint is refused whole: no document changes, checkpoint kept', async () => {
      const [p, m] = [fresh('P'), fresh('M')];
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 5, changes: [put(m, 'a', { n: 1 })] });
      await assert.rejects(
        store.commit({ projection: p, expectedCheckpoint: 3, checkpoint: 8, changes: [put(m, 'a', { n: 99 }), put(m, 'b', { n: 99 })] }),
        (error: unknown) => {
          assert.ok(error instanceof CheckpointConflict, String(error));
          assert.equal(error.expected, 3);
          assert.equal(error.actual, 5);
          return true;
        },
      );
      assert.deepEqual(await store.get(m, 'a'), { n: 1 });
      assert.equal(await store.get(m, 'b'), undefined);
      assert.equal(await store.checkpoint(p), 5);
    });

    test('of two commits from the same checkpoint, exactly one lands', async () => {
      const [p, m] = [fresh('P'), fresh('M')];
      const attempts = await Promise.allSettled(
        [1, 2, 3, 4].map((n) => store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: n, changes: [put(m, 'a', { n })] })),
      );
      const won = attempts.map((a, i) => (a.status === 'fulfilled' ? i + 1 : undefined)).filter((n) => n !== undefined);
      assert.equal(won.length, 1);
      for (const a of attempts) if (a.status === 'rejected') assert.ok(a.reason instanceof CheckpointConflict, String(a.reason));
      assert.equal(await store.checkpoint(p), won[0]);
      assert.deepEqual(await store.get(m, 'a'), { n: won[0] });
    });

    test('checkpoints are per projection', async () => {
      const [p1, p2] = [fresh('P'), fresh('P')];
      await store.commit({ projection: p1, expectedCheckpoint: 0, checkpoint: 3, changes: [] });
      assert.equal(await store.checkpoint(p2), 0);
      await store.commit({ projection: p2, expectedCheckpoint: 0, checkpoint: 1, changes: [] });
      assert.equal(await store.checkpoint(p1), 3);
    });

    test('find matches equality on fields and dotted paths, ordered by id, with a limit', async () => {
      const [p, m] = [fresh('P'), fresh('M')];
      await store.commit({
        projection: p,
        expectedCheckpoint: 0,
        checkpoint: 1,
        changes: [
          put(m, 'c', { status: 'open', owner: { name: 'alice' }, n: 1, tags: ['x'] }),
          put(m, 'a', { status: 'open', owner: { name: 'bob' }, n: 2, tags: ['x', 'y'] }),
          put(m, 'b', { status: 'closed', owner: { name: 'alice' }, n: 1 }),
          put(m, 'd', { status: 'open', owner: { name: 'alice' }, n: '1' }),
        ],
      });
      const ids = async (filter: Record<string, unknown>, limit?: number) =>
        (await store.find(m, filter, limit === undefined ? {} : { limit })).map((d) => d.id);
      assert.deepEqual(await ids({}), ['a', 'b', 'c', 'd']);
      assert.deepEqual(await ids({ status: 'open' }), ['a', 'c', 'd']);
      assert.deepEqual(await ids({ 'owner.name': 'alice' }), ['b', 'c', 'd']);
      assert.deepEqual(await ids({ status: 'open', 'owner.name': 'alice' }), ['c', 'd']);
      assert.deepEqual(await ids({ n: 1 }), ['b', 'c'], 'equality is strict: 1 is not "1"');
      assert.deepEqual(await ids({ owner: { name: 'bob' } }), ['a'], 'a whole sub-document compares deeply');
      assert.deepEqual(await ids({ tags: ['x'] }), ['c'], 'an array compares as a whole');
      assert.deepEqual(await ids({ status: 'gone' }), []);
      assert.deepEqual(await ids({ 'owner.missing': 'x' }), []);
      assert.deepEqual(await ids({ status: 'open' }, 2), ['a', 'c']);
      // Pages: after the last id of the previous one, with or without a filter.
      const page = async (after: string, filter: Record<string, unknown> = {}, limit?: number) => (await store.find(m, filter, { after, ...(limit !== undefined ? { limit } : {}) })).map((d) => d.id);
      assert.deepEqual(await page('a', {}, 2), ['b', 'c']);
      assert.deepEqual(await page('c'), ['d']);
      assert.deepEqual(await page('a', { status: 'open' }), ['c', 'd']);
      assert.deepEqual(await page('bb'), ['c', 'd'], 'after an id that is not there: the ids after it');
      assert.deepEqual(await page('d'), []);
      const [first] = await store.find(m, { 'owner.name': 'bob' });
      assert.deepEqual(first, { id: 'a', doc: { status: 'open', owner: { name: 'bob' }, n: 2, tags: ['x', 'y'] } });
    });

    test('a filter with an empty path segment is refused', async () => {
      await assert.rejects(store.find(fresh('M'), { 'owner..name': 'x' }), /empty segment/);
    });

    test('read models are separate: the same id in two read models are two documents', async () => {
      const [p, m1, m2] = [fresh('P'), fresh('M'), fresh('M')];
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 1, changes: [put(m1, 'x', { from: 1 }), put(m2, 'x', { from: 2 })] });
      assert.deepEqual(await store.get(m1, 'x'), { from: 1 });
      assert.deepEqual(await store.get(m2, 'x'), { from: 2 });
    });

    test('counts the documents of one read model, as find finds them', async () => {
      const [p, m, other] = [fresh('P'), fresh('M'), fresh('M')];
      assert.ok(store.count, 'this store counts without reading the documents');
      assert.equal(await store.count?.(m), 0);
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 3, changes: [put(m, 'a', { n: 1 }), put(m, 'b', { n: 2 }), put(m, 'c', { n: 3 }), put(other, 'a', { n: 4 })] });
      await store.commit({ projection: p, expectedCheckpoint: 3, checkpoint: 4, changes: [{ kind: 'delete', readModel: m, id: 'b' }, put(m, 'a', { n: 5 })] });
      assert.equal(await store.count?.(m), (await store.find(m)).length);
      assert.equal(await store.count?.(m), 2);
      assert.equal(await store.count?.(other), 1);
      await store.reset(p, [m]);
      assert.equal(await store.count?.(m), 0);
    });

    test('reset empties the projection’s read models and its checkpoint, and nothing else', async () => {
      const [p, other, m1, m2, keep] = [fresh('P'), fresh('P'), fresh('M'), fresh('M'), fresh('M')];
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 4, changes: [put(m1, 'a', { n: 1 }), put(m2, 'b', { n: 2 })] });
      await store.commit({ projection: other, expectedCheckpoint: 0, checkpoint: 6, changes: [put(keep, 'a', { n: 3 })] });
      await store.reset(p, [m1, m2]);
      assert.equal(await store.checkpoint(p), 0);
      assert.deepEqual(await store.find(m1), []);
      assert.equal(await store.get(m2, 'b'), undefined);
      assert.deepEqual(await store.get(keep, 'a'), { n: 3 });
      assert.equal(await store.checkpoint(other), 6);
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 1, changes: [put(m1, 'a', { n: 5 })] });
      assert.deepEqual(await store.get(m1, 'a'), { n: 5 });
    });

    test('documents handed out or taken in are copies', async () => {
      const [p, m] = [fresh('P'), fresh('M')];
      const doc = { list: [1], inner: { v: 1 } };
      await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 1, changes: [put(m, 'a', doc)] });
      doc.list.push(2);
      const read = (await store.get(m, 'a')) as typeof doc;
      read.inner.v = 99;
      const [found] = await store.find(m);
      (found!.doc as typeof doc).list.push(3);
      assert.deepEqual(await store.get(m, 'a'), { list: [1], inner: { v: 1 } });
    });

    for (const hostile of ['$where', '{"$gt": ""}', 'a.b', '__proto__', 'constructor', 'naïve 名前 🚀', "x'; drop"]) {
      test(`id, field names and values ${JSON.stringify(hostile)} are data`, async () => {
        const [p, m] = [fresh('P'), fresh('M')];
        const doc = { [hostile]: hostile, $set: { a: 1 }, plain: hostile };
        await store.commit({ projection: p, expectedCheckpoint: 0, checkpoint: 1, changes: [put(m, hostile, doc), put(m, 'other', { plain: 'x' })] });
        assert.deepEqual(await store.get(m, hostile), doc);
        assert.deepEqual((await store.find(m, { plain: hostile })).map((d) => d.id), [hostile]);
        assert.equal(await store.get(m, 'x'), undefined);
        assert.deepEqual((await store.find(m)).length, 2);
      });
    }

    test('bad names and ids are refused with what was wrong', async () => {
      await assert.rejects(store.get('', 'a'), /read-model name/);
      await assert.rejects(store.get(fresh('M'), ''), /document id/);
      await assert.rejects(
        store.commit({ projection: fresh('P'), expectedCheckpoint: 0, checkpoint: 1, changes: [put(fresh('M'), '', { n: 1 })] }),
        /document id/,
      );
    });
  });
}
