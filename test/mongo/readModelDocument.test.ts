import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Binary, BSON } from 'mongodb';
import {
  checkDocumentId,
  checkProjectionName,
  checkReadModelName,
  LARGEST_STORED_READ_MODEL,
  readModelCollectionNames,
  readCheckpoint,
  readStoredReadModel,
  storedReadModel,
} from '../../src/mongo/readModelDocument';

describe('read-model documents as stored in MongoDB', () => {
  it('names and ids must be non-empty strings, said the same way as the in-memory store', () => {
    assert.equal(checkReadModelName('M'), 'M');
    assert.throws(() => checkReadModelName(''), /read-model name must be a non-empty string, got ""/);
    assert.throws(() => checkReadModelName({ $gt: '' }), /read-model name must be a non-empty string, got \{"\$gt":""\}/);
    assert.equal(checkDocumentId('M', 'a'), 'a');
    assert.throws(() => checkDocumentId('M', ''), /M: a document id must be a non-empty string/);
    assert.throws(() => checkDocumentId('M', { $ne: null }), /M: a document id must be a non-empty string/);
    assert.equal(checkProjectionName('P'), 'P');
    assert.throws(() => checkProjectionName(7), /projection name must be a non-empty string, got 7/);
    assert.throws(() => checkProjectionName(''), /projection name must be a non-empty string, got ""/);
  });

  it('the collections are named from the prefix, which follows the event store’s rules', () => {
    assert.deepEqual(readModelCollectionNames('eventspec_'), { readModels: 'eventspec_readmodels', checkpoints: 'eventspec_checkpoints' });
    assert.throws(() => readModelCollectionNames('a b'), /collectionPrefix "a b" is not usable/);
  });

  it('a document with plain keys is stored as it is, as a copy', () => {
    const doc = { n: 1, nested: { list: [1, 'x', null] }, gone: undefined };
    const stored = storedReadModel('M', 'a', doc);
    assert.deepEqual(stored, { model: 'M', id: 'a', doc: { n: 1, nested: { list: [1, 'x', null] } } }, 'undefined fields are left out, as JSON does');
    doc.nested.list.push(2);
    assert.deepEqual((stored.doc as typeof doc).nested.list, [1, 'x', null], 'later changes to the caller’s object do not reach it');
    assert.deepEqual(readStoredReadModel(stored, 'M'), { id: 'a', doc: { n: 1, nested: { list: [1, 'x', null] } } });
  });

  for (const key of ['$where', '$set', 'a.b', '']) {
    it(`a document with a key ${JSON.stringify(key)} anywhere is stored as BSON bytes and reads back the same`, () => {
      const doc = { plain: 1, deep: [{ [key]: { $gt: '' } }] };
      const stored = storedReadModel('M', key || 'empty', doc);
      assert.equal(stored.doc, undefined);
      assert.ok(stored.docBson instanceof Binary);
      assert.equal(stored.docBson.sub_type, Binary.SUBTYPE_USER_DEFINED);
      assert.deepEqual(readStoredReadModel(stored, 'M').doc, doc);
    });
  }

  it('values BSON would change or cannot hold are refused, naming the read model, id and path', () => {
    assert.throws(() => storedReadModel('M', 'a', { list: [{ f: () => 1 }] }), /read model M, document "a": doc\.list\[0\]\.f is a function; .*\. Nothing was written/);
    assert.throws(() => storedReadModel('M', 'a', { n: 10n }), /doc\.n is a bigint/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.throws(() => storedReadModel('M', 'a', cyclic), /read model M, document "a": doc\.self refers to itself.*\. Nothing was written/);
  });

  it('a value that fails while it is read (a getter that throws, at any read) is refused naming the read model and id', () => {
    // The getter works k times and then throws: early reads fail in the check, later ones in the serialisation.
    const outcomes: string[] = [];
    for (let k = 0; k <= 5; k++) {
      let reads = 0;
      const doc = {
        get flaky() {
          reads++;
          if (reads > k) throw new Error('the value is gone');
          return 1;
        },
      };
      try {
        assert.deepEqual(storedReadModel('M', 'a', doc), { model: 'M', id: 'a', doc: { flaky: 1 } }, `k=${k}`);
        outcomes.push('stored');
      } catch (error) {
        assert.ok(error instanceof Error && error.name === 'EventspecError', `k=${k}: ${String(error)}`);
        // The check names the field of a getter that throws there; one that throws later is told as the read that failed.
        assert.match(error.message, /^read model M, document "a"(: doc\.flaky is a getter that threw \(the value is gone\); stored values must be plain data .*| cannot be (read|stored as BSON) \(the value is gone\))\. Nothing was written\.$/, `k=${k}`);
        outcomes.push(error.message.includes('as BSON') ? 'serialising' : 'reading');
      }
    }
    assert.deepEqual(outcomes, ['reading', 'serialising', 'stored', 'stored', 'stored', 'stored']);
  });

  it('a document exactly at the limit, its model name and id included, is stored; one byte more is refused', () => {
    const model = 'M'.repeat(1000);
    const id = 'i'.repeat(2000);
    // The size counted: the document's BSON, the model name, the id and 64 bytes for the wrapper's own fields.
    const overhead = BSON.calculateObjectSize({ v: { text: '' } }) + model.length + id.length + 64;
    const exactly = storedReadModel(model, id, { text: 'x'.repeat(LARGEST_STORED_READ_MODEL - overhead) });
    assert.equal((exactly.doc as { text: string }).text.length, LARGEST_STORED_READ_MODEL - overhead);
    assert.throws(() => storedReadModel(model, id, { text: 'x'.repeat(LARGEST_STORED_READ_MODEL - overhead + 1) }), /takes 16777217 bytes, over MongoDB's 16 MiB document limit/);
  });

  it('a document over MongoDB’s 16 MiB limit is refused with what to do instead', () => {
    const fits = storedReadModel('M', 'a', { text: 'x'.repeat(1024) });
    assert.ok(fits.doc);
    assert.throws(
      () => storedReadModel('M', 'a', { text: 'x'.repeat(LARGEST_STORED_READ_MODEL) }),
      /read model M, document "a" takes \d+ bytes, over MongoDB's 16 MiB document limit\. Nothing was written\. Keep read-model documents bounded/,
    );
  });

  it('a stored document that does not fit the layout is reported with where it is and how to recover', () => {
    assert.throws(() => readStoredReadModel(null, 'M'), /the stored document "\?" of read model M does not match the read-model layout: it is not a document\. Rebuild the projection/);
    assert.throws(() => readStoredReadModel('x', 'M'), /it is not a document/);
    assert.throws(() => readStoredReadModel({ id: 7, doc: {} }, 'M'), /id is not a string/);
    assert.throws(() => readStoredReadModel({ id: 'a', docBson: 'bytes' }, 'M'), /the stored document "a" of read model M .*docBson is not binary data/);
    assert.throws(() => readStoredReadModel({ id: 'a', docBson: new Binary(Buffer.from([1, 2, 3]), 0x80) }, 'M'), /"a" .*docBson cannot be read as BSON/);
    assert.deepEqual(readStoredReadModel({ id: 'a' }, 'M'), { id: 'a', doc: undefined }, 'a put of undefined');
    const bytes = new Binary(BSON.serialize({ v: { $x: 1 } }), 0x80);
    assert.deepEqual(readStoredReadModel({ id: 'a', doc: 'ignored when bytes are there', docBson: bytes }, 'M'), { id: 'a', doc: { $x: 1 } });
  });

  it('a missing checkpoint document is checkpoint 0; a damaged one says how to recover', () => {
    assert.equal(readCheckpoint(null, 'P'), 0);
    assert.equal(readCheckpoint(undefined, 'P'), 0);
    assert.equal(readCheckpoint({ _id: 'P', checkpoint: 12 }, 'P'), 12);
    assert.equal(readCheckpoint({ _id: 'P', checkpoint: 0 }, 'P'), 0, 'stored 0 (after a reset that kept the document)');
    for (const bad of [-1, 1.5, '3', undefined]) {
      assert.throws(() => readCheckpoint({ _id: 'P', checkpoint: bad }, 'P'), /the stored checkpoint of projection P is damaged .* Rebuild the projection/);
    }
  });
});
