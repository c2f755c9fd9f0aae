import type * as m from '@cucumber/messages';
import { isRecordedEventsAttachment as isRecordedEvents } from '../testing/recordedEventsAttachment';
import { dedent } from './dedent';
import { scenarioKey } from './stableKeys';
import type { AttachmentDoc, FeatureDoc, RecordedEventDoc, RunDoc, ScenarioDoc, ScenarioStatus, SentCommandDoc, StepDoc } from './docsData';


/** A step definition of the run and the scenarios whose steps matched it. */
export interface StepDefinitionUse {
  readonly pattern: string;
  readonly kind: 'cucumber expression' | 'regular expression';
  readonly location?: string;
  readonly usedIn: number[];
}

export interface RunResults {
  readonly run: RunDoc;
  readonly features: FeatureDoc[];
  readonly scenarios: ScenarioDoc[];
  readonly stepDefinitions: StepDefinitionUse[];
  /** The run's parameter types, so phrases that were not registered can still be matched. */
  readonly parameterTypes: { name: string; regularExpressions: string[] }[];
  /** The Gherkin documents by uri, and each scenario's AST node ids (scenario, then example row). */
  readonly documents: ReadonlyMap<string, m.GherkinDocument>;
  readonly astNodeIds: readonly (readonly string[])[];
}

export interface StreamInfo {
  readonly source?: string;
  readonly truncatedAt?: number;
  /** No stream at all: every scenario shows as not run. */
  readonly missing?: string;
}

// Cucumber's own order of badness: the worst step decides the scenario.
const SEVERITY: Record<string, number> = { UNKNOWN: 0, PASSED: 1, SKIPPED: 2, PENDING: 3, UNDEFINED: 4, AMBIGUOUS: 5, FAILED: 6 };
const TEXT_LIMIT = 4000;
/** Binary attachments up to this size are embedded in the page (images shown, others downloadable). */
const EMBED_LIMIT = 256 * 1024;

/**
 * Joins feature files and a run's message stream into features and scenarios with their last
 * status, steps, errors and recorded events. The stream wins where both describe a file: it is
 * what actually ran. Anything the stream leaves out is reported, never guessed.
 */
