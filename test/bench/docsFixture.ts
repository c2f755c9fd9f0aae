/**
 * The living-documentation benchmark's project: `scenarios` scenarios in feature files of 20, and
 * the message stream a cucumber-js run of them writes (documents, pickles, definitions, then each
 * test case with its steps and its recorded-events attachment; one in 50 fails).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType, type Envelope } from '@cucumber/messages';
import { RECORDED_EVENTS_FILE } from '../../src/docs';

export const PER_FEATURE = 20;

export interface DocsFixture {
  readonly features: number;
  readonly texts: { uri: string; text: string }[];
  /** reports/cucumber.ndjson, relative to the folder. */
  readonly messages: string;
  readonly streamBytes: number;
}

/** Writes features/ and reports/cucumber.ndjson into `dir`. */
export function writeDocsFixture(dir: string, scenarios: number): DocsFixture {
  const features = Math.ceil(scenarios / PER_FEATURE);
  mkdirSync(join(dir, 'features'), { recursive: true });
  const texts: { uri: string; text: string }[] = [];
  for (let f = 0; f < features; f++) {
    const uri = `features/batch-${String(f).padStart(3, '0')}.feature`;
    const text = featureText(f);
    writeFileSync(join(dir, uri), text);
    texts.push({ uri, text });
  }
  mkdirSync(join(dir, 'reports'), { recursive: true });
  const ndjson = stream(texts);
  writeFileSync(join(dir, 'reports', 'cucumber.ndjson'), ndjson);
  return { features, texts, messages: 'reports/cucumber.ndjson', streamBytes: Buffer.byteLength(ndjson) };
}

const carriers = ['DHL', 'UPS', 'FedEx', 'PostNL'];

function featureText(f: number): string {
  const lines = [`@ordering @batch-${f % 7}`, `Feature: Orders batch ${f}`, '  Orders are placed, filled and shipped.', ''];
  for (let s = 0; s < PER_FEATURE; s++) {
    const n = f * PER_FEATURE + s;
    lines.push(
      `  ${n % 5 === 0 ? '@smoke ' : ''}${n % 11 === 0 ? '@slow' : ''}`,
      `  Scenario: Order ${n} ships with ${carriers[n % 4]}`,
      `    Given the time is "2025-03-01T10:00:00Z"`,
      `    And Order "o-${n}" has recorded:`,
      '      | event       | customer   | total |',
      `      | OrderPlaced | customer-${n} | ${n % 100}.00 |`,
      `    And Order "o-${n}" has recorded ItemAdded`,
      `    When Order "o-${n}" is sent ShipOrder:`,
      `      | carrier | ${carriers[n % 4]} |`,
      `    Then Order "o-${n}" records:`,
      '      | event        | carrier |',
      `      | OrderShipped | ${carriers[n % 4]} |`,
      `    And Order "o-${n}" has state:`,
      '      | status | shipped |',
      '',
    );
  }
  return lines.join('\n');
}

const PATTERNS = [
  'the time is {string}',
  '{word} {string} has recorded:',
  '{word} {string} has recorded {word}',
  '{word} {string} is sent {word}:',
  '{word} {string} records:',
  '{word} {string} has state:',
  '{word} {string} records nothing',
  'the command is rejected with {string}',
];

function patternOf(text: string): number {
  if (text.startsWith('the time is')) return 0;
  if (text.endsWith('has recorded:')) return 1;
  if (text.includes(' has recorded ')) return 2;
  if (text.includes(' is sent ')) return 3;
  if (text.endsWith('records:')) return 4;
  return 5;
}

