import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { run, shopDomain } from './cliHarness';

const temp = mkdtempSync(join(tmpdir(), 'eventspec-steps-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const importLine = (text: string) => /^import \{ editorSteps \} from '([^']+)';$/m.exec(text)?.[1];

describe('eventspec steps', () => {
  it('checks this repository\'s editor file as current, though it imports eventspec from ../src', async () => {
    const { code, stderr } = await run(['steps', '--check']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('keeps the module the file imports from when it rewrites it, and --import changes it', async () => {
    const out = join(temp, 'editor.ts');
    writeFileSync(out, "import { editorSteps } from '../lib/kit';\n// an older list of steps\n");
    const stale = await run(['steps', '--domain', shopDomain, '--out', out, '--check']);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /out of date with the domain: run `npx eventspec steps` to write it/);

    assert.equal((await run(['steps', '--domain', shopDomain, '--out', out])).code, 0);
    assert.equal(importLine(readFileSync(out, 'utf8')), '../lib/kit');
    assert.equal((await run(['steps', '--domain', shopDomain, '--out', out, '--check'])).code, 0);

    assert.equal((await run(['steps', '--domain', shopDomain, '--out', out, '--import', 'eventspec'])).code, 0);
    assert.equal(importLine(readFileSync(out, 'utf8')), 'eventspec');
  });

  it('imports from eventspec in a file it writes for the first time', async () => {
    const out = join(temp, 'new-editor.ts');
    assert.equal((await run(['steps', '--domain', shopDomain, '--out', out])).code, 0);
    assert.equal(importLine(readFileSync(out, 'utf8')), 'eventspec');
  });
});
