import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../src/cli';
import { captureIO, repoRoot, run, shopDomain } from './cliHarness';

const temp = mkdtempSync(join(tmpdir(), 'eventspec-check-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A config module beside the shop domain, exporting `checks` as written in `checks`. */
function config(name: string, checks: string): string {
  const file = join(temp, `${name}.config.js`);
  writeFileSync(file, `exports.domain = require(${JSON.stringify(shopDomain)}).domain;\nexports.checks = ${checks};\n`);
  return file;
}

// A model that expects every ShipOrder to be refused: wrong once an order is placed.
const refusingModel = `{ Order: { model: {
  initial: () => ({}),
  run: (model, command) => ({ model, expect: command.type === 'ShipOrder' ? { rejected: 'OrderNotPlaced' } : { accepted: true } }),
} } }`;

describe('eventspec check', () => {
  it('prints its results on stdout, without colors under NO_COLOR even on a terminal', async () => {
    const captured = captureIO(temp, { NO_COLOR: '1' }, true);
    assert.equal(await runCli(['check', 'Order', '--runs', '5', '--seed', '1', '--domain', config('colors', 'undefined')], captured.io), 0, captured.stderr());
    assert.match(captured.stdout(), /^✓ Order: \d+ cases passed in [\d.]+s \(seed 1\)\nall 1 aggregate\(s\) passed their checks\n$/);
    assert.doesNotMatch(captured.stdout() + captured.stderr(), /\x1b\[3\dm/);
  });

  it('prints one JSON document with --json, a failure with its scenario', async () => {
    const { code, stdout, stderr } = await run(['check', 'Order', '--runs', '50', '--seed', '1', '--json', '--domain', config('json', refusingModel)], temp);
    assert.equal(code, 1, stderr);
    const report = JSON.parse(stdout) as { passed: boolean; aggregates: { aggregate: string; status: string; seed: number; gherkin?: string }[] };
    assert.equal(report.passed, false);
    assert.deepEqual(report.aggregates.map((a) => [a.status, a.seed]), [['failed', 1]]);
    assert.match(report.aggregates[0]!.gherkin ?? '', /Then the command is rejected with "OrderNotPlaced"/);
  });

  it('refuses --runs 0 as a usage mistake, naming the option', async () => {
    const { code, stderr } = await run(['check', '--runs', '0', '--domain', config('zero', 'undefined')], temp);
    assert.equal(code, 2);
    assert.match(stderr, /--runs takes a whole number above 0 \(the command sequences tried per aggregate\), not 0/);
  });

  it('passes on the domain alone', async () => {
    const { code, stderr } = await run(['check', '--runs', '20', '--domain', config('plain', 'undefined')], temp);
    assert.equal(code, 0, stderr);
  });

  it('uses the models and arbitraries the config module exports as `checks`', async () => {
    const { code, stdout, stderr } = await run(['check', 'Order', '--runs', '50', '--seed', '1', '--domain', config('model', refusingModel)], temp);
    assert.equal(code, 1, stderr);
    assert.match(stdout, /Then the command is rejected with "OrderNotPlaced"/);
    // The kit's own fc: an arbitrary the contract refuses is reported, so it was used.
    const fc = `require(${JSON.stringify(join(repoRoot, 'src'))}).fc`;
    const arbitrary = `{ Order: { arbitraries: { ShipOrder: ${fc}.record({ carrier: ${fc}.constant('') }) } } }`;
    const refused = await run(['check', 'Order', '--runs', '20', '--domain', config('arbitrary', arbitrary)], temp);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /the test data made for ShipOrder does not fit its contract — carrier: .*fix the arbitrary given for ShipOrder/);
  });

  it('refuses checks for an aggregate the domain does not have, or checks of the wrong shape (exit 2)', async () => {
    const unknown = await run(['check', '--domain', config('unknown', '{ Ordr: {} }')], temp);
    assert.equal(unknown.code, 2, unknown.stderr);
    assert.match(unknown.stderr, /unknown aggregate `Ordr` — did you mean `Order`\?/);
    const shape = await run(['check', '--domain', config('shape', '42')], temp);
    assert.equal(shape.code, 2, shape.stderr);
    assert.match(shape.stderr, /`checks` must map aggregate names to check options/);
  });
});
