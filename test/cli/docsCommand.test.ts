import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli';
import { readSiteData } from '../../src/docs';
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
    assert.match(terminal.stderr(), /› reading the message stream run\.ndjson\n› reading the feature files the run did not carry\n› joining \d+ messages to the features\n› documenting 11 scenarios: glossary, catalogs, flows\n› writing the site to .*site\n/);
    assert.match(terminal.stdout(), /^living documentation: .*index\.html \(11 scenarios: /);
    assert.ok(existsSync(join(temp, 'site', 'app.js')));
  });

  it('keeps logs clean when its output is not a terminal', async () => {
    const piped = captureIO(project);
    assert.equal(await runCli(args, piped.io), 0, piped.stderr());
    assert.equal(piped.stderr(), '');
  });

  it('merges several message streams, repeated or listed after one --messages (one per CI shard)', async () => {
    const lines = readFileSync(join(project, 'run.ndjson'), 'utf8').trimEnd().split('\n');
    // Two copies of the run: the same attempts, so the same counts, and both streams named on the page.
    writeFileSync(join(temp, 'shard-1.ndjson'), `${lines.join('\n')}\n`);
    writeFileSync(join(temp, 'shard-2.ndjson'), `${lines.join('\n')}\n`);
    for (const messages of [['--messages', join(temp, 'shard-1.ndjson'), join(temp, 'shard-2.ndjson')], ['--messages', join(temp, 'shard-1.ndjson'), '--messages', join(temp, 'shard-2.ndjson')]]) {
      const piped = captureIO(project);
      assert.equal(await runCli(['docs', ...messages, '--domain', config, '--out', join(temp, 'merged')], piped.io), 0, piped.stderr());
      assert.match(piped.stdout(), /^living documentation: .*index\.html \(11 scenarios: 6 passed, 1 failed, 1 undefined, 1 pending, 1 ambiguous, 1 skipped;/);
      assert.deepEqual(readSiteData(join(temp, 'merged', 'index.html')).run.streams?.map((s) => s.source), [join(temp, 'shard-1.ndjson'), join(temp, 'shard-2.ndjson')]);
    }
  });
});
