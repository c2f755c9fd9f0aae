#!/usr/bin/env node
// The main job: run the example specifications on the embedded in-memory store, summarise the
// run from its Cucumber message stream, and build the living documentation from it.
const { spawnSync } = require('node:child_process');
const { existsSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const messages = join(root, 'reports', 'cucumber.ndjson');

// A stream left by an earlier run must not be summarised as this one's.
rmSync(messages, { force: true });
const run = spawnSync(process.execPath, [join(root, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

if (!existsSync(messages)) {
  console.error(`\nno message stream at ${messages}: the run did not get far enough to write one`);
  process.exit(run.status ?? 1);
}

// Failures are what the documentation shows best, so it is built whatever the run's outcome.
require('ts-node').register({ transpileOnly: true });
const { buildProjectDocs } = require('../src/docs');
const { domain } = require('../src/domains');
const { vocabulary } = require('../src/gherkin/vocabulary');
const docsLines = [];
buildProjectDocs({ domain, vocabulary, cwd: root, log: (line) => docsLines.push(line) }).then((built) => {
  console.log(`\n${summarise(built.data)}`);
  console.log(`\nreports: reports/cucumber.junit.xml, reports/cucumber.ndjson`);
  for (const line of docsLines) console.log(line);
  process.exit(run.status ?? 1);
});

/** Scenario counts per feature and status, as the documentation read them from the run. */
function summarise(data) {
  const rows = new Map();
  const totals = {};
  for (const scenario of data.scenarios) {
    const feature = data.features[scenario.feature]?.name || scenario.uri;
    const row = rows.get(feature) ?? {};
    row[scenario.status] = (row[scenario.status] ?? 0) + 1;
    rows.set(feature, row);
    totals[scenario.status] = (totals[scenario.status] ?? 0) + 1;
  }
  const describe = (counts) => Object.entries(counts).map(([s, n]) => `${n} ${s}`).join(', ');
  const width = Math.max(...[...rows.keys()].map((f) => f.length), 7);
  const lines = ['Scenario summary (in-memory store)', ...[...rows].map(([feature, counts]) => `  ${feature.padEnd(width)}  ${describe(counts)}`)];
  lines.push(`  ${'total'.padEnd(width)}  ${data.scenarios.length} scenarios: ${describe(totals)}`);
  return lines.join('\n');
}