export function runResults(fileEnvelopes: readonly m.Envelope[], streamEnvelopes: readonly m.Envelope[], info: StreamInfo): RunResults {
  const problems: string[] = [];
  const streamDocs = new Map<string, m.GherkinDocument>();
  const streamPickles: m.Pickle[] = [];
  const stepDefinitions = new Map<string, m.StepDefinition>();
  const hooks = new Map<string, m.Hook>();
  const testCases = new Map<string, m.TestCase>();
  const started = new Map<string, m.TestCaseStarted>();
  const finished = new Map<string, m.TestCaseFinished>();
  const stepResults = new Map<string, Map<string, m.TestStepResult>>();
  const attachments = new Map<string, m.Attachment[]>();
  const suggestions = new Map<string, string>();
  const parameterTypes: { name: string; regularExpressions: string[] }[] = [];
  let meta: m.Meta | undefined;
  let runStarted: m.TestRunStarted | undefined;
  let runFinished: m.TestRunFinished | undefined;
  let hasRecordedEvents = false;

  for (const e of streamEnvelopes) {
    if (e.gherkinDocument?.uri !== undefined) streamDocs.set(e.gherkinDocument.uri, e.gherkinDocument);
    else if (e.pickle) streamPickles.push(e.pickle);
    else if (e.stepDefinition) stepDefinitions.set(e.stepDefinition.id, e.stepDefinition);
    else if (e.hook) hooks.set(e.hook.id, e.hook);
    else if (e.testCase) testCases.set(e.testCase.pickleId, e.testCase);
    else if (e.testCaseStarted) started.set(e.testCaseStarted.id, e.testCaseStarted);
    else if (e.testCaseFinished) finished.set(e.testCaseFinished.testCaseStartedId, e.testCaseFinished);
    else if (e.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = e.testStepFinished;
      let byStep = stepResults.get(testCaseStartedId);
      if (!byStep) stepResults.set(testCaseStartedId, (byStep = new Map()));
      byStep.set(testStepId, testStepResult);
    } else if (e.attachment) {
      const key = e.attachment.testCaseStartedId;
      if (isRecordedEvents(e.attachment)) hasRecordedEvents = true;
      if (key !== undefined) {
        const list = attachments.get(key);
        if (list) list.push(e.attachment);
        else attachments.set(key, [e.attachment]);
      }
    } else if (e.suggestion) {
      suggestions.set(e.suggestion.pickleStepId, e.suggestion.snippets.map((s) => s.code).join('\n\n'));
    } else if (e.parameterType) {
      parameterTypes.push({ name: e.parameterType.name, regularExpressions: [...e.parameterType.regularExpressions] });
    } else if (e.meta) meta = e.meta;
    else if (e.testRunStarted) runStarted = e.testRunStarted;
    else if (e.testRunFinished) runFinished = e.testRunFinished;
    else if (e.parseError) {
      const at = e.parseError.source.location;
      problems.push(`${e.parseError.source.uri}${at ? `:${at.line}` : ''}: the run could not parse this feature — ${e.parseError.message}`);
    } else if (e.testRunHookFinished && e.testRunHookFinished.result.status !== 'PASSED') {
      problems.push(`a run-wide hook did not pass (${e.testRunHookFinished.result.status.toLowerCase()}): ${errorText(e.testRunHookFinished.result) ?? 'no message'}`);
    }
  }

  // the last attempt of each test case is the one that counts
  const lastAttempt = new Map<string, m.TestCaseStarted>();
  for (const s of started.values()) {
    const previous = lastAttempt.get(s.testCaseId);
    if (!previous || s.attempt >= previous.attempt) lastAttempt.set(s.testCaseId, s);
  }
  const attemptsOf = new Map<string, number>();
  const attemptsByCase = new Map<string, m.TestCaseStarted[]>();
  for (const s of started.values()) {
    attemptsOf.set(s.testCaseId, (attemptsOf.get(s.testCaseId) ?? 0) + 1);
    const list = attemptsByCase.get(s.testCaseId);
    if (list) list.push(s);
    else attemptsByCase.set(s.testCaseId, [s]);
  }

  // feature files that are not in the stream still belong in the documentation, as not run
  const docs = new Map(streamDocs);
  const pickles = [...streamPickles];
  const fromFiles = new Set<string>();
  for (const e of fileEnvelopes) {
    if (e.gherkinDocument?.uri !== undefined && !streamDocs.has(e.gherkinDocument.uri)) {
      docs.set(e.gherkinDocument.uri, e.gherkinDocument);
      fromFiles.add(e.gherkinDocument.uri);
    } else if (e.pickle && fromFiles.has(e.pickle.uri)) pickles.push(e.pickle);
  }

  const features: FeatureDoc[] = [];
  const featureByUri = new Map<string, { doc: FeatureDoc; ast: AstIndex; keys: Set<string> }>();
  for (const uri of [...docs.keys()].sort()) {
    const doc = docs.get(uri)!;
    const feature = doc.feature;
    const entry: FeatureDoc = {
      id: features.length,
      key: uri,
      uri,
      keyword: feature?.keyword ?? 'Feature',
      name: feature?.name || uri,
      description: dedent(feature?.description ?? ''),
      tags: feature?.tags.map((t) => t.name) ?? [],
      scenarios: [],
      parts: [],
    };
    features.push(entry);
    featureByUri.set(uri, { doc: entry, ast: indexAst(doc), keys: new Set() });
  }

  const scenarios: ScenarioDoc[] = [];
  const astNodeIds: (readonly string[])[] = [];
  const useByDefinition = new Map<string, number[]>();
  const orphanUris = new Set<string>();
  for (const pickle of pickles) {
    let owner = featureByUri.get(pickle.uri);
    if (!owner) {
      // a pickle without its gherkinDocument: show it under a feature named after its file
      const doc: FeatureDoc = { id: features.length, key: pickle.uri, uri: pickle.uri, keyword: 'Feature', name: pickle.uri, description: '', tags: [], scenarios: [], parts: [] };
      features.push(doc);
      owner = { doc, ast: emptyAst(), keys: new Set() };
      featureByUri.set(pickle.uri, owner);
      orphanUris.add(pickle.uri);
    }
    const id = scenarios.length;
    const scenarioNode = owner.ast.scenarios.get(pickle.astNodeIds[0] ?? '');
    const testCase = testCases.get(pickle.id);
    const attempt = testCase ? lastAttempt.get(testCase.id) : undefined;
    const results = attempt ? stepResults.get(attempt.id) : undefined;
    const ended = attempt ? finished.get(attempt.id) : undefined;

    const pickleSteps = new Map(pickle.steps.map((s) => [s.id, s]));
    const steps: StepDoc[] = [];
    let worst: m.TestStepResult | undefined;
    let worstStep: StepDoc | undefined;
    const testSteps = testCase?.testSteps ?? pickle.steps.map((s) => ({ id: '', pickleStepId: s.id }) as m.TestStep);
    let seenPickleStep = false;
    for (const testStep of testSteps) {
      const result = results?.get(testStep.id);
      const status: ScenarioStatus = result ? lower(result.status) : attempt ? (ended ? 'unknown' : 'incomplete') : 'not run';
      for (const defId of testStep.stepDefinitionIds ?? []) {
        const users = useByDefinition.get(defId);
        if (!users) useByDefinition.set(defId, [id]);
        else if (users[users.length - 1] !== id) users.push(id);
      }
      let step: StepDoc;
      if (testStep.pickleStepId !== undefined) {
        seenPickleStep = true;
        const ps = pickleSteps.get(testStep.pickleStepId);
        const astStep = ps ? owner.ast.steps.get(ps.astNodeIds[0] ?? '') : undefined;
        const arg = ps?.argument;
        let error = result ? errorText(result) : undefined;
        if (status === 'undefined' && !error) {
          const snippet = suggestions.get(testStep.pickleStepId);
          error = `no step definition matches this step${snippet ? `; a definition could start like:\n${snippet}` : ''}`;
        }
        if (status === 'pending' && !error) error = 'this step is marked as pending: its definition is not written yet';
        if (status === 'ambiguous' && !error) {
          const where = (testStep.stepDefinitionIds ?? []).map((d) => stepDefinitions.get(d)?.pattern.source ?? d);
          error = `more than one step definition matches this step: ${where.join(', ')}`;
        }
        step = {
          keyword: (astStep?.keyword ?? keywordOfType(ps?.type)).trim(),
          text: ps?.text ?? '(unknown step)',
          status,
          ...(astStep && owner.ast.background.has(astStep.id) ? { background: true as const } : {}),
          ...(result?.duration ? { durationMs: Math.round(durationMillis(result.duration) * 10) / 10 } : {}),
          ...(arg?.dataTable ? { table: arg.dataTable.rows.map((r) => r.cells.map((c) => c.value)) } : {}),
          ...(arg?.docString ? { docString: { content: arg.docString.content, ...(arg.docString.mediaType ? { mediaType: arg.docString.mediaType } : {}) } } : {}),
          ...(error ? { error: cut(error) } : {}),
        };
      } else {
        const hook = testStep.hookId !== undefined ? hooks.get(testStep.hookId) : undefined;
        const when = seenPickleStep ? 'After' : 'Before';
        const error = result ? errorText(result) : undefined;
        step = { keyword: when, text: hook?.name ? `hook "${hook.name}"` : 'hook', status, hook: true, ...(error ? { error: cut(error) } : {}) };
      }
      // a hook that passed says nothing a reader needs
      if (!step.hook || status !== 'passed') steps.push(step);
      if (result && (!worst || SEVERITY[result.status]! > SEVERITY[worst.status]!)) {
        worst = result;
        worstStep = step;
      }
    }

    let status: ScenarioStatus;
    if (!testCase || !attempt) status = 'not run';
    else if (!ended) status = 'incomplete';
    else status = worst ? lower(worst.status) : 'unknown'; // no steps at all: Cucumber's own rule says unknown
    const error =
      status !== 'passed' && worstStep?.error ? worstStep.error : status === 'unknown' && pickle.steps.length === 0 ? 'this scenario has no steps, so it checks nothing' : undefined;

    const { events, sent, extra, problem } = attempt ? readAttachments(attachments.get(attempt.id) ?? []) : { events: [], sent: [], extra: [], problem: undefined };
    const rule = owner.ast.ruleOf.get(pickle.astNodeIds[0] ?? '');
    const durationMs = attempt && ended ? millis(ended.timestamp) - millis(attempt.timestamp) : undefined;
    const earlierErrors = testCase && attempt && (attemptsOf.get(testCase.id) ?? 0) > 1 ? earlierAttemptErrors((attemptsByCase.get(testCase.id) ?? []).filter((s) => s.id !== attempt.id), stepResults) : [];
    const line = pickle.location?.line ?? scenarioNode?.location.line;
    const exampleRow = owner.ast.exampleRow.get(pickle.astNodeIds[1] ?? '');
    const scenario: ScenarioDoc = {
      id,
      key: scenarioKey(pickle.uri, scenarioNode?.name ?? pickle.name, exampleRow, owner.keys),
      feature: owner.doc.id,
      ...(rule ? { rule } : {}),
      keyword: scenarioNode?.keyword ?? 'Scenario',
      name: pickle.name,
      description: dedent(scenarioNode?.description ?? ''),
      tags: pickle.tags.map((t) => t.name),
      uri: pickle.uri,
      ...(line !== undefined ? { line } : {}),
      status,
      attempts: testCase ? (attemptsOf.get(testCase.id) ?? 0) : 0,
      ...(error ? { error } : {}),
      ...(durationMs !== undefined && durationMs >= 0 ? { durationMs } : {}),
      ...(earlierErrors.length > 0 ? { earlierErrors } : {}),
      steps,
      events,
      ...(sent.length > 0 ? { sent } : {}),
      attachments: extra,
    };
    if (problem) problems.push(`${pickle.uri}: scenario "${pickle.name}": ${problem}`);
    scenarios.push(scenario);
    astNodeIds.push(pickle.astNodeIds);
    owner.doc.scenarios.push(id);
  }

  if (orphanUris.size > 0) problems.push(`the run has scenarios without their feature text (${[...orphanUris].join(', ')}); they are shown with the file name as the feature`);
  const run = describeRun(info, problems, scenarios, { meta, runStarted, runFinished, hasRecordedEvents, streamDocs: streamDocs.size, fileOnly: fromFiles.size });

  const definitions: StepDefinitionUse[] = [...stepDefinitions.values()].map((d) => {
    const location = d.sourceReference.uri !== undefined ? `${d.sourceReference.uri}${d.sourceReference.location ? `:${d.sourceReference.location.line}` : ''}` : undefined;
    return {
      pattern: d.pattern.source,
      kind: d.pattern.type === 'REGULAR_EXPRESSION' ? 'regular expression' : 'cucumber expression',
      ...(location ? { location } : {}),
      usedIn: useByDefinition.get(d.id) ?? [],
    };
  });
  return { run, features, scenarios, stepDefinitions: definitions, parameterTypes, documents: docs, astNodeIds };
}

