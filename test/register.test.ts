import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const hook = join(__dirname, '..', 'src', 'register.js');
const dir = mkdtempSync(join(tmpdir(), 'eventspec-register-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('eventspec/register, the TypeScript hook', () => {
  it('tells a syntax error by swc\'s code frame, without the native stack RUST_BACKTRACE adds', () => {
    const file = join(dir, 'loan.ts');
    writeFileSync(file, 'export const due = ;\n');
    const load = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['-r', hook, '-e', `require(${JSON.stringify(file)})`], { encoding: 'utf8', env: { ...process.env, RUST_BACKTRACE: '1', EVENTSPEC_DEBUG: '', ...env } });
    const plain = load({});
    assert.notEqual(plain.status, 0);
    assert.match(plain.stderr, /Expression expected/);
    assert.match(plain.stderr, /loan\.ts:1:1/);
    assert.doesNotMatch(plain.stderr, /Stack backtrace|FunctionCallbackWrapper/);
    // Asked for, it is kept.
    assert.match(load({ EVENTSPEC_DEBUG: '1' }).stderr, /Stack backtrace/);
  });
});
