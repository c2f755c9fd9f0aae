import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseMessageStream, readMessageStream } from '../../src/docs';

const temp = mkdtempSync(join(tmpdir(), 'eventspec-stream-'));
after(() => rmSync(temp, { recursive: true, force: true }));

// Lines long enough, and with enough multi-byte text, that the 1 MB reads split lines and characters.
const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ attachment: { body: `${'é🚀名'.repeat(100 + (i % 37))} ${i}`, mediaType: 'text/plain' } }));

describe('reading a message stream in pieces', () => {
  it('reads a stream of several megabytes exactly as the whole text parses', async () => {
    const text = `${lines.join('\n')}\n`;
    assert.ok(Buffer.byteLength(text) > 3 * (1 << 20));
    const file = join(temp, 'long.ndjson');
    writeFileSync(file, text);
    const read = await readMessageStream(file);
    assert.equal(read.envelopes.length, lines.length);
    assert.deepEqual(read.envelopes, (await parseMessageStream(text, file)).envelopes);
    assert.equal(read.truncatedAt, undefined);
  });

  it('finds a cut-off last line, and names the line of a broken one in the middle', async () => {
    const file = join(temp, 'cut.ndjson');
    const text = `${lines.join('\n')}\n`;
    writeFileSync(file, text.slice(0, text.length - 50));
    const read = await readMessageStream(file);
    assert.equal(read.truncatedAt, lines.length);
    assert.equal(read.envelopes.length, lines.length - 1);
    const broken = join(temp, 'broken.ndjson');
    writeFileSync(broken, `${lines.slice(0, 2000).join('\n')}\n{oops\n${lines.slice(2000).join('\n')}\n`);
    await assert.rejects(readMessageStream(broken), new RegExp(`broken\\.ndjson:2001: not a Cucumber message`));
  });

  it('skips the lines the site never reads, yet checks and numbers a last line without its newline', async () => {
    const started = JSON.stringify({ testStepStarted: { testCaseStartedId: 'a', testStepId: 'b', timestamp: { seconds: 1, nanos: 0 } } });
    const file = join(temp, 'unread.ndjson');
    writeFileSync(file, `${started}\n${lines[0]}\n${started}\n{"pickle":{}}`);
    await assert.rejects(readMessageStream(file), /unread\.ndjson:4: this "pickle" message has the wrong shape/);
    writeFileSync(file, `${started}\n${lines[0]}\n${started}\n{"pickle":`);
    const read = await readMessageStream(file);
    assert.deepEqual([read.envelopes.length, read.truncatedAt], [1, 4]);
  });
});
