import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from '../../src';
import { ok, problem } from './cellReading';

// The cases the mutation run showed untested (docs/testing.md): each pins one branch of coerceCell.

describe('coerceCell, case by case', () => {
  it('reads numbers with a leading dot or an exponent', () => {
    assert.equal(ok(z.number(), '.5'), 0.5);
    assert.equal(ok(z.number(), '.25'), 0.25);
    assert.equal(ok(z.number(), '1e3'), 1000);
    assert.equal(ok(z.number(), '1e10'), 1e10);
    assert.equal(ok(z.number(), '1e+10'), 1e10);
    assert.equal(ok(z.number(), '2.5E-2'), 0.025);
    assert.match(problem(z.number(), '1e'), /"1e" is not a number/);
    assert.match(problem(z.number(), '.'), /"\." is not a number/);
  });

  it('reads false, n and y in a boolean column', () => {
    assert.equal(ok(z.boolean(), 'false'), false);
    assert.equal(ok(z.boolean(), 'FALSE'), false);
    assert.equal(ok(z.boolean(), 'n'), false);
    assert.equal(ok(z.boolean(), 'y'), true);
  });

  it('reads other values than null in a nullable column as the column type', () => {
    assert.equal(ok(z.number().nullable(), '5'), 5);
    assert.equal(ok(z.number().nullable(), 'null'), null);
    assert.equal(ok(z.string(), 'null'), 'null');
  });

  it('reads whole numbers for a bigint column, and refuses anything else', () => {
    assert.equal(ok(z.bigint(), '12'), 12n);
    assert.equal(ok(z.bigint(), '-7'), -7n);
    assert.equal(ok(z.bigint(), '+3'), 3n);
    assert.equal(problem(z.bigint(), '1.5'), '"1.5" is not a whole number');
    assert.equal(problem(z.bigint(), '12 apples'), '"12 apples" is not a whole number');
    assert.equal(problem(z.bigint(), 'x12'), '"x12" is not a whole number');
  });

  it('prefers the enum option written exactly as the cell, then one differing in case', () => {
    assert.equal(ok(z.enum(['a', 'A']), 'A'), 'A');
    assert.equal(ok(z.enum(['a', 'A']), 'a'), 'a');
    assert.equal(ok(z.enum(['Red', 'Green']), 'red'), 'Red');
  });

  it('refuses an enum cell with nothing close, listing the options without a guess', () => {
    assert.equal(problem(z.enum(['red', 'green']), 'xyzzyqwerty'), '"xyzzyqwerty" is not one of "red", "green"');
  });

  it('refuses a literal cell naming every allowed value', () => {
    assert.equal(problem(z.literal(['a', 'b']), 'c'), '"c" must be "a" or "b"');
    assert.equal(ok(z.literal(['a', 'b']), 'b'), 'b');
  });

  it('reads a union cell as the first option that coerces it and accepts the value', () => {
    assert.equal(ok(z.union([z.boolean(), z.number()]), 'yes'), true);
    assert.equal(ok(z.union([z.boolean(), z.number()]), '12'), 12);
    const date = ok(z.union([z.date(), z.number()]), '2025-03-01');
    assert.ok(date instanceof Date, `expected a Date, got ${String(date)}`);
    assert.equal(date.toISOString(), '2025-03-01T00:00:00.000Z');
    // The number option coerces "5", but the value is refused by min(10): the string option takes it.
    assert.equal(ok(z.union([z.number().min(10), z.string()]), '5'), '5');
  });

  it('reads a union cell that no option takes as the cell says, for the schema to judge', () => {
    assert.equal(ok(z.union([z.boolean(), z.number()]), 'maybe'), 'maybe');
    assert.equal(ok(z.union([z.boolean(), z.number().min(10)]), '5'), 5);
  });

  it('reads JSON-looking cells of an untyped column as JSON, and other text as text', () => {
    assert.equal(ok(z.unknown(), 'hello'), 'hello');
    assert.equal(ok(z.unknown(), '12'), 12);
    assert.equal(ok(z.unknown(), '-3'), -3);
    assert.equal(ok(z.unknown(), 'true'), true);
    assert.equal(ok(z.unknown(), 'false'), false);
    assert.equal(ok(z.unknown(), 'null'), null);
    assert.deepEqual(ok(z.unknown(), '{"a":1}'), { a: 1 });
    assert.equal(ok(z.unknown(), '12 apples'), '12 apples');
  });

  it('refuses broken JSON in a list column, saying it is not valid JSON', () => {
    assert.equal(problem(z.array(z.number()), '[1, 2'), '"[1, 2" starts like JSON but is not valid JSON (it ends too early); write a list as red, green (or as JSON: ["red", "green"]), an object as JSON: {"field": "value"}');
    assert.equal(problem(z.array(z.number()), '[1 2]'), '"[1 2]" starts like JSON but is not valid JSON (it breaks off at character 4); write a list as red, green (or as JSON: ["red", "green"]), an object as JSON: {"field": "value"}');
    assert.deepEqual(ok(z.array(z.number()), '1, 2'), [1, 2]);
  });

  it('without a schema, reads numbers in any written form, booleans and null', () => {
    assert.equal(ok(undefined, '+3'), 3);
    assert.equal(ok(undefined, '.5'), 0.5);
    assert.equal(ok(undefined, '007'), 7);
    assert.equal(ok(undefined, 'false'), false);
    assert.equal(ok(undefined, 'true'), true);
    assert.equal(ok(undefined, 'null'), null);
    assert.equal(ok(undefined, 'hello'), 'hello');
  });
});