/** What went wrong in each attempt before the last one (a retried scenario), oldest first. */
function earlierAttemptErrors(attempts: readonly m.TestCaseStarted[], stepResults: ReadonlyMap<string, ReadonlyMap<string, m.TestStepResult>>): string[] {
  const errors: string[] = [];
  for (const attempt of [...attempts].sort((a, b) => a.attempt - b.attempt)) {
    const failed = [...(stepResults.get(attempt.id)?.values() ?? [])].find((r) => r.status !== 'PASSED' && r.status !== 'SKIPPED');
    if (failed) errors.push(cut(`attempt ${attempt.attempt + 1}: ${lower(failed.status)}${errorText(failed) ? ` — ${errorText(failed)}` : ''}`));
  }
  return errors;
}

function describeRun(
  info: StreamInfo,
  problems: string[],
  scenarios: ScenarioDoc[],
  seen: { meta: m.Meta | undefined; runStarted: m.TestRunStarted | undefined; runFinished: m.TestRunFinished | undefined; hasRecordedEvents: boolean; streamDocs: number; fileOnly: number },
): RunDoc {
  const all = [...problems];
  if (info.missing !== undefined) {
    all.unshift(`no results: ${info.missing}; every scenario shows as "not run"`);
    return { state: 'missing', problems: all, hasRecordedEvents: false };
  }
  const incomplete = scenarios.filter((s) => s.status === 'incomplete').length;
  if (info.truncatedAt !== undefined) all.unshift(`the message stream ${info.source ?? ''} is cut off at line ${info.truncatedAt}; results after that point are missing`);
  if (!seen.runFinished) all.unshift('the run did not finish (no testRunFinished message): scenarios it had not reached show as "not run", those it was running as "incomplete"');
  if (incomplete > 0) all.push(`${incomplete} scenario${incomplete === 1 ? '' : 's'} started but never finished`);
  if (seen.runFinished?.exception) all.push(`the run stopped with an error: ${seen.runFinished.exception.message ?? seen.runFinished.exception.type}`);
  if (seen.fileOnly > 0 && seen.streamDocs > 0) all.push(`${seen.fileOnly} feature file${seen.fileOnly === 1 ? ' was' : 's were'} not part of the last run`);
  const partial = info.truncatedAt !== undefined || !seen.runFinished || incomplete > 0;
  const impl = seen.meta?.implementation;
  return {
    state: partial ? 'partial' : 'complete',
    ...(info.source !== undefined ? { source: info.source } : {}),
    problems: all,
    ...(seen.runStarted ? { startedAt: iso(seen.runStarted.timestamp) } : {}),
    ...(seen.runFinished ? { finishedAt: iso(seen.runFinished.timestamp), success: seen.runFinished.success } : {}),
    ...(impl ? { implementation: `${impl.name} ${impl.version ?? ''}`.trim() } : {}),
    ...ciOf(seen.meta),
    hasRecordedEvents: seen.hasRecordedEvents,
  };
}

