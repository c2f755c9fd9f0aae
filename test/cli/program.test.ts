import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli';
import { captureIO, repoRoot, run } from './cliHarness';

const COMMANDS = ['test', 'catalog', 'inspect', 'init', 'new'];

describe('eventspec program', () => {
  it('lists every command in --help and exits 0', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Usage: eventspec \[options\] \[command\]/);
    for (const command of COMMANDS) assert.match(stdout, new RegExp(`^  ${command}\\b`, 'm'), `${command} missing from help`);
    assert.match(stdout, /Exit codes: 0 ok, 1 failures.*2 usage error/);
  });

  for (const argv of [['test', '--help'], ['catalog', '--help'], ['inspect', '--help'], ['init', '--help'], ['new', 'aggregate', '--help'], ['help', 'catalog']]) {
    it(`answers ${argv.join(' ')} with that command's usage`, async () => {
      const { code, stdout } = await run(argv);
      assert.equal(code, 0);
      const name = argv[0] === 'help' ? argv[1] : argv.slice(0, -1).join(' ');
      assert.match(stdout, new RegExp(`^Usage: eventspec ${name}\\b`));
      assert.match(stdout, /-h, --help/);
    });
  }

  it('prints its version', async () => {
    const { code, stdout } = await run(['--version']);
    assert.equal(code, 0);
    assert.match(stdout, /^\d+\.\d+\.\d+/);
  });

  it('suggests the closest command for a typo and exits 2', async () => {
    const { code, stdout, stderr } = await run(['catalgo']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /unknown command 'catalgo'/);
    assert.match(stderr, /Did you mean catalog\?/);
  });

  it('suggests the closest option for a typo and exits 2', async () => {
    const { code, stderr } = await run(['test', '--stroe', 'mongo']);
    assert.equal(code, 2);
    assert.match(stderr, /unknown option '--stroe'/);
    assert.match(stderr, /Did you mean --store\?/);
  });

  it('refuses a value outside the choices and exits 2', async () => {
    const { code, stderr } = await run(['test', '--store', 'postgres']);
    assert.equal(code, 2);
    assert.match(stderr, /Allowed choices are memory, mongo/);
  });

  it('shows help and exits 2 when no command is given', async () => {
    const { code, stderr } = await run([]);
    assert.equal(code, 2);
    assert.match(stderr, /Usage: eventspec/);
  });

  it('exits 2 for a missing argument', async () => {
    const { code, stderr } = await run(['inspect']);
    assert.equal(code, 2);
    assert.match(stderr, /missing required argument 'streamId'/);
  });

  it('colors errors on a terminal only, and never with NO_COLOR', async () => {
    const escape = '\u001b[';
    assert.equal((await run(['catalgo'])).stderr.includes(escape), false);
    const terminal = captureIO(repoRoot, {}, true);
    await runCli(['catalgo'], terminal.io);
    assert.equal(terminal.stderr().includes(escape), true);
    const noColor = captureIO(repoRoot, { NO_COLOR: '1' }, true);
    await runCli(['catalgo'], noColor.io);
    assert.equal(noColor.stderr().includes(escape), false);
  });
});
