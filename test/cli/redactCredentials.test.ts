import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactCredentials, scrubError } from '../../src/cli';

describe('redactCredentials', () => {
  it('hides the user info of any URI in the text', () => {
    assert.equal(
      redactCredentials('failed: mongodb+srv://bob:p%40ss@cluster0.example.net/db and mongodb://u:p@h1,h2/x'),
      'failed: mongodb+srv://***@cluster0.example.net/db and mongodb://***@h1,h2/x',
    );
  });

  it('hides the user name and password of the given URI wherever they appear, raw or decoded', () => {
    const uri = 'mongodb://svc-user:p%40ss-word@db:27017/shop';
    assert.equal(redactCredentials('auth failed for svc-user with p@ss-word / p%40ss-word', uri), 'auth failed for *** with *** / ***');
  });

  it('leaves text without credentials alone', () => {
    assert.equal(redactCredentials('mongodb://localhost:27017/shop is down', 'mongodb://localhost:27017/shop'), 'mongodb://localhost:27017/shop is down');
  });

  it('scrubs an error, its stack and its causes', () => {
    const uri = 'mongodb://alice:hunter22@db/shop';
    const error = scrubError(new Error('outer', { cause: new Error(`inner ${uri} hunter22`) }), uri);
    assert.doesNotMatch(`${error.stack}${(error.cause as Error).message}${(error.cause as Error).stack}`, /hunter22/);
  });
});

describe('openMongoStoresFromUri (command line)', () => {
  it('never echoes a connection string written without its scheme, which still holds a password', async () => {
    const { openMongoStoresFromUri } = await import('../../src/cli');
    await assert.rejects(openMongoStoresFromUri('admin:hunter22@db.example.com/shop'), (error: Error) => {
      assert.match(error.message, /--mongo expects a MongoDB connection string/);
      assert.doesNotMatch(error.message, /hunter22/);
      return true;
    });
  });
});