function ciOf(meta: m.Meta | undefined): Pick<RunDoc, 'ci' | 'git'> {
  const ci = meta?.ci;
  if (!ci) return {};
  const git = ci.git;
  return {
    ci: { name: ci.name, ...(ci.url ? { url: ci.url } : {}), ...(ci.buildNumber ? { buildNumber: ci.buildNumber } : {}) },
    ...(git ? { git: { remote: git.remote, revision: git.revision, ...(git.branch ? { branch: git.branch } : {}), ...(git.tag ? { tag: git.tag } : {}) } } : {}),
  };
}

function readAttachments(list: readonly m.Attachment[]): { events: RecordedEventDoc[]; sent: SentCommandDoc[]; extra: AttachmentDoc[]; problem: string | undefined } {
  const events: RecordedEventDoc[] = [];
  const sent: SentCommandDoc[] = [];
  const extra: AttachmentDoc[] = [];
  let problem: string | undefined;
  for (const a of list) {
    const body = a.contentEncoding === 'BASE64' ? Buffer.from(a.body, 'base64').toString('utf8') : a.body;
    if (isRecordedEvents(a)) {
      const parsed = recordedEvents(body);
      if (typeof parsed === 'string') problem = `its recorded events could not be read (${parsed})`;
      else {
        events.push(...parsed.events);
        sent.push(...parsed.sent);
      }
    } else if (a.mediaType.startsWith('text/') || a.mediaType === 'application/json' || a.mediaType.endsWith('+json')) {
      extra.push({ mediaType: a.mediaType, ...(a.fileName ? { fileName: a.fileName } : {}), text: cut(body) });
    } else {
      const base64 = a.contentEncoding === 'BASE64' ? a.body : Buffer.from(a.body, 'utf8').toString('base64');
      const bytes = Math.floor((base64.length * 3) / 4);
      const embed = bytes <= EMBED_LIMIT && /^[\w.+-]+\/[\w.+-]+$/.test(a.mediaType);
      extra.push({ mediaType: a.mediaType, ...(a.fileName ? { fileName: a.fileName } : {}), ...(embed ? { dataUrl: `data:${a.mediaType};base64,${base64}` } : { bytes }) });
    }
  }
  return { events, sent, extra, problem };
}

