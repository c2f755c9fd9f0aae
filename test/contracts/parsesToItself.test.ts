import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { parsesToItself } from '../../src/contracts/parsesToItself';
import { domain } from '../../src/domains';

describe('parsesToItself: whether a second parse could change a contract\'s output', () => {
  const yes: [string, z.ZodType][] = [
    ['plain fields, checks, optional, default', z.object({ a: z.number().positive(), b: z.string().optional(), c: z.string().default('x'), d: z.string().email().nullable() })],
    ['arrays, tuples, records, unions', z.object({ l: z.array(z.number().int()), t: z.tuple([z.string(), z.boolean()]), r: z.record(z.string(), z.number()), u: z.union([z.string(), z.number()]) })],
    ['a discriminated union', z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b'), v: z.date() })])],
    ['strict and loose objects, unknown, any, enum', z.object({ s: z.strictObject({ a: z.string() }), p: z.looseObject({}), u: z.unknown(), y: z.any(), e: z.enum(['a', 'b']) })],
    ['a refinement (it only refuses)', z.string().refine((s) => s.length > 0)],
  ];
  const no: [string, z.ZodType][] = [
    ['a transform', z.object({ a: z.string().transform((s) => `${s}!`) })],
    ['a preprocess', z.object({ a: z.preprocess((v) => v, z.string()) })],
    ['a pipe', z.string().pipe(z.string())],
    ['trim (an overwrite)', z.object({ a: z.string().trim() })],
    ['toLowerCase (an overwrite)', z.string().toLowerCase()],
    ['overwrite', z.number().overwrite((n) => n + 1)],
    ['coercion', z.object({ n: z.coerce.number() })],
    ['catch', z.string().catch('x')],
    ['readonly (freezes its output)', z.array(z.number()).readonly()],
    ['lazy', z.lazy(() => z.string())],
    ['custom / instanceof', z.instanceof(Date)],
    ['a transform deep inside a union', z.union([z.number(), z.array(z.object({ a: z.string().transform((s) => s.length) }))])],
    ['not a zod 4 schema', { parse: (v: unknown) => v } as unknown as z.ZodType],
  ];
  for (const [what, schema] of yes) it(`yes: ${what}`, () => assert.equal(parsesToItself(schema), true));
  for (const [what, schema] of no) it(`no: ${what}`, () => assert.equal(parsesToItself(schema), false));

  it('says yes for the example domains\' events, whose second parse indeed changes nothing', () => {
    let judged = 0;
    for (const aggregate of domain.aggregates) {
      for (const contract of aggregate.events) {
        if (!parsesToItself(contract.schema) || contract.example === undefined) continue;
        judged += 1;
        const once = contract.schema.parse(contract.example);
        assert.deepStrictEqual(contract.schema.parse(once), once, contract.name);
      }
    }
    assert.ok(judged >= 5, `only ${judged} example events judged`);
  });
});
