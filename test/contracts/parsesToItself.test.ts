import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { parsesToItself } from '../../src/contracts/parsesToItself';
import { domain } from '../../src/domains';

const BANG = z.string().transform((s) => `${s}!`);
const fake = (def: object) => ({ _zod: { def } }) as unknown as z.ZodType;

describe('parsesToItself: whether a second parse could change a contract\'s output', () => {
  const yes: [string, z.ZodType][] = [
    ['plain fields, built-in checks, optional, nullable', z.object({ a: z.number().positive().int().max(9), b: z.string().optional(), d: z.string().email().min(3).nullable(), m: z.string().regex(/a/) })],
    ['arrays, tuples, records', z.object({ l: z.array(z.number().int()).min(1), t: z.tuple([z.string(), z.boolean()]), r: z.record(z.string(), z.number()) })],
    ['a discriminated union', z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b'), v: z.date() })])],
    ['strict and loose objects, unknown, any, enum', z.object({ s: z.strictObject({ a: z.string() }), p: z.looseObject({}), u: z.unknown(), y: z.any(), e: z.enum(['a', 'b']) })],
    ['a catchall, a tuple with a rest, nonoptional', z.object({ a: z.string() }).catchall(z.number()).extend({ t: z.tuple([z.string()], z.number()), n: z.string().optional().nonoptional() })],
    ['every refusing check: bounds, multiples, formats, lengths', z.object({ n: z.number().gt(0).lt(10).multipleOf(2).int(), s: z.string().min(1).max(5).length(3).email(), l: z.array(z.string()).length(2) })],
    ['null, undefined, a template literal, a literal, a date, never', z.object({ a: z.null(), b: z.undefined(), t: z.templateLiteral(['order-', z.number()]), l: z.literal('x'), d: z.date(), v: z.never().optional() })],
    ['the same schema in several fields', (() => {
      const money = z.number().positive();
      return z.object({ price: money, total: money, lines: z.array(z.object({ amount: money })) });
    })()],
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
    // zod 4 does not parse a default it fills in: a second parse fills the defaults inside it.
    ['a default', z.object({ c: z.string().default('x') })],
    ['a default holding defaults', z.object({ settings: z.object({ theme: z.string().default('light') }).default({} as { theme: string }) })],
    ['a prefault', z.object({ c: z.string().prefault('x') })],
    // A first parse may pick the second option and keep a field the first option then strips.
    ['a plain union of objects', z.union([z.object({ a: z.string(), x: z.string().optional() }), z.object({ a: z.string(), n: z.number() })])],
    ['a plain union of scalars (any plain union)', z.union([z.string(), z.number()])],
    ['an exclusive union', z.xor([z.object({ a: z.string() }), z.object({ b: z.string() })])],
    ['a refinement (a custom check)', z.string().refine((s) => s.length > 0)],
    ['a superRefine, which may change the value', z.number().superRefine(() => undefined)],
    ['not a zod 4 schema', { parse: (v: unknown) => v } as unknown as z.ZodType],
    // Each container that holds a schema is judged by what it holds.
    ['a transform in a catchall', z.object({ a: z.string() }).catchall(BANG)],
    ['a transform in an array', z.array(BANG)],
    ['a transform in a tuple item', z.tuple([z.number(), BANG])],
    ['a transform in a tuple rest', z.tuple([z.number()], BANG)],
    ['a transform in a record value', z.record(z.string(), BANG)],
    ['an overwrite in a record key', z.record(z.string().trim(), z.number())],
    ['a transform in an option of a discriminated union', z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b'), v: BANG })])],
    ['a transform inside optional', z.object({ a: BANG.optional() })],
    ['a transform inside nullable', z.object({ a: BANG.nullable() })],
    ['a transform inside nonoptional', BANG.optional().nonoptional()],
    ['a schema inside itself (a recursive getter)', (() => {
      const Node: z.ZodType = z.object({ name: z.string(), get children() { return z.array(Node); } });
      return Node;
    })()],
    // Definitions zod 4 never makes: judged no rather than trusted or crashed on.
    ['a union definition without options', fake({ type: 'union', discriminator: 'k' })],
    ['an object definition without a shape', fake({ type: 'object' })],
    ['a definition without a type', fake({ checks: [] })],
    ['a check that is not zod 4\'s own', fake({ type: 'string', checks: [{}] })],
    ['a check without its definition', fake({ type: 'string', checks: [{ _zod: {} }] })],
    ['sets and maps, even with only size checks', z.object({ s: z.set(z.string()).max(3), m: z.map(z.string(), z.number()) })],
  ];
  for (const [what, schema] of yes) it(`yes: ${what}`, () => assert.equal(parsesToItself(schema), true));
  for (const [what, schema] of no) it(`no: ${what}`, () => assert.equal(parsesToItself(schema), false));

  it('for each counterexample judged no, a second parse indeed changes the value or refuses it', () => {
    const changes = (schema: z.ZodType, input: unknown) => {
      const once = schema.parse(input);
      const again = schema.safeParse(once);
      return again.success ? JSON.stringify(again.data) !== JSON.stringify(once) : true;
    };
    assert.equal(changes(z.object({ settings: z.object({ theme: z.string().default('light') }).default({} as { theme: string }) }), {}), true);
    assert.equal(changes(z.union([z.object({ a: z.string(), x: z.string().optional() }), z.object({ a: z.string(), n: z.number() })]), { a: 's', x: 5, n: 1 }), true);
    assert.equal(changes(z.object({ stars: z.number().int().default(2.5) }), {}), true);
  });

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
