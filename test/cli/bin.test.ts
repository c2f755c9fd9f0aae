import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shopDomain, spawnBin } from './cliHarness';

describe('bin/eventspec.js', () => {
  it('runs as a process: help, a typo, a catalog, with exit codes', () => {
    const help = spawnBin(['--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: eventspec/);

    const typo = spawnBin(['inpsect', 'Order-o-1']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown command 'inpsect'\n\(Did you mean inspect\?\)/);

    const catalog = spawnBin(['catalog', '--domain', shopDomain]);
    assert.equal(catalog.code, 0, catalog.stderr);
    assert.equal(JSON.parse(catalog.stdout)['x-eventspec'].domain, 'shop');
  });
});
