import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { controllableClock, inMemoryEventStore } from '../../src';
import type { EventStore } from '../../src';
import type { StoreOpener } from '../../src/cli';
import { ACCEPTED_TIMES } from '../../src/core/readTime';
import { fixtures, run, shopDomain } from '../cli/cliHarness';

// Command lines a user gets wrong: each is refused with exit 2 and one line saying what, where
// and how to fix it (no stack, no crash hint), and nothing on disk or in the store changes.
const specs = join(fixtures, 'specs');
const docsProject = join(__dirname, '..', 'docs', 'fixtures', 'shop');
const temp = mkdtempSync(join(tmpdir(), 'eventspec-bad-cli-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const file = join(temp, 'a-file');
writeFileSync(file, 'not a folder\n');
const docsConfig = join(temp, 'shop.config.js');
writeFileSync(docsConfig, `exports.domain = require(${JSON.stringify(join(docsProject, 'domain.ts'))}).shop;\n`);
const docs = ['docs', '--messages', 'run.ndjson', '--domain', docsConfig];

let events: EventStore;
const opener: StoreOpener = async () => ({ events, close: async () => undefined });
const uri = 'mongodb://alice:s3cr3t-pw@db.example.com:27017/shop';
const inspect = (...rest: string[]) => ['inspect', 'Order-o-1', '--mongo', uri, '--domain', shopDomain, ...rest];

interface Case {
  name: string;
  argv: string[];
  cwd: string;
  stderr: string;
}

const cases: Case[] = [
  { name: 'a feature file that does not exist', argv: ['test', 'features/nope.feature'], cwd: specs, stderr: `the feature path "features/nope.feature" does not exist (looked in ${specs}); give feature files, folders or globs that exist` },
  { name: 'a missing file among real ones, with a line number', argv: ['test', 'features/counting.feature', 'features/gone.feature:12'], cwd: specs, stderr: `the feature path "features/gone.feature:12" does not exist (looked in ${specs}); give feature files, folders or globs that exist` },
  { name: 'a folder that does not exist', argv: ['test', 'feature/'], cwd: specs, stderr: `the feature path "feature/" does not exist (looked in ${specs}); give feature files, folders or globs that exist` },
  { name: 'a glob that matches nothing', argv: ['test', 'features/*.fature'], cwd: specs, stderr: `the feature path "features/*.fature" does not exist (looked in ${specs}); give feature files, folders or globs that exist` },
  { name: 'several missing paths, after --', argv: ['test', '--', 'a.feature', 'b.feature'], cwd: specs, stderr: `the feature path "a.feature", "b.feature" do not exist (looked in ${specs}); give feature files, folders or globs that exist` },
  { name: 'a tag expression missing an operand', argv: ['test', '--tags', '@a and'], cwd: specs, stderr: 'the tag expression (--tags): Tag expression "(@a and)" could not be parsed because of syntax error: Expected operand.' },
  { name: 'a tag expression with an unclosed parenthesis', argv: ['test', '--tags', '(@a or @b'], cwd: specs, stderr: 'the tag expression (--tags): Tag expression "((@a or @b)" could not be parsed because of syntax error: Unmatched (.' },
  { name: 'an unknown order', argv: ['test', '--order', 'bogus'], cwd: specs, stderr: 'the order (--order): takes defined, reverse or random (random:<seed> to repeat an order)' },
  { name: 'an unknown order passed straight to cucumber', argv: ['test', '--', '--order', 'rand'], cwd: specs, stderr: 'the order (--order): takes defined, reverse or random (random:<seed> to repeat an order)' },
  { name: 'a report file under a file', argv: ['test', '--format', `html:${file}/report.html`], cwd: specs, stderr: `--format ${file}/report.html: ${file} is a file, so no folder can be made inside it; give a path whose folders are folders` },
  { name: 'docs of features that do not exist', argv: [...docs, '--features', 'does/not/exist', '--out', join(temp, 'never')], cwd: docsProject, stderr: `--features "does/not/exist" does not exist (looked in ${docsProject}); give feature files, folders or globs that exist` },
  { name: 'docs written over a file', argv: [...docs, '--out', file], cwd: docsProject, stderr: `--out ${file} is a file, not a folder; give a folder to write into (it is made when missing)` },
  { name: 'docs written under a file', argv: [...docs, '--out', `${file}/site`], cwd: docsProject, stderr: `--out ${file}/site: ${file} is a file, so no folder can be made inside it; give a path whose folders are folders` },
  { name: 'a docs history folder that is a file', argv: [...docs, '--out', join(temp, 'never'), '--history', file], cwd: docsProject, stderr: `--history ${file} is a file, not a folder; give a folder to write into (it is made when missing)` },
  { name: 'a catalog written to a folder', argv: ['catalog', '--domain', shopDomain, '--out', temp], cwd: specs, stderr: `--out ${temp} is a folder, not a file; give a file path such as ${temp}/catalog.schema.json` },
  { name: 'a catalog written under a file', argv: ['catalog', '--domain', shopDomain, '--out', `${file}/catalog.json`], cwd: specs, stderr: `--out ${file}/catalog.json: ${file} is a file, so no folder can be made inside it; give a path whose folders are folders` },
  { name: 'editor steps written to a folder', argv: ['steps', '--domain', shopDomain, '--out', temp], cwd: specs, stderr: `--out ${temp} is a folder, not a file; give a file path such as ${temp}/eventspec.editor.ts` },
  { name: 'editor steps written under a file', argv: ['steps', '--domain', shopDomain, '--out', `${file}/steps.ts`], cwd: specs, stderr: `--out ${file}/steps.ts: ${file} is a file, so no folder can be made inside it; give a path whose folders are folders` },
  { name: 'inspect as of "1"', argv: inspect('--as-of', '1'), cwd: specs, stderr: `--as-of "1" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}` },
  { name: 'inspect as of a day February does not have', argv: inspect('--as-of', '2025-02-30'), cwd: specs, stderr: `--as-of "2025-02-30" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}` },
  { name: 'inspect as of a day-first date', argv: inspect('--as-of', '01/03/2025'), cwd: specs, stderr: `--as-of "01/03/2025" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}` },
  { name: 'inspect as of hour 25', argv: inspect('--as-of', '2025-03-01T25:00Z'), cwd: specs, stderr: `--as-of "2025-03-01T25:00Z" is not a date on the calendar; write it as ISO 8601: ${ACCEPTED_TIMES}` },
  { name: 'inspect as of a date in words', argv: inspect('--as-of', 'March 1, 2025'), cwd: specs, stderr: `--as-of "March 1, 2025" is not a date or time eventspec reads; write it as ISO 8601: ${ACCEPTED_TIMES}` },
];

describe('bad command lines', () => {
  for (const c of cases) {
    it(`refuses ${c.name} with exit 2 and the fix`, async () => {
      events = inMemoryEventStore({ clock: controllableClock('2025-03-01T10:00:00Z') });
      await events.append('Order-o-1', [{ id: 'e-1', type: 'OrderPlaced', schemaVersion: 2, data: { amount: 20, currency: 'EUR' }, metadata: { occurredAt: '2025-03-01T10:00:00.000Z' } }]);
      const stored = JSON.stringify(await events.readAll());
      const { code, stdout, stderr } = await run(c.argv, c.cwd, { NO_COLOR: '1' }, { openStores: opener });
      assert.equal(stderr, `eventspec: ${c.stderr}\n`, stdout);
      assert.equal(code, 2);
      // Nothing changed: the store, the file in the way, and no site half-written.
      assert.equal(JSON.stringify(await events.readAll()), stored);
      assert.equal(readFileSync(file, 'utf8'), 'not a folder\n');
      assert.ok(!existsSync(join(temp, 'never')), 'no site was written');
    });
  }
});
