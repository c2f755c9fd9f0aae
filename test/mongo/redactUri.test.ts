import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactSecrets, redactUri } from '../../src/mongo';
import { secretsOf } from '../../src/mongo/redactUri';

describe('redactUri', () => {
  const cases: [string, string][] = [
    ['mongodb://alice:s3cret@db.example:27017/app?replicaSet=rs0', 'mongodb://***@db.example:27017/app?replicaSet=rs0'],
    ['mongodb+srv://alice:p%40ss@cluster0.example.net/?retryWrites=true', 'mongodb+srv://***@cluster0.example.net/?retryWrites=true'],
    ['mongodb://h1:1,h2:2,h3:3/?replicaSet=rs', 'mongodb://h1:1,h2:2,h3:3/?replicaSet=rs'],
    ['mongodb://u:p@h1,h2/db', 'mongodb://***@h1,h2/db'],
    ['mongodb://localhost', 'mongodb://localhost'],
    ['mongodb://h/?authMechanismProperties=AWS_SESSION_TOKEN:abc&tlsCertificateKeyFilePassword=pw&w=majority&flag', 'mongodb://h/?authMechanismProperties=***&tlsCertificateKeyFilePassword=***&w=majority&flag'],
    ['mongodb://u:p@h/#frag', 'mongodb://***@h/#***'],
    ['mongodb://h/?bad%ZZname=x', 'mongodb://h/?bad%ZZname=x'],
  ];
  for (const [uri, expected] of cases) it(`redacts ${expected}`, () => assert.equal(redactUri(uri), expected));

  // The driver refuses these ("Password contains unescaped characters") and the store's error shows
  // the redacted string, so a password cut short at its / ? or # must not show either.
  const malformed: [string, string, string][] = [
    ['mongodb://alice:pa/ss@db.example/app', 'pa/ss', 'mongodb://***@db.example/app'],
    ['mongodb://alice:p?ss@db.example:27017/?w=1', 'p?ss', 'mongodb://***@db.example:27017/?w=1'],
    ['mongodb://alice:p#ss@db.example', 'p#ss', 'mongodb://***@db.example'],
    ['mongodb://alice:p@s/s@h1,h2/db', 'p@s/s', 'mongodb://***@h1,h2/db'],
  ];
  for (const [uri, password, expected] of malformed) {
    it(`redacts a password with unescaped characters: ${expected}`, () => {
      assert.equal(redactUri(uri), expected);
      const shown = redactSecrets(`bad ${uri} for alice with ${password}`, uri);
      assert.ok(!shown.includes(password) && !shown.includes('alice'), shown);
    });
  }

  it('an @ inside an option value is not user info', () => {
    assert.equal(redactUri('mongodb://h/?appName=me@work&w=1'), 'mongodb://h/?appName=me@work&w=1');
    assert.equal(redactUri('mongodb://u:p@h/db?appName=me@work'), 'mongodb://***@h/db?appName=me@work');
    assert.deepEqual(secretsOf('mongodb://h/?appName=me@work&w=1'), []);
  });

  it('does not echo a string that is not a connection string at all', () => {
    const shown = redactUri('user:secret@nowhere');
    assert.doesNotMatch(shown, /secret/);
  });
});

describe('redactSecrets', () => {
  const uri = 'mongodb://alice:s%40cret@db.example/?password=pw2&w=1';

  it('removes the whole uri, the user info (raw and decoded) and secret options from a message', () => {
    const message = `failed ${uri} for alice with s@cret and s%40cret and pw2`;
    const shown = redactSecrets(message, uri);
    assert.doesNotMatch(shown, /s@cret|s%40cret|pw2|alice/);
    assert.match(shown, /mongodb:\/\/\*\*\*@db\.example/);
  });

  it('leaves a message alone when there is no uri', () => assert.equal(redactSecrets('plain', undefined), 'plain'));

  it('finds nothing secret in a string that is not a connection string', () => assert.deepEqual(secretsOf('nope'), []));

  it('finds the user info without options, and options without user info', () => {
    assert.deepEqual(secretsOf('mongodb://user:pw@h'), ['user', 'pw']);
    assert.deepEqual(secretsOf('mongodb://h/?password=pw'), ['pw']);
  });

  it('lists secrets longest first and never the empty string', () => {
    assert.deepEqual(secretsOf('mongodb://ab:@h/?token=&secret=xyz&noValue'), ['xyz', 'ab']);
  });
});
