import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { dropUnreadLines, isUnreadLine, PASSED_PIECE } from '../../src/docs/unreadLines';

const unread = (line: string) => isUnreadLine(Buffer.from(line), 0, Buffer.byteLength(line));

async function through(pieces: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const piece of Readable.from(pieces).pipe(dropUnreadLines())) out.push(piece as Buffer);
  return Buffer.concat(out).toString('utf8');
}

describe('dropping the lines the site never reads, as bytes', () => {
  it('knows a whole step-started or run-hook-started envelope, spaced or not', () => {
    assert.ok(unread('{"testStepStarted":{"testStepId":"1"}}'));
    assert.ok(unread(' { "testStepStarted" : {"testStepId":"1"} } \r'));
    assert.ok(unread('{"testRunHookStarted":{}}'));
  });

  it('keeps every other kind, a kind merely named in a value, and a cut-off line', () => {
    assert.equal(unread('{"testStepFinished":{"testStepId":"1"}}'), false);
    assert.equal(unread('{"attachment":{"body":"{\\"source\\":1}"}}'), false);
    assert.equal(unread('{"sourceReference":{}}'), false);
    // The source text is read: it tells whether a feature file changed since the run.
    assert.equal(unread('{"source":{"data":"Feature: x"}}'), false);
    assert.equal(unread('{"testStepStarted":{"testStepId":'), false);
    assert.equal(unread(''), false);
  });

  it('passes the other lines on byte for byte, whichever piece a line or a character is cut in', async () => {
    const lines = ['{"pickle":{"name":"é🚀名"}}', '{"testStepStarted":{}}', '', '{"testRunHookStarted":{"id":"x"}}', '{"attachment":{"body":"名"}}', '{"testCase":'];
    const text = lines.join('\n');
    const expected = ['{"pickle":{"name":"é🚀名"}}', '', '{"attachment":{"body":"名"}}', '{"testCase":'].join('\n');
    const bytes = Buffer.from(text);
    for (let size = 1; size <= bytes.length; size += 3) {
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
      assert.equal(await through(pieces), expected, `pieces of ${size} bytes`);
    }
  });

  it(`passes whole lines on in pieces of at most ${PASSED_PIECE} bytes, a longer line alone`, async () => {
    const line = (n: number, size: number) => `{"testStepFinished":{"n":${n},"pad":"${'é'.repeat(size)}"}}\n`;
    const text = [...Array.from({ length: 300 }, (_, n) => line(n, 200 + (n % 7) * 50)), line(300, PASSED_PIECE), line(301, 10), '{"testRunHookStarted":{"id":"x"}}\n', line(302, 10)].join('');
    const bytes = Buffer.from(text);
    const pieces: Buffer[] = [];
    // Read in pieces of 1 MB, as the stream is, and in odd ones.
    for (const size of [1 << 20, 100_003]) {
      pieces.length = 0;
      const input = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      // Piped, as the reader pipes them (an async iterator would join the pieces again).
      await pipeline(Readable.from(input), dropUnreadLines(), new Writable({ write: (piece: Buffer, _e, done) => done(void pieces.push(piece)) }));
      assert.equal(Buffer.concat(pieces).toString('utf8'), text.replace('{"testRunHookStarted":{"id":"x"}}\n', ''));
      for (const piece of pieces) {
        assert.equal(piece[piece.length - 1], 10, 'each piece ends a line');
        const lines = piece.toString('utf8').split('\n').length - 1;
        assert.ok(piece.length <= PASSED_PIECE || lines === 1, `a piece of ${piece.length} bytes holds ${lines} lines`);
      }
      assert.ok(pieces.length >= 5, `${pieces.length} pieces`);
    }
  });
});
