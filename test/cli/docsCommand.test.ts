import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli';
import { captureIO } from './cliHarness';

const temp = mkdtempSync(join(tmpdir(), 'eventspec-docs-cli-'));
after(() => rmSync(temp, { recursive: true, force: true }));
// The docs fixture: features, a run's message stream and its domain; the site goes to a temporary folder.
const project = join(__dirname, '..', 'docs', 'fixtures', 'shop');
const config = join(temp, 'shop.config.js');
writeFileSync(config, `exports.domain = require(${JSON.stringify(join(project, 'domain.ts'))}).shop;\n`);
const args = ['docs', '--messages', 'run.ndjson', '--domain', config, '--out', join(temp, 'site')];

describe('eventspec docs', () => {
  it('shows each stage of the build on a terminal, then one summary line', async () => {
    const terminal = captureIO(project, { NO_COLOR: '1' }, true);
    assert.equal(await runCli(args, terminal.io), 0, terminal.stderr());
    assert.match(terminal.stderr(), /› reading the feature files\n› reading the message stream run\.ndjson\n› joining \d+ messages to the features\n› documenting 11 scenarios: glossary, catalogs, flows\n› writing the site to .*site\n/);
    assert.match(terminal.stdout(), /^living documentation: .*index\.html \(11 scenarios: /);
    assert.ok(existsSync(join(temp, 'site', 'app.js')));
  });

  it('keeps logs clean when its output is not a terminal', async () => {
    const piped = captureIO(project);
    assert.equal(await runCli(args, piped.io), 0, piped.stderr());
    assert.equal(piped.stderr(), '');
  });
});
