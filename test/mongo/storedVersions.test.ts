import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoredChunkError } from '../../src/mongo';
import { storedVersionsOf } from '../../src/mongo/storedVersions';

describe('stored versions of a batch', () => {
  it('collects the versions of the batch ids only, across chunks', () => {
    const chunks = [
      { chunk: 1, events: [{ id: 'a', version: 1 }, { id: 'x', version: 2 }] },
      { chunk: 2, events: [{ id: 'b', version: 3 }] },
    ];
    assert.deepEqual([...storedVersionsOf('S', chunks, ['a', 'b', 'c'])], [['a', 1], ['b', 3]]);
  });

  it('nothing found is an empty map', () => assert.equal(storedVersionsOf('S', [], ['a']).size, 0));

  const bad: [string, unknown, RegExp][] = [
    ['a document without events', { chunk: 3 }, /chunk 3 .*events is not an array/],
    ['not a document at all', null, /chunk \? .*events is not an array/],
    ['an event without an id', { chunk: 1, events: [{ version: 1 }] }, /events\[0\]\.id is not a string/],
    ['an event that is null', { chunk: 1, events: [null] }, /events\[0\]\.id is not a string/],
    ['a wanted id without a version', { chunk: 1, events: [{ id: 'a', version: 0 }] }, /events\[0\]\.version/],
  ];
  for (const [title, doc, message] of bad) {
    it(`refuses ${title}`, () =>
      assert.throws(() => storedVersionsOf('S', [doc], ['a']), (e: unknown) => e instanceof StoredChunkError && message.test(e.message) && /stream "S"/.test(e.message)));
  }

  it('refuses an id stored twice at different versions', () => {
    const chunks = [{ chunk: 1, events: [{ id: 'a', version: 1 }] }, { chunk: 2, events: [{ id: 'a', version: 7 }] }];
    assert.throws(() => storedVersionsOf('S', chunks, ['a']), /repeats event id a, already stored at version 1/);
  });

  it('the same id seen twice at one version (overlapping reads) is fine', () => {
    const chunks = [{ chunk: 1, events: [{ id: 'a', version: 1 }] }, { chunk: 1, events: [{ id: 'a', version: 1 }] }];
    assert.deepEqual([...storedVersionsOf('S', chunks, ['a'])], [['a', 1]]);
  });
});

describe('stored versions: where a refusal points', () => {
  it('says chunk ? when the document’s chunk number is not a number, rather than printing what it holds', () =>
    assert.throws(
      () => storedVersionsOf('S', [{ chunk: 'two', events: 'none' }], ['a']),
      (e: unknown) => e instanceof StoredChunkError && e.chunk === undefined && e.message.startsWith('stored chunk ? of stream "S"'),
    ));

  it('names the id field of the event that repeats an id, and the chunk it is in', () => {
    const chunks = [{ chunk: 1, events: [{ id: 'a', version: 1 }] }, { chunk: 2, events: [{ id: 'x', version: 6 }, { id: 'a', version: 7 }] }];
    assert.throws(() => storedVersionsOf('S', chunks, ['a']), (e: unknown) => e instanceof StoredChunkError && e.field === 'events[1].id' && e.chunk === 2);
  });
});

describe('stored versions: a hole in what was read', () => {
  it('refuses an undefined document like any non-document, not with a TypeError', () =>
    assert.throws(
      () => storedVersionsOf('S', [undefined], ['a']),
      (e: unknown) => e instanceof StoredChunkError && /stored chunk \? of stream "S" .*events is not an array/.test(e.message),
    ));
});
