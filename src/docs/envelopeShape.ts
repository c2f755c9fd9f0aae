import { z } from 'zod';
import { quickCheckOf, type QuickCheck } from './quickShape';

/**
 * The shape of each Cucumber message the documentation reads: the fields it uses, with the types
 * Cucumber's message schema gives them. A line of valid JSON with the wrong shape is refused here,
 * with its file and line, before anything reads a field of it. Fields the site never reads are not
 * checked, so streams from other Cucumber implementations still pass.
 */
const text = z.string();
const id = z.string();
const ids = z.array(id);
// Seconds are an int64: a number, or its digits as a string (protobuf's JSON form).
const isCount = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v));
const count = z.custom<number | string>(isCount, { message: 'should be a whole number' });
const timestamp = z.object({ seconds: count, nanos: z.number() });
const duration = z.object({ seconds: count, nanos: z.number() });
const location = z.object({ line: z.number() });
const tag = z.object({ name: text });
const cells = z.object({ cells: z.array(z.object({ value: text })) });
const docString = z.object({ content: text, mediaType: text.optional() });
const dataTable = z.object({ rows: z.array(cells) });
const exception = z.object({ type: text, message: text.optional(), stackTrace: text.optional() });
const stepResult = z.object({ status: text, duration: duration.optional(), message: text.optional(), exception: exception.optional() });

const step = z.object({ id, keyword: text, text, dataTable: dataTable.optional(), docString: docString.optional() });
const named = { keyword: text, name: text, description: text.optional() };
const scenario = z.object({
  id,
  ...named,
  tags: z.array(tag),
  steps: z.array(step),
  examples: z.array(z.object({ ...named, tags: z.array(tag), tableHeader: cells.optional(), tableBody: z.array(cells.extend({ id })) })),
});
const background = z.object({ ...named, steps: z.array(step) });
const rule = z.object({
  ...named,
  tags: z.array(tag),
  children: z.array(z.object({ background: background.optional(), scenario: scenario.optional() })),
});
const feature = z.object({
  ...named,
  tags: z.array(tag),
  children: z.array(z.object({ background: background.optional(), scenario: scenario.optional(), rule: rule.optional() })),
});

const pickleStep = z.object({
  id,
  text,
  type: text.optional(),
  astNodeIds: ids,
  argument: z.object({ dataTable: dataTable.optional(), docString: docString.optional() }).optional(),
});

/** Each message the site reads, by its envelope key. */
export const MESSAGE_SHAPES = {
  gherkinDocument: z.object({ uri: text.optional(), feature: feature.optional() }),
  pickle: z.object({ id, uri: text, name: text, astNodeIds: ids, tags: z.array(tag), steps: z.array(pickleStep), location: location.optional() }),
  stepDefinition: z.object({
    id,
    pattern: z.object({ source: text, type: text }),
    sourceReference: z.object({ uri: text.optional(), location: location.optional() }),
  }),
  hook: z.object({ id, name: text.optional() }),
  testCase: z.object({
    id,
    pickleId: id,
    testSteps: z.array(z.object({ id, pickleStepId: id.optional(), hookId: id.optional(), stepDefinitionIds: ids.optional() })),
  }),
  testCaseStarted: z.object({ id, testCaseId: id, attempt: z.number(), timestamp }),
  testCaseFinished: z.object({ testCaseStartedId: id, timestamp }),
  testStepFinished: z.object({ testCaseStartedId: id, testStepId: id, testStepResult: stepResult }),
  attachment: z.object({ body: text, mediaType: text, contentEncoding: z.enum(['IDENTITY', 'BASE64']).optional(), testCaseStartedId: id.optional(), fileName: text.optional() }),
  suggestion: z.object({ pickleStepId: id, snippets: z.array(z.object({ code: text })) }),
  parameterType: z.object({ name: text, regularExpressions: z.array(text) }),
  meta: z.object({
    implementation: z.object({ name: text, version: text.optional() }).optional(),
    ci: z
      .object({
        name: text,
        url: text.optional(),
        buildNumber: text.optional(),
        git: z.object({ remote: text, revision: text, branch: text.optional(), tag: text.optional() }).optional(),
      })
      .optional(),
  }),
  testRunStarted: z.object({ timestamp }),
  testRunFinished: z.object({ timestamp, success: z.boolean().optional(), exception: exception.partial({ type: true }).optional() }),
  parseError: z.object({ source: z.object({ uri: text, location: location.optional() }), message: text }),
  testRunHookFinished: z.object({ result: stepResult }),
} as const;

const QUICK = new Map<string, QuickCheck>(Object.entries(MESSAGE_SHAPES).map(([kind, shape]) => [kind, quickCheckOf(shape, new Map([[count, isCount]]))]));

/**
 * What is wrong with one envelope, in words that name the message and the field, or undefined
 * when the site can read it. Kinds the site does not read are let through unchecked.
 */
export function envelopeProblem(envelope: Record<string, unknown>): string | undefined {
  for (const kind of Object.keys(envelope)) {
    if (!Object.hasOwn(MESSAGE_SHAPES, kind)) continue;
    if (QUICK.get(kind)!(envelope[kind])) continue;
    const shape = MESSAGE_SHAPES[kind as keyof typeof MESSAGE_SHAPES];
    const result = shape.safeParse(envelope[kind]);
    if (result.success) continue;
    const issues = result.error.issues.slice(0, 3).map((issue) => `${fieldPath(kind, issue.path)} ${issueText(issue)}`);
    const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
    return `this "${kind}" message has the wrong shape: ${issues.join('; ')}${more}`;
  }
  return undefined;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)/.exec(issue.message)?.[1];
    return received === 'undefined' ? `is missing (expected ${article(issue.expected)})` : `should be ${article(issue.expected)}, not ${article(received ?? 'something else')}`;
  }
  if (issue.code === 'invalid_value') return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message;
}

function fieldPath(kind: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), kind);
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
