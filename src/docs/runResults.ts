import type * as m from '@cucumber/messages';
import type { Lineage } from '@cucumber/query';
import { readAttachments } from './attachmentDocs';
import { dedent } from './dedent';
import type { FeatureDoc, RunDoc, RunSourceDoc, ScenarioDoc, ScenarioStatus, StepDoc } from './docsData';
import { cut, errorText } from './resultText';
import { scenarioKey } from './stableKeys';
import { undefinedStepText } from './undefinedStepText';
import { filesRun, type StreamRun } from './streamRun';

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

// Cucumber's own order of badness: the worst step decides the scenario.
const SEVERITY: Record<string, number> = { UNKNOWN: 0, PASSED: 1, SKIPPED: 2, PENDING: 3, UNDEFINED: 4, AMBIGUOUS: 5, FAILED: 6 };

/** One pickle as one stream has it. */
interface Entry {
  readonly run: StreamRun;
  readonly stream: number;
  readonly pickle: m.Pickle;
}

/** One attempt at a pickle, in whichever stream it ran. */
interface Attempt extends Entry {
  readonly started: m.TestCaseStarted;
  readonly at: number;
}

/**
 * Joins feature files and the runs' message streams (one per CI shard, or a run and its re-run)
 * into features and scenarios with their last status, steps, errors and recorded events. A
 * scenario is the same in every stream when its file and line are; all its attempts are put in
 * time order, the last decides, the earlier ones are kept as attempts, and an attempt seen twice
 * (the same stream given twice) counts once. The streams win over the files where both describe
 * a file: they are what actually ran. Anything the streams leave out is reported, never guessed.
 */