function recordedEvents(body: string): { events: RecordedEventDoc[]; sent: SentCommandDoc[] } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  const list = (parsed as { events?: unknown } | null)?.events;
  if (!Array.isArray(list)) return 'expected {"events": [...]}';
  const out: RecordedEventDoc[] = [];
  for (const item of list) {
    if (item === null || typeof item !== 'object') return 'an event is not an object';
    const e = item as Record<string, unknown>;
    if (typeof e.type !== 'string') return 'an event has no type';
    out.push({
      streamId: typeof e.streamId === 'string' ? e.streamId : '',
      ...(typeof e.version === 'number' ? { version: e.version } : {}),
      ...(typeof e.position === 'number' ? { position: e.position } : {}),
      type: e.type,
      ...(typeof e.schemaVersion === 'number' ? { schemaVersion: e.schemaVersion } : {}),
      data: e.data,
      ...(e.metadata !== undefined ? { metadata: e.metadata } : {}),
    });
  }
  return { events: out, sent: sentCommands((parsed as { sent?: unknown }).sent) };
}

const TRIGGERS = new Set(['event', 'deadline', 'refusal']);

/** What the processes sent; entries of another shape (an older or foreign writer) are left out. */
function sentCommands(list: unknown): SentCommandDoc[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): SentCommandDoc[] => {
    const s = item as Record<string, unknown> | null;
    const trigger = s?.trigger as Record<string, unknown> | undefined;
    const strings = ['process', 'instance', 'aggregate', 'id', 'command', 'outcome'] as const;
    if (!s || strings.some((k) => typeof s[k] !== 'string') || !trigger || !TRIGGERS.has(trigger.kind as string) || typeof trigger.name !== 'string') return [];
    return [{
      process: s.process as string,
      instance: s.instance as string,
      trigger: { kind: trigger.kind as SentCommandDoc['trigger']['kind'], name: trigger.name },
      aggregate: s.aggregate as string,
      id: s.id as string,
      command: s.command as string,
      outcome: s.outcome as string,
    }];
  });
}

