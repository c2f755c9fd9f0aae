import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const feature = 'test/gherkin/fixtures/misspelled-names.feature';

function dryRun(...extra: string[]): { status: number | null; output: string; stdout: string } {
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), '--config', 'test/gherkin/fixtures/cucumber.js', '--dry-run', ...extra, feature],
    { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
  );
  return { status: result.status, output: result.stdout + result.stderr, stdout: result.stdout };
}

function listedMisspellings(stdout: string): string[] {
  return stdout.slice(stdout.lastIndexOf('\neventspec: ')).trim().split('\n');
}

describe('a dry run over misspelled domain names', () => {
  let run: { status: number | null; output: string; stdout: string };
  before(() => {
    run = dryRun();
  });

  it('fails, though cucumber lets a dry run with undefined steps pass', () => {
    assert.equal(run.status, 1, run.output);
  });

  it('names each misspelling with its file, line and the closest name of the domain', () => {
    const listed = listedMisspellings(run.stdout);
    assert.deepEqual(listed, [
      'eventspec: 5 misspelled names in the feature files (a dry run fails on them):',
      `  ${feature}:4: unknown command \`PlaceOrdr\` — did you mean \`PlaceOrder\`?`,
      `  ${feature}:8: unknown aggregate \`Ordr\` — did you mean \`Order\`?`,
      `  ${feature}:11: unknown event \`OrderShiped\` — did you mean \`OrderShipped\`?`,
      `  ${feature}:14: unknown rejection \`OrderAlreadyShiped\` — did you mean \`OrderAlreadyShipped\`?`,
      `  ${feature}:17: unknown read model \`OrderSumary\` — did you mean \`OrderSummary\`?`,
    ]);
  });

  it('suggests each undefined step as the user wrote it, corrected, before the snippet', () => {
    const told = `// Did you mean (${feature}:21):\n         //   When Order "o-1" is sent ShipOrder\n         // Or define a new step:\n`;
    assert.ok(run.output.includes(told), `no suggestion for line 21:\n${run.output}`);
  });

  it('offers no snippet where only a name is wrong: the step exists, defining it again would make it ambiguous', () => {
    for (const [line, name, suggestion] of [
      [4, 'unknown command `PlaceOrdr` — did you mean `PlaceOrder`?', 'When Order "o-1" is sent PlaceOrder:'],
      [8, 'unknown aggregate `Ordr` — did you mean `Order`?', 'Given Order "o-1" has recorded OrderPlaced'],
    ] as const) {
      const told = `// ${feature}:${line}: ${name}\n         //   ${suggestion}\n\n`;
      assert.ok(run.output.includes(told), `no correction "${suggestion}" for line ${line}:\n${run.output}`);
    }
    assert.doesNotMatch(run.output, /Given\('Ordr \{string\}/);
  });

  it('tells a bare double quote inside a value, with the line to write, instead of a garbled snippet', () => {
    const told = `// ${feature}:24: a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: Order "o-\\"1" has recorded OrderPlaced\n`;
    assert.ok(run.output.includes(told), run.output);
    assert.doesNotMatch(run.output, /Order "o-\{string\}/);
  });
});

describe('a parallel dry run over misspelled domain names', () => {
  it('fails and lists the same misspellings as a serial one: the workers do not hide them', () => {
    const serial = dryRun();
    const parallel = dryRun('--parallel', '2');
    assert.equal(parallel.status, 1, parallel.output);
    assert.deepEqual(listedMisspellings(parallel.stdout), listedMisspellings(serial.stdout));
    assert.equal(listedMisspellings(parallel.stdout).length, 6);
  });
});
