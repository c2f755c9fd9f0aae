import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTestMongo, HOW_TO_ENABLE, localMongod } from '../../src/mongo';

describe('finding a MongoDB for tests', () => {
  it('MONGODB_URI wins, and nothing is started for it', async () => {
    const found = await findTestMongo({ MONGODB_URI: ' mongodb://db.example/?replicaSet=rs0 ' });
    assert.ok('uri' in found);
    assert.equal(found.uri, 'mongodb://db.example/?replicaSet=rs0');
    assert.equal(found.source, 'MONGODB_URI');
    await found.stop();
  });

  it('a MONGOMS_SYSTEM_BINARY that is not there is a skip that says so', async () => {
    const found = await findTestMongo({ MONGOMS_SYSTEM_BINARY: '/no/such/mongod' });
    assert.ok('skip' in found);
    assert.match(found.skip, /MONGOMS_SYSTEM_BINARY is \/no\/such\/mongod, but there is no file there/);
    assert.ok(found.skip.includes(HOW_TO_ENABLE));
  });

  it('a MONGOMS_SYSTEM_BINARY that is there is used as the binary', async () => {
    assert.deepEqual(await localMongod({ MONGOMS_SYSTEM_BINARY: process.execPath }), { binary: process.execPath });
  });

  it('with nothing set, either a cached mongod or a skip that says how to enable the tests (never a download)', async (t) => {
    const local = await localMongod({});
    // Which branch this machine took is part of the result: say it in the report.
    t.diagnostic('skip' in local ? `no cached mongod here: checked the skip reason` : `cached mongod at ${local.binary}: checked it is used`);
    if ('skip' in local) {
      assert.match(local.skip, /MONGODB_URI .*MONGOMS_SYSTEM_BINARY/);
      const found = await findTestMongo({});
      assert.deepEqual(found, local);
    } else {
      assert.ok(local.binary.length > 0);
    }
  });
});

describe('the test replica set', () => {
  it('starts with test commands enabled, so fail-point tests run instead of skipping (A13)', async () => {
    const { testReplSetOptions } = await import('../../src/mongo/testMongo');
    const options = testReplSetOptions('/usr/bin/mongod');
    assert.deepEqual(options.replSet.args, ['--setParameter', 'enableTestCommands=1']);
    assert.equal(options.replSet.count, 1);
    assert.equal(options.binary.systemBinary, '/usr/bin/mongod');
  });
});
