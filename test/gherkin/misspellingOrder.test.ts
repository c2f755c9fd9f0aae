import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byPlace } from '../../src/gherkin/snippetSyntax';

describe('the misspellings a dry run lists', () => {
  it('come in file, then line order whatever order the scenarios finished in (a parallel run)', () => {
    const found = [
      'features/b.feature:3: unknown command `X`',
      'features/a.feature:10: unknown event `Y`',
      'features/a.feature:9: unknown aggregate `Z`',
      'features/a.feature:9: unknown command `W`',
    ];
    assert.deepEqual([...found].sort(byPlace), [
      'features/a.feature:9: unknown aggregate `Z`',
      'features/a.feature:9: unknown command `W`',
      'features/a.feature:10: unknown event `Y`',
      'features/b.feature:3: unknown command `X`',
    ]);
  });
});
