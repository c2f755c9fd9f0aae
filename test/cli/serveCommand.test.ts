import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, run } from './cliHarness';

describe('eventspec serve', () => {
  it('serves the examples until told to stop: commands need the token from EVENTSPEC_TOKEN, metrics count them', async () => {
    const seen: Record<string, unknown> = {};
    const result = await run(['serve', '--port', '0', '--log', 'off'], repoRoot, { EVENTSPEC_TOKEN: 'tok-123' }, {
      serveUntil: async (url) => {
        const send = (headers: Record<string, string>) =>
          fetch(`${url}/aggregates/Order/o-1/commands/PlaceOrder`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"customer":"alice"}' });
        seen.without = (await send({})).status;
        seen.with = (await send({ authorization: 'Bearer tok-123' })).status;
        seen.metrics = await (await fetch(`${url}/metrics`)).text();
      },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(seen.without, 401);
    assert.equal(seen.with, 200);
    assert.match(String(seen.metrics), /eventspec_commands_total\{aggregate="Order",command="PlaceOrder",outcome="accepted"\} 1/);
    assert.match(result.stderr, /the examples domain .* on http:\/\/127\.0\.0\.1:\d+, on the in-memory store/);
    assert.match(result.stderr, /stopped/);
    assert.doesNotMatch(result.stdout + result.stderr, /tok-123/);
  });

  it('refuses an empty token and --auth-reads without one, as usage errors', async () => {
    const empty = await run(['serve', '--port', '0'], repoRoot, { EVENTSPEC_TOKEN: ' ' }, { serveUntil: async () => assert.fail('must not start') });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /the service token is empty/);
    const reads = await run(['serve', '--port', '0', '--auth-reads'], repoRoot, {}, { serveUntil: async () => assert.fail('must not start') });
    assert.equal(reads.code, 2);
    assert.match(reads.stderr, /--auth-reads needs a token/);
  });

  it('refuses a port that is not one', async () => {
    const result = await run(['serve', '--port', '70000'], repoRoot, {}, { serveUntil: async () => assert.fail('must not start') });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /a port is a whole number from 0 to 65535/);
  });

  it('says a busy port is busy (exit 2, how to choose another), and warns of an open host without a token', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const busy = await run(['serve', '--port', String(port), '--log', 'off'], repoRoot, {}, { serveUntil: async () => assert.fail('must not start') });
      assert.equal(busy.code, 2, busy.stderr);
      assert.match(busy.stderr, new RegExp(`eventspec: port ${port} on 127\\.0\\.0\\.1 is already in use by another process: stop it, or choose another port with --port \\(0 picks a free one\\)`));
      const open = await run(['serve', '--port', '0', '--host', '0.0.0.0', '--log', 'off'], repoRoot, {}, { serveUntil: async () => undefined });
      assert.equal(open.code, 0, open.stderr);
      assert.match(open.stderr, /listening on 0\.0\.0\.0 without a token: anyone who can reach this machine can send commands; set EVENTSPEC_TOKEN/);
    } finally {
      blocker.close();
    }
  });

  it('starts from bin/eventspec.js, answers over HTTP, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'eventspec.js'), 'serve', '--port', '0', '--log', 'off'], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (found) resolve(found[1]!);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)));
    });
    try {
      const answer = await fetch(`${url}/aggregates/Order/o-1/commands/PlaceOrder`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"customer":"alice"}' });
      assert.equal(answer.status, 200);
      assert.equal((await fetch(`${url}/ready`)).status, 200);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /eventspec serve: stopped/);
  });
});
