#!/usr/bin/env node
// The main job: run the example specifications on the embedded in-memory store, then summarise
// the run from its Cucumber message stream.
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const messages = join(root, 'reports', 'cucumber.ndjson');

const run = spawnSync(process.execPath, [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

if (!existsSync(messages)) {
  console.error(`\nno message stream at ${messages}: the run did not get far enough to write one`);
  process.exit(run.status ?? 1);
}
console.log(`\n${summarise(readFileSync(messages, 'utf8'))}`);
console.log(`\nreports: reports/cucumber.junit.xml, reports/cucumber.ndjson`);
process.exit(run.status ?? 1);

/** Scenario counts per feature and status, read back from what cucumber wrote. */
function summarise(ndjson) {
  const envelopes = ndjson.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const featureOf = new Map();
  const pickles = new Map();
  const testCases = new Map();
  const started = new Map();
  const worst = new Map();
  const rank = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];
  for (const e of envelopes) {
    if (e.gherkinDocument) featureOf.set(e.gherkinDocument.uri, e.gherkinDocument.feature?.name ?? e.gherkinDocument.uri);
    if (e.pickle) pickles.set(e.pickle.id, e.pickle);
    if (e.testCase) testCases.set(e.testCase.id, e.testCase.pickleId);
    if (e.testCaseStarted) started.set(e.testCaseStarted.id, e.testCaseStarted.testCaseId);
    if (e.testStepFinished) {
      const id = e.testStepFinished.testCaseStartedId;
      const status = e.testStepFinished.testStepResult.status;
      if (rank.indexOf(status) > rank.indexOf(worst.get(id) ?? 'PASSED')) worst.set(id, status);
      else if (!worst.has(id)) worst.set(id, status);
    }
  }
  const rows = new Map();
  const totals = {};
  for (const [startedId, testCaseId] of started) {
    const pickle = pickles.get(testCases.get(testCaseId));
    const feature = featureOf.get(pickle.uri) ?? pickle.uri;
    const status = (worst.get(startedId) ?? 'PASSED').toLowerCase();
    const row = rows.get(feature) ?? {};
    row[status] = (row[status] ?? 0) + 1;
    rows.set(feature, row);
    totals[status] = (totals[status] ?? 0) + 1;
  }
  const describe = (counts) => Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(', ');
  const width = Math.max(...[...rows.keys()].map((f) => f.length), 7);
  const lines = ['Scenario summary (in-memory store)', ...[...rows].map(([feature, counts]) => `  ${feature.padEnd(width)}  ${describe(counts)}`)];
  const all = Object.values(totals).reduce((a, b) => a + b, 0);
  lines.push(`  ${'total'.padEnd(width)}  ${all} scenarios: ${describe(totals)}`);
  return lines.join('\n');
}
