// Runs feature files through cucumber-js's programmatic API in a process of its own (cucumber keeps
// its step registry per process) and prints, as JSON, whether they passed and why each step failed.
import { Writable } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';

async function main(): Promise<void> {
  const { cwd, paths, require } = JSON.parse(process.argv[2]!) as { cwd: string; paths: string[]; require: string[] };
  const { runConfiguration } = await loadConfiguration({ file: false, provided: { paths, require, format: [] } }, { cwd });
  const failures: string[] = [];
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const result = await runCucumber(runConfiguration, { cwd, stdout: sink, stderr: process.stderr }, (envelope) => {
    const step = envelope.testStepFinished;
    if (step && step.testStepResult.status !== 'PASSED') failures.push(`${step.testStepResult.status}: ${step.testStepResult.message ?? ''}`);
  });
  process.stdout.write(JSON.stringify({ success: result.success, failures }));
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(2);
});
