import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from '../../src';
import { buildData, checkData, singleRecord } from '../../src/gherkin/readTable';
import { ScenarioError } from '../../src/gherkin/scenarioError';

const place = { uri: 'features/x.feature', line: 10, text: 'step', rows: [{ line: 11, columns: [7, 20] }, { line: 12, columns: [7, 20] }, { line: 13, columns: [7, 20] }] };
const fields = new Set(['carrier', 'note', 'address.city']);
const isField = (name: string) => fields.has(name);
const names = (rows: string[][]) => singleRecord(rows, isField, place, 'a command').map((f) => `${f.name}=${f.text}`);

describe('tables that describe one thing', () => {
  it('reads vertical tables, with or without a field|value header', () => {
    assert.deepEqual(names([['carrier', 'DHL']]), ['carrier=DHL']);
    assert.deepEqual(names([['carrier', 'DHL'], ['note', 'fragile']]), ['carrier=DHL', 'note=fragile']);
    assert.deepEqual(names([['field', 'value'], ['carrier', 'DHL']]), ['carrier=DHL']);
  });

  it('reads a header row with one row of values', () => {
    assert.deepEqual(names([['carrier', 'note'], ['DHL', 'fragile']]), ['carrier=DHL', 'note=fragile']);
    assert.deepEqual(names([['carrier', 'note', 'address.city'], ['DHL', 'x', 'Utrecht']]), ['carrier=DHL', 'note=x', 'address.city=Utrecht']);
  });

  it('refuses a horizontal table with several rows, saying what shapes work', () => {
    assert.throws(() => names([['carrier', 'note', 'address.city'], ['DHL', 'x', 'y'], ['UPS', 'z', 'w']]), (error: unknown) => {
      assert.ok(error instanceof ScenarioError);
      assert.match(error.message, /^features\/x\.feature:10: a table for a command has either one "\| field \| value \|" row per field/);
      return true;
    });
  });

  it('builds nested data from dotted columns and points errors at their cell', () => {
    const schema = z.object({ carrier: z.string(), address: z.object({ city: z.string(), zip: z.number() }) });
    const built = buildData(singleRecord([['carrier', 'DHL'], ['address.city', 'Utrecht']], isField, place, 'x'), schema, 'Ship', place);
    assert.deepEqual(built.data, { carrier: 'DHL', address: { city: 'Utrecht' } });
    assert.throws(() => buildData([{ name: 'address.zip', text: 'abc', ref: { row: 2, column: 'address.zip' } }], schema, 'Ship', place), {
      message: 'features/x.feature:13 (column "address.zip"): "abc" is not a number; write it like 20 or 20.00 (a dot for decimals, no currency sign)',
    });
    assert.throws(() => buildData([{ name: 'adress.city', text: 'x', ref: { row: 0, column: 'adress.city' } }], schema, 'Ship', place), /Ship has no field `adress.city` — did you mean `address.city`\?/);
  });
});

describe('a doc string\'s JSON as a contract reads it', () => {
  const AddBook = z.object({ title: z.string(), copies: z.number(), due: z.date().optional() });
  const check = (json: unknown) => checkData(AddBook, json, 'AddBook', new Map(), place, {}, 'docString');
  const problem = (json: unknown) => {
    try {
      check(json);
    } catch (error) {
      return (error as ScenarioError).problem;
    }
    return 'accepted';
  };

  it('refuses a field the contract does not have, as a table refuses the column', () => {
    assert.equal(problem({ title: 'Dune', copies: 2, author: 'Herbert' }), 'AddBook has no field `author` — expected a field such as `title`, `copies`, `due`; write only its fields in the doc string\'s JSON');
    assert.match(problem({ title: 'Dune', copis: 2 }), /^AddBook has no field `copis` — did you mean `copies`/);
  });

  it('asks to add a field only when it is missing, not when its value has the wrong type', () => {
    assert.doesNotMatch(problem({ title: 'Dune', copies: '2' }), /add "copies"/);
    assert.match(problem({ title: 'Dune' }), /add "copies" to the doc string's JSON/);
  });

  it('reads ISO text where the contract asks for a Date, and refuses other text with the rule', () => {
    assert.deepEqual(check({ title: 'Dune', copies: 1, due: '2025-03-01' }), { title: 'Dune', copies: 1, due: new Date('2025-03-01T00:00:00Z') });
    assert.match(problem({ title: 'Dune', copies: 1, due: '03/01/2025' }), /^AddBook is not valid: due: "03\/01\/2025" is not a date or time eventspec reads/);
  });
});