/** A stream shaped like cucumber-js's: documents, pickles, definitions, then each test case with its steps and attachment. */
function stream(featureTexts: { uri: string; text: string }[]): string {
  const newId = IdGenerator.incrementing();
  const out: Envelope[] = [{ meta: { protocolVersion: '32.3.1', implementation: { name: 'cucumber-js', version: '12.9.0' }, runtime: { name: 'node.js' }, os: { name: 'linux' }, cpu: { name: 'x64' } } }];
  const pickles: NonNullable<Envelope['pickle']>[] = [];
  for (const { uri, text } of featureTexts) {
    for (const e of generateMessages(text, uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, { includeSource: true, includeGherkinDocument: true, includePickles: true, newId })) {
      out.push(e);
      if (e.pickle) pickles.push(e.pickle);
    }
  }
  const defs = PATTERNS.map((source, i) => ({ id: `def-${i}`, pattern: { source, type: 'CUCUMBER_EXPRESSION' as const }, sourceReference: { uri: 'step-definitions/vocabulary.ts', location: { line: 10 + i } } }));
  for (const d of defs) out.push({ stepDefinition: d } as Envelope);
  out.push({ testRunStarted: { timestamp: { seconds: 1_740_823_200, nanos: 0 }, id: 'run' } });
  let clock = 1_740_823_200_000;
  const ts = () => ({ seconds: Math.floor(clock / 1000), nanos: (clock++ % 1000) * 1e6 });
  pickles.forEach((pickle, n) => {
    const tcId = newId();
    const steps = pickle.steps.map((s) => ({ id: newId(), pickleStepId: s.id, stepDefinitionIds: [defs[patternOf(s.text)]!.id], stepMatchArgumentsLists: [] }));
    out.push({ testCase: { id: tcId, pickleId: pickle.id, testSteps: steps, testRunStartedId: 'run' } } as Envelope);
    const startedId = newId();
    out.push({ testCaseStarted: { id: startedId, testCaseId: tcId, attempt: 0, timestamp: ts() } });
    const failing = n % 50 === 7;
    steps.forEach((step, i) => {
      out.push({ testStepStarted: { testCaseStartedId: startedId, testStepId: step.id, timestamp: ts() } });
      const status = failing && i === steps.length - 2 ? 'FAILED' : failing && i === steps.length - 1 ? 'SKIPPED' : 'PASSED';
      out.push({
        testStepFinished: {
          testCaseStartedId: startedId,
          testStepId: step.id,
          timestamp: ts(),
          testStepResult: { status, duration: { seconds: 0, nanos: 200_000 }, ...(status === 'FAILED' ? { message: `Order "o-${n}" recorded OrderShipped with carrier DHL, expected UPS\n    at step (vocabulary.ts:40:11)` } : {}) },
        },
      } as Envelope);
    });
    const carrier = carriers[n % 4]!;
    const meta = (v: number, commandId?: string) => ({ occurredAt: '2025-03-01T10:00:00Z', recordedAt: '2025-03-01T10:00:00Z', ...(commandId ? { commandId, correlationId: commandId, causationId: commandId } : {}), v });
    const events = [
      { streamId: `Order-o-${n}`, version: 1, position: 1, type: 'OrderPlaced', schemaVersion: 1, data: { customer: `customer-${n}`, total: n % 100 }, metadata: meta(1) },
      { streamId: `Order-o-${n}`, version: 2, position: 2, type: 'ItemAdded', schemaVersion: 1, data: { sku: 'BOOK-1', quantity: 1, price: 10 }, metadata: meta(2) },
      { streamId: `Order-o-${n}`, version: 3, position: 3, type: 'OrderShipped', schemaVersion: 1, data: { carrier }, metadata: meta(3, `cmd-${n}`) },
    ];
    out.push({ attachment: { testCaseStartedId: startedId, testStepId: steps[steps.length - 1]!.id, mediaType: 'application/json', fileName: RECORDED_EVENTS_FILE, body: JSON.stringify({ events }), contentEncoding: 'IDENTITY' } } as Envelope);
    out.push({ testCaseFinished: { testCaseStartedId: startedId, timestamp: ts(), willBeRetried: false } });
  });
  out.push({ testRunFinished: { timestamp: ts(), success: false, testRunStartedId: 'run' } });
  return out.map((e) => JSON.stringify(e)).join('\n') + '\n';
}