interface AstIndex {
  scenarios: Map<string, m.Scenario>;
  steps: Map<string, m.Step>;
  /** Steps of a Background: shown once on the feature page, not in each scenario. */
  background: Set<string>;
  ruleOf: Map<string, string>;
  /** An Examples row's number within its Outline, from 1 across all its Examples tables. */
  exampleRow: Map<string, number>;
}

function emptyAst(): AstIndex {
  return { scenarios: new Map(), steps: new Map(), background: new Set(), ruleOf: new Map(), exampleRow: new Map() };
}

function indexAst(doc: m.GherkinDocument): AstIndex {
  const index = emptyAst();
  const addSteps = (steps: readonly m.Step[]) => steps.forEach((s) => index.steps.set(s.id, s));
  const visit = (children: readonly (m.FeatureChild | m.RuleChild)[], rule: string | undefined) => {
    for (const child of children) {
      if (child.background) {
        addSteps(child.background.steps);
        for (const step of child.background.steps) index.background.add(step.id);
      }
      if (child.scenario) {
        index.scenarios.set(child.scenario.id, child.scenario);
        let row = 0;
        for (const examples of child.scenario.examples) for (const r of examples.tableBody) index.exampleRow.set(r.id, ++row);
        if (rule !== undefined) index.ruleOf.set(child.scenario.id, rule);
        addSteps(child.scenario.steps);
      }
      if ('rule' in child && child.rule) visit(child.rule.children, child.rule.name);
    }
  };
  visit(doc.feature?.children ?? [], undefined);
  return index;
}

function keywordOfType(type: string | undefined): string {
  return type === 'Context' ? 'Given' : type === 'Action' ? 'When' : type === 'Outcome' ? 'Then' : '*';
}

function errorText(result: { message?: string; exception?: m.Exception }): string | undefined {
  if (result.message) return result.message;
  const ex = result.exception;
  if (!ex) return undefined;
  return [ex.message ? `${ex.type}: ${ex.message}` : ex.type, ex.stackTrace].filter(Boolean).join('\n');
}

function lower(status: string): ScenarioStatus {
  const s = status.toLowerCase();
  return (s in { passed: 1, failed: 1, ambiguous: 1, undefined: 1, pending: 1, skipped: 1 } ? s : 'unknown') as ScenarioStatus;
}

function durationMillis(d: m.Duration): number {
  return Number(d.seconds) * 1000 + d.nanos / 1e6;
}

function millis(t: m.Timestamp): number {
  return Number(t.seconds) * 1000 + Math.round(t.nanos / 1e6);
}

function iso(t: m.Timestamp): string {
  const ms = millis(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
}

function cut(text: string): string {
  return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}\n… (${text.length - TEXT_LIMIT} more characters)` : text;
}