export function runResults(fileEnvelopes: readonly m.Envelope[], streams: readonly StreamRun[], missing?: string, notes: readonly string[] = []): RunResults {
  // The document of a file comes from the first stream that has it; files nobody ran, from disk.
  const canonical = new Map<string, StreamRun>();
  for (const run of streams) for (const uri of run.documents.keys()) if (!canonical.has(uri)) canonical.set(uri, run);
  const fileOnly = filesRun(fileEnvelopes.filter((e) => (e.gherkinDocument?.uri !== undefined ? !canonical.has(e.gherkinDocument.uri) : e.pickle ? !canonical.has(e.pickle.uri) : false)));
  for (const uri of fileOnly.documents.keys()) canonical.set(uri, fileOnly);
  const sources = [...streams, fileOnly];

  // Every pickle of every source, grouped by what it is (file and line), in file order.
  const groups = new Map<string, { entries: Entry[]; uri: string; line: number }>();
  const uriOrder = new Map<string, number>();
  sources.forEach((run, stream) => {
    for (const pickle of run.query.findAllPickles()) {
      const line = pickle.location?.line ?? (pickle.astNodeIds.length > 0 ? run.query.findLocationOf(pickle)?.line : undefined);
      const identity = line !== undefined ? `${pickle.uri}:${line}` : `${pickle.uri}#${stream}#${pickle.id}`;
      if (!uriOrder.has(pickle.uri)) uriOrder.set(pickle.uri, uriOrder.size);
      const group = groups.get(identity);
      if (group) group.entries.push({ run, stream, pickle });
      else groups.set(identity, { entries: [{ run, stream, pickle }], uri: pickle.uri, line: line ?? Number.MAX_SAFE_INTEGER });
    }
  });
  const ordered = [...groups.values()].sort((a, b) => uriOrder.get(a.uri)! - uriOrder.get(b.uri)! || a.line - b.line);
  const attemptsOfPickle = sources.map(attemptsByPickle);

  const documents = new Map<string, m.GherkinDocument>();
  for (const [uri, run] of canonical) documents.set(uri, run.documents.get(uri)!);
  const features: FeatureDoc[] = [];
  const featureByUri = new Map<string, { doc: FeatureDoc; keys: Set<string> }>();
  for (const uri of [...documents.keys()].sort()) {
    const feature = documents.get(uri)!.feature;
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
    featureByUri.set(uri, { doc: entry, keys: new Set() });
  }

  const scenarios: ScenarioDoc[] = [];
  const astNodeIds: (readonly string[])[] = [];
  // The same definition in several streams (shards of one run) is one definition.
  const definitions = new Map<string, { definition: m.StepDefinition; usedIn: number[] }>();
  for (const s of streams) {
    for (const definition of s.query.findAllStepDefinitions()) if (!definitions.has(definitionKey(definition))) definitions.set(definitionKey(definition), { definition, usedIn: [] });
  }
  const orphanUris = new Set<string>();
  const problems: string[] = [...notes];
  for (const group of ordered) {
    const attempts = distinctAttempts(group.entries.flatMap((entry) => (attemptsOfPickle[entry.stream]!.get(entry.pickle.id) ?? []).map((started) => ({ ...entry, started, at: millis(started.timestamp) }))));
    const last = attempts[attempts.length - 1];
    const { run, pickle } = last ?? group.entries[0]!;
    let owner = featureByUri.get(pickle.uri);
    if (!owner) {
      // a pickle without its gherkinDocument: show it under a feature named after its file
      const doc: FeatureDoc = { id: features.length, key: pickle.uri, uri: pickle.uri, keyword: 'Feature', name: pickle.uri, description: '', tags: [], scenarios: [], parts: [] };
      features.push(doc);
      owner = { doc, keys: new Set() };
      featureByUri.set(pickle.uri, owner);
      orphanUris.add(pickle.uri);
    }
    const id = scenarios.length;
    const lineage = pickle.astNodeIds.length > 0 ? run.query.findLineageBy(pickle) : undefined;
    const scenarioNode = lineage?.scenario;
    const testCase = last ? run.query.findTestCaseBy(last.started) : run.testCaseOfPickle.get(pickle.id);
    const attempt = last?.started;
    const q = run.query;
    const results = new Map<string, m.TestStepResult>();
    if (attempt) for (const f of q.findTestStepsFinishedBy(attempt)) results.set(f.testStepId, f.testStepResult);
    const ended = attempt ? q.findTestCaseFinishedBy(attempt) : undefined;

    const pickleSteps = new Map(pickle.steps.map((s) => [s.id, s]));
    const steps: StepDoc[] = [];
    let worst: m.TestStepResult | undefined;
    let worstStep: StepDoc | undefined;
    const testSteps = testCase?.testSteps ?? pickle.steps.map((s) => ({ id: '', pickleStepId: s.id }) as m.TestStep);
    let seenPickleStep = false;
    for (const testStep of testSteps) {
      const result = results.get(testStep.id);
      const status: ScenarioStatus = result ? lower(result.status) : attempt ? (ended ? 'unknown' : 'incomplete') : 'not run';
      const matched: readonly (m.StepDefinition | undefined)[] = q.findStepDefinitionsBy(testStep);
      for (const definition of matched) {
        const use = definition && definitions.get(definitionKey(definition));
        if (use && use.usedIn[use.usedIn.length - 1] !== id) use.usedIn.push(id);
      }
      let step: StepDoc;
      if (testStep.pickleStepId !== undefined) {
        seenPickleStep = true;
        const ps = pickleSteps.get(testStep.pickleStepId);
        const astStep = ps && ps.astNodeIds.length > 0 ? q.findStepBy(ps) : undefined;
        const arg = ps?.argument;
        let error = result ? errorText(result) : undefined;
        if (status === 'undefined' && !error) {
          error = undefinedStepText(ps ? q.findSuggestionsBy(ps).flatMap((s) => s.snippets.map((n) => n.code)) : []);
        }
        if (status === 'pending' && !error) error = 'this step is marked as pending: its definition is not written yet';
        if (status === 'ambiguous' && !error) {
          const where = (testStep.stepDefinitionIds ?? []).map((d, i) => matched[i]?.pattern.source ?? d);
          error = `more than one step definition matches this step: ${where.join(', ')}`;
        }
        step = {
          keyword: (astStep?.keyword ?? keywordOfType(ps?.type)).trim(),
          text: ps?.text ?? '(unknown step)',
          status,
          ...(astStep && inBackground(lineage, astStep) ? { background: true as const } : {}),
          ...(result?.duration ? { durationMs: Math.round(durationMillis(result.duration) * 10) / 10 } : {}),
          ...(arg?.dataTable ? { table: arg.dataTable.rows.map((r) => r.cells.map((c) => c.value)) } : {}),
          ...(arg?.docString ? { docString: { content: arg.docString.content, ...(arg.docString.mediaType ? { mediaType: arg.docString.mediaType } : {}) } } : {}),
          ...(error ? { error: cut(error) } : {}),
        };
      } else {
        const hook = q.findHookBy(testStep);
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

    const { events, sent, extra, problem } = attempt ? readAttachments(run.attachments.get(attempt.id) ?? []) : { events: [], sent: [], extra: [], problem: undefined };
    const durationMs = attempt && ended ? millis(ended.timestamp) - millis(attempt.timestamp) : undefined;
    const earlierErrors = earlierAttemptErrors(attempts.slice(0, -1));
    const line = pickle.location?.line ?? scenarioNode?.location.line;
    const scenario: ScenarioDoc = {
      id,
      key: scenarioKey(pickle.uri, scenarioNode?.name ?? pickle.name, exampleRow(lineage), owner.keys),
      feature: owner.doc.id,
      ...(lineage?.rule?.name ? { rule: lineage.rule.name } : {}),
      keyword: scenarioNode?.keyword ?? 'Scenario',
      name: pickle.name,
      description: dedent(scenarioNode?.description ?? ''),
      tags: pickle.tags.map((t) => t.name),
      uri: pickle.uri,
      ...(line !== undefined ? { line } : {}),
      status,
      attempts: attempts.length,
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
    astNodeIds.push(canonicalIds(canonical.get(pickle.uri), run, pickle, lineage));
    owner.doc.scenarios.push(id);
  }

  if (orphanUris.size > 0) problems.push(`the run has scenarios without their feature text (${[...orphanUris].join(', ')}); they are shown with the file name as the feature`);
  const streamDocs = new Set(streams.flatMap((s) => [...s.documents.keys()])).size;
  const run = describeRun(streams, missing, problems, scenarios, { streamDocs, fileOnly: fileOnly.documents.size });

  const parameterTypes = new Map<string, { name: string; regularExpressions: string[] }>();
  for (const s of streams) for (const p of s.parameterTypes) if (!parameterTypes.has(p.name)) parameterTypes.set(p.name, p);
  const stepDefinitions: StepDefinitionUse[] = [...definitions.values()].map(({ definition: d, usedIn }) => {
    const location = locationOf(d);
    return { pattern: d.pattern.source, kind: d.pattern.type === 'REGULAR_EXPRESSION' ? 'regular expression' : 'cucumber expression', ...(location ? { location } : {}), usedIn };
  });
  return { run, features, scenarios, stepDefinitions, parameterTypes: [...parameterTypes.values()], documents, astNodeIds };
}

/** Each stream's attempts by pickle id. */
function attemptsByPickle(run: StreamRun): Map<string, m.TestCaseStarted[]> {
  const out = new Map<string, m.TestCaseStarted[]>();
  for (const started of run.attempts) {
    const pickleId = run.query.findTestCaseBy(started)?.pickleId;
    if (pickleId === undefined) continue;
    const list = out.get(pickleId);
    if (list) list.push(started);
    else out.set(pickleId, [started]);
  }
  return out;
}

/** In time order (then stream, then attempt number); the same attempt read from two copies of a stream counts once. */
function distinctAttempts(attempts: Attempt[]): Attempt[] {
  const seen = new Set<string>();
  return attempts
    .sort((a, b) => a.at - b.at || a.stream - b.stream || a.started.attempt - b.started.attempt)
    .filter((a) => {
      const key = `${a.started.id}@${a.at}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** What went wrong in each attempt before the last one (a retried or re-run scenario), oldest first. */
function earlierAttemptErrors(attempts: readonly Attempt[]): string[] {
  const errors: string[] = [];
  attempts.forEach((a, i) => {
    const failed = a.run.query.findTestStepsFinishedBy(a.started).map((f) => f.testStepResult).find((r) => r.status !== 'PASSED' && r.status !== 'SKIPPED');
    if (failed) errors.push(cut(`attempt ${i + 1}: ${lower(failed.status)}${errorText(failed) ? ` — ${errorText(failed)}` : ''}`));
  });
  return errors;
}

/**
 * The scenario's AST ids in the document the feature page is drawn from. Each stream numbers its
 * AST afresh, so a scenario that ran in another shard is found there by its lines.
 */
function canonicalIds(canonical: StreamRun | undefined, run: StreamRun, pickle: m.Pickle, lineage: Lineage | undefined): readonly string[] {
  if (!canonical || canonical === run || !lineage?.scenario) return pickle.astNodeIds;
  const document = canonical.documents.get(pickle.uri);
  const scenarioLine = lineage.scenario.location.line;
  const rowLine = lineage.example?.location.line;
  for (const child of [...(document?.feature?.children ?? []), ...(document?.feature?.children ?? []).flatMap((c) => c.rule?.children ?? [])]) {
    const scenario = child.scenario;
    if (scenario?.location.line !== scenarioLine) continue;
    if (rowLine === undefined) return [scenario.id];
    const row = scenario.examples.flatMap((e) => e.tableBody).find((r) => r.location.line === rowLine);
    return row ? [scenario.id, row.id] : pickle.astNodeIds;
  }
  return pickle.astNodeIds;
}

/** An Examples row's number within its Outline, from 1 across all its Examples tables. */
function exampleRow(lineage: Lineage | undefined): number | undefined {
  if (!lineage?.scenario || !lineage.example || lineage.examplesIndex === undefined || lineage.exampleIndex === undefined) return undefined;
  const before = lineage.scenario.examples.slice(0, lineage.examplesIndex).reduce((n, e) => n + e.tableBody.length, 0);
  return before + lineage.exampleIndex + 1;
}

/** Steps of a Background are shown once on the feature page, not in each scenario. */
function inBackground(lineage: Lineage | undefined, step: m.Step): boolean {
  return [lineage?.background, lineage?.ruleBackground].some((b) => b?.steps.some((s) => s.id === step.id) ?? false);
}

function definitionKey(d: m.StepDefinition): string {
  return `${d.pattern.type}\n${d.pattern.source}\n${locationOf(d) ?? ''}`;
}

function locationOf(d: m.StepDefinition): string | undefined {
  return d.sourceReference.uri !== undefined ? `${d.sourceReference.uri}${d.sourceReference.location ? `:${d.sourceReference.location.line}` : ''}` : undefined;
}

function describeRun(streams: readonly StreamRun[], missing: string | undefined, problems: string[], scenarios: ScenarioDoc[], seen: { streamDocs: number; fileOnly: number }): RunDoc {
  const all = [...streams.flatMap((s) => s.problems), ...problems];
  if (streams.length === 0) {
    all.unshift(`no results: ${missing ?? 'no Cucumber message stream was given'}; every scenario shows as "not run"`);
    return { state: 'missing', problems: all, hasRecordedEvents: false };
  }
  const incomplete = scenarios.filter((s) => s.status === 'incomplete').length;
  const several = streams.length > 1;
  const of = (s: StreamRun) => (several ? ` of ${s.source}` : '');
  for (const s of [...streams].reverse()) {
    if (s.truncatedAt !== undefined) all.unshift(`the message stream ${s.source} is cut off at line ${s.truncatedAt}; results after that point are missing`);
    if (!s.query.findTestRunFinished()) {
      all.unshift(`the run${of(s)} did not finish (no testRunFinished message): scenarios it had not reached show as "not run", those it was running as "incomplete"`);
    }
  }
  if (incomplete > 0) all.push(`${incomplete} scenario${incomplete === 1 ? '' : 's'} started but never finished`);
  for (const s of streams) {
    const exception = s.query.findTestRunFinished()?.exception;
    if (exception) all.push(`the run${of(s)} stopped with an error: ${exception.message ?? exception.type}`);
  }
  if (seen.fileOnly > 0 && seen.streamDocs > 0) all.push(`${seen.fileOnly} feature file${seen.fileOnly === 1 ? ' was' : 's were'} not part of the last run`);
  const runs = streams.map(describeStream);
  const allFinished = runs.every((r) => r.finishedAt !== undefined);
  const partial = streams.some((s) => s.truncatedAt !== undefined) || !allFinished || incomplete > 0;
  const first = runs[0]!;
  const starts = runs.flatMap((r) => (r.startedAt ? [r.startedAt] : [])).sort();
  const ends = runs.flatMap((r) => (r.finishedAt ? [r.finishedAt] : [])).sort();
  // Several streams succeed together when each did, or when a later run fixed every failure
  // (the last attempt decides) and no run-wide hook failed.
  const success = !several
    ? first.success
    : allFinished && (runs.every((r) => r.success !== false) || (!scenarios.some((s) => FAILING.has(s.status)) && !streams.some((s) => s.hookFailed)));
  return {
    state: partial ? 'partial' : 'complete',
    source: streams.map((s) => s.source).join(', '),
    problems: all,
    ...(starts.length > 0 ? { startedAt: starts[0]! } : {}),
    ...(allFinished && ends.length > 0 ? { finishedAt: ends[ends.length - 1]!, ...(success !== undefined ? { success } : {}) } : {}),
    ...(first.implementation ? { implementation: first.implementation } : {}),
    ...(first.ci ? { ci: first.ci } : {}),
    ...(first.git ? { git: first.git } : {}),
    ...(several ? { streams: runs } : {}),
    hasRecordedEvents: streams.some((s) => s.hasRecordedEvents),
  };
}

const FAILING = new Set<ScenarioStatus>(['failed', 'ambiguous', 'undefined', 'pending', 'incomplete']);

function describeStream(s: StreamRun): RunSourceDoc {
  const meta = s.query.findMeta();
  const started = s.query.findTestRunStarted();
  const finished = s.query.findTestRunFinished();
  const impl = meta?.implementation;
  const ci = meta?.ci;
  return {
    source: s.source,
    ...(started ? { startedAt: iso(started.timestamp) } : {}),
    ...(finished ? { finishedAt: iso(finished.timestamp), ...(finished.success !== undefined ? { success: finished.success } : {}) } : {}),
    ...(impl ? { implementation: `${impl.name} ${impl.version ?? ''}`.trim() } : {}),
    ...(ci ? { ci: { name: ci.name, ...(ci.url ? { url: ci.url } : {}), ...(ci.buildNumber ? { buildNumber: ci.buildNumber } : {}) } } : {}),
    ...(ci?.git ? { git: { remote: ci.git.remote, revision: ci.git.revision, ...(ci.git.branch ? { branch: ci.git.branch } : {}), ...(ci.git.tag ? { tag: ci.git.tag } : {}) } } : {}),
  };
}

function keywordOfType(type: string | undefined): string {
  return type === 'Context' ? 'Given' : type === 'Action' ? 'When' : type === 'Outcome' ? 'Then' : '*';
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
