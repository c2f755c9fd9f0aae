import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { MESSAGE_SHAPES } from '../../src/docs/envelopeShape';
import { quickCheckOf } from '../../src/docs/quickShape';
import { ndjsonOf, samples } from './kitSamples';

const isCount = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v));
type Kind = keyof typeof MESSAGE_SHAPES;
const kinds = Object.keys(MESSAGE_SHAPES) as Kind[];

/** Every message of the compatibility kit's streams whose kind the site reads, with its kind. */
const messages: { kind: Kind; value: unknown }[] = samples.flatMap((name) =>
  readFileSync(ndjsonOf(name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => Object.entries(JSON.parse(line) as Record<string, unknown>).filter(([k]) => kinds.includes(k as Kind)).map(([k, value]) => ({ kind: k as Kind, value }))),
);

describe('quickCheckOf', () => {
  it('passes every message of real streams quickly, as zod does (so zod is not run for them)', () => {
    assert.ok(messages.length > 500, `${messages.length} messages`);
    // The quick check of a message's kind, with the custom whole-number check it cannot read.
    const quick = new Map(kinds.map((k) => [k, quickCheckOf(MESSAGE_SHAPES[k], new Map([[customIn(MESSAGE_SHAPES.testRunStarted), isCount]]))]));
    const slow = messages.filter(({ kind, value }) => !quick.get(kind)!(value));
    assert.deepEqual(slow.map((m) => m.kind), []);
    for (const { kind, value } of messages) assert.ok(MESSAGE_SHAPES[kind].safeParse(value).success, kind);
  });

  it('never passes what zod refuses: damaged messages and arbitrary values', () => {
    const quick = new Map(kinds.map((k) => [k, quickCheckOf(MESSAGE_SHAPES[k], new Map([[customIn(MESSAGE_SHAPES.testRunStarted), isCount]]))]));
    fc.assert(
      fc.property(fc.constantFrom(...messages), fc.array(fc.tuple(fc.nat(), fc.option(fc.jsonValue(), { nil: undefined })), { minLength: 1, maxLength: 3 }), ({ kind, value }, damage) => {
        const damaged = structuredClone(value);
        for (const [at, replacement] of damage) replaceAt(damaged, at, replacement);
        if (quick.get(kind)!(damaged)) assert.ok(MESSAGE_SHAPES[kind].safeParse(damaged).success, JSON.stringify(damaged).slice(0, 300));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.jsonValue(), (kind, value) => {
        if (quick.get(kind)!(value)) assert.ok(MESSAGE_SHAPES[kind].safeParse(value).success);
      }),
    );
  });

  it('leaves to zod what it cannot judge exactly: checks, refinements, strict objects, unknown customs', () => {
    const maybe = [z.string().min(1), z.number().int(), z.custom<string>((v) => typeof v === 'string'), z.strictObject({ a: z.string() }), z.string().refine((s) => s !== 'x'), z.date()];
    for (const schema of maybe) assert.equal(quickCheckOf(schema)('a'), false);
    assert.equal(quickCheckOf(z.object({ a: z.string().min(1) }))({ a: 'ok' }), false);
  });

  it('judges the kinds it knows as zod does', () => {
    const shape = z.object({ s: z.string(), n: z.number().optional(), e: z.enum(['A', 'B']), u: z.union([z.boolean(), z.array(z.string())]) });
    const quick = quickCheckOf(shape);
    for (const value of [
      { s: 'x', e: 'A', u: true },
      { s: 'x', n: 1, e: 'B', u: ['a'], extra: 1 },
      { s: 'x', n: '1', e: 'A', u: true },
      { s: 'x', e: 'C', u: true },
      { s: 'x', e: 'A', u: [1] },
      { s: 'x', n: Number.NaN, e: 'A', u: true },
      [],
      null,
    ]) {
      assert.equal(quick(value), shape.safeParse(value).success, JSON.stringify(value));
    }
  });
});

/** The custom (whole-number) schema inside a message shape: timestamp.seconds. */
function customIn(shape: z.ZodType): z.ZodType {
  return ((shape as z.ZodObject).shape as Record<string, z.ZodObject>).timestamp!.shape.seconds as z.ZodType;
}

/** Replaces (or, for undefined, deletes) the `at`-th value found walking the message. */
function replaceAt(root: unknown, at: number, replacement: unknown): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((item, i) => (slots.push([v, i]), walk(item)));
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) slots.push([v as Record<string, unknown>, k]), walk(item);
  };
  walk(root);
  if (slots.length === 0) return;
  const [parent, key] = slots[at % slots.length]!;
  if (replacement === undefined && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else (parent as Record<string | number, unknown>)[key] = replacement;
}
