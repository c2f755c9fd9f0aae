import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeConnectionString, redactCredentials } from '../../src/core/redactCredentials';

describe('looksLikeConnectionString', () => {
  const cases: [string, boolean][] = [
    ['Order-o-1', false],
    ['Order-2025-03-01T10:00', false],
    ['mongodb://db/shop', true],
    ['mongodb+srv://bob:pw@cluster0.example.net', true],
    ['bob:hunter2@db/shop', true],
    ['Order-x?password=pw', true],
  ];
  for (const [text, expected] of cases) it(`${text} → ${expected}`, () => assert.equal(looksLikeConnectionString(text), expected));
});

describe('redactCredentials', () => {
  it('is idempotent: redacting twice changes nothing more', () => {
    const once = redactCredentials('mongodb://bob:hunter 2@db/shop?password=x and bob:pw@h', 'mongodb://bob:hunter 2@db/shop?password=x');
    assert.equal(redactCredentials(once), once);
    assert.doesNotMatch(once, /hunter|password=x|bob/);
  });
});
