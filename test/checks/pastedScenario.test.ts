import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkAggregate } from '../../src/checks';
import type { CheckFailed } from '../../src/checks';
import { defineDomain } from '../../src';
import { Order } from '../../src/domains/ordering/order';
import { planted } from './plantedAggregates';

// The proof that a printed counterexample is a real scenario: pasted into a feature file and run
// by cucumber-js with the step library, it fails, and for the reason the check gave.
const root = join(__dirname, '..', '..');

interface CucumberOutcome {
  success: boolean;
  failures: string[];
}

function runFeatures(dir: string, paths: string[], require: string[]): CucumberOutcome {
  const run = spawnSync(process.execPath, ['--require', 'ts-node/register', join(__dirname, 'runPastedFeatures.ts'), JSON.stringify({ cwd: root, paths, require })], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    timeout: 120_000,
  });
  assert.equal(run.status, 0, `cucumber could not run the pasted features in ${dir}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as CucumberOutcome;
}

async function failure(domain: Parameters<typeof checkAggregate>[0], name: string, options: Parameters<typeof checkAggregate>[2]): Promise<CheckFailed> {
  const result = await checkAggregate(domain, name, options);
  assert.equal(result.status, 'failed');
  return result as CheckFailed;
}

describe('a printed counterexample, pasted into a feature file, fails for the same reason', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eventspec-pasted-'));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('with the repository step definitions: a model expectation on Order', async () => {
    const found = await failure(defineDomain({ name: 'orders', aggregates: [Order] }), 'Order', {
      runs: 200,
      seed: 6,
      model: {
        initial: () => ({}),
        // Wrong on purpose: expects every command to be accepted.
        run: (model) => ({ expect: { accepted: true }, model }),
      },
    });
    const rejection = /rejected with (\w+)/.exec(found.message)![1]!;
    const file = join(dir, 'order.feature');
    await writeFile(file, `Feature: pasted\n\n${found.gherkin}`);
    const outcome = runFeatures(dir, [file], ['step-definitions/**/*.ts']);
    assert.equal(outcome.success, false, found.gherkin);
    assert.match(outcome.failures.join('\n'), new RegExp(`rejected with "${rejection}"`), outcome.failures.join('\n'));
  });

  it('a written regression for a broken invariant passes once the bug is fixed by a named rejection', async () => {
    const found = await failure(planted, 'Wallet', { runs: 100, seed: 1 });
    const file = join(dir, 'wallet-regression.feature');
    await writeFile(file, `Feature: regression\n\n${found.gherkin}`);
    const install = async (name: string, exported: string): Promise<string> => {
      const support = join(dir, `${name}.steps.ts`);
      await writeFile(
        support,
        `import { installSteps } from ${JSON.stringify(join(root, 'src', 'gherkin'))};\n` +
          `import { ${exported} } from ${JSON.stringify(join(__dirname, 'plantedAggregates'))};\n` +
          `installSteps(${exported});\n`,
      );
      return support;
    };
    const buggy = runFeatures(dir, [file], [await install('buggy', 'planted')]);
    assert.equal(buggy.success, false, `the regression must fail while the bug is there:\n${found.gherkin}`);
    const repaired = runFeatures(dir, [file], [await install('repaired', 'fixed')]);
    assert.deepEqual(repaired.failures, [], `the regression must pass once Withdraw refuses overdrafts by name:\n${found.gherkin}`);
    assert.equal(repaired.success, true);
  });

  it('with the planted aggregates installed: invariant, determinism and upcaster failures', async () => {
    const cases = [
      { name: 'Wallet', seed: 1, reason: /the balance is never negative/ },
      { name: 'Ticket', seed: 2, reason: /token/ },
      { name: 'Product', seed: 5, reason: /currency/ },
    ];
    const support = join(dir, 'planted.steps.ts');
    await writeFile(
      support,
      `import { installSteps } from ${JSON.stringify(join(root, 'src', 'gherkin'))};\n` +
        `import { planted } from ${JSON.stringify(join(__dirname, 'plantedAggregates'))};\n` +
        'installSteps(planted);\n',
    );
    const files: string[] = [];
    const found: string[] = [];
    for (const { name, seed } of cases) {
      const result = await failure(planted, name, { runs: 100, seed });
      const file = join(dir, `${name.toLowerCase()}.feature`);
      await writeFile(file, `Feature: pasted ${name}\n\n${result.gherkin}`);
      files.push(file);
      found.push(result.gherkin);
    }
    const outcome = runFeatures(dir, files, [support]);
    assert.equal(outcome.success, false);
    const failed = outcome.failures.filter((f) => f.startsWith('FAILED'));
    assert.equal(failed.length, cases.length, `one failing step per pasted scenario:\n${outcome.failures.join('\n')}`);
    cases.forEach(({ name, reason }, i) => {
      assert.ok(failed.some((f) => reason.test(f)), `${name} failed for another reason:\n${outcome.failures.join('\n')}\n${found[i]}`);
    });
  });
});
