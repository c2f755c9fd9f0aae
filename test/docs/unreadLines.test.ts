import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { dropUnreadLines, isUnreadLine } from '../../src/docs/unreadLines';

const unread = (line: string) => isUnreadLine(Buffer.from(line), 0, Buffer.byteLength(line));

async function through(pieces: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const piece of Readable.from(pieces).pipe(dropUnreadLines())) out.push(piece as Buffer);
  return Buffer.concat(out).toString('utf8');
}

describe('dropping the lines the site never reads, as bytes', () => {
  it('knows a whole step-started, source or run-hook-started envelope, spaced or not', () => {
    assert.ok(unread('{"testStepStarted":{"testStepId":"1"}}'));
    assert.ok(unread(' { "source" : {"data":"Feature: x"} } \r'));
    assert.ok(unread('{"testRunHookStarted":{}}'));
  });

  it('keeps every other kind, a kind merely named in a value, and a cut-off line', () => {
    assert.equal(unread('{"testStepFinished":{"testStepId":"1"}}'), false);
    assert.equal(unread('{"attachment":{"body":"{\\"source\\":1}"}}'), false);
    assert.equal(unread('{"sourceReference":{}}'), false);
    assert.equal(unread('{"testStepStarted":{"testStepId":'), false);
    assert.equal(unread(''), false);
  });

  it('passes the other lines on byte for byte, whichever piece a line or a character is cut in', async () => {
    const lines = ['{"pickle":{"name":"é🚀名"}}', '{"testStepStarted":{}}', '', '{"source":{"data":"x"}}', '{"attachment":{"body":"名"}}', '{"testCase":'];
    const text = lines.join('\n');
    const expected = ['{"pickle":{"name":"é🚀名"}}', '', '{"attachment":{"body":"名"}}', '{"testCase":'].join('\n');
    const bytes = Buffer.from(text);
    for (let size = 1; size <= bytes.length; size += 3) {
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
      assert.equal(await through(pieces), expected, `pieces of ${size} bytes`);
    }
  });
});
