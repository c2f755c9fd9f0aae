import { Query } from '@cucumber/query';
import type * as m from '@cucumber/messages';
import { isRecordedEventsAttachment } from '../testing/recordedEventsAttachment';
import { parseErrorText } from '../gherkin/parseErrorText';
import { errorText } from './resultText';

/**
 * One message stream as cucumber's Query holds it, plus what Query does not keep: the Gherkin
 * documents by uri, every attempt (Query keeps only those that were not retried), attachments made
 * outside a step, parameter types, and the run's own problems (unparsable features, failed run hooks).
 */
export interface StreamRun {
  readonly source: string;
  readonly query: Query;
  readonly documents: ReadonlyMap<string, m.GherkinDocument>;
  /** Each feature file's text as the run read it, by uri (from its `source` messages). */
  readonly sources: ReadonlyMap<string, string>;
  readonly attempts: readonly m.TestCaseStarted[];
  readonly testCaseOfPickle: ReadonlyMap<string, m.TestCase>;
  readonly attachments: ReadonlyMap<string, readonly m.Attachment[]>;
  readonly parameterTypes: readonly { name: string; regularExpressions: string[] }[];
  readonly problems: readonly string[];
  readonly hookFailed: boolean;
  readonly hasRecordedEvents: boolean;
  readonly truncatedAt?: number;
}

/** Collects envelopes as they are read; `done` gives the stream's run. */
export function streamRunCollector(source: string): { add(envelope: m.Envelope): void; done(truncatedAt?: number): StreamRun } {
  const query = new Query();
  const documents = new Map<string, m.GherkinDocument>();
  const sources = new Map<string, string>();
  const attempts: m.TestCaseStarted[] = [];
  const testCaseOfPickle = new Map<string, m.TestCase>();
  const attachments = new Map<string, m.Attachment[]>();
  const parameterTypes: { name: string; regularExpressions: string[] }[] = [];
  const problems: string[] = [];
  let hookFailed = false;
  let hasRecordedEvents = false;
  return {
    add(e) {
      if (e.source) {
        // Only its text is kept: the document carries everything else.
        if (typeof e.source.uri === 'string' && typeof e.source.data === 'string') sources.set(e.source.uri, e.source.data);
        return;
      }
      query.update(e);
      if (e.gherkinDocument?.uri !== undefined) documents.set(e.gherkinDocument.uri, e.gherkinDocument);
      else if (e.testCase) testCaseOfPickle.set(e.testCase.pickleId, e.testCase);
      else if (e.testCaseStarted) attempts.push(e.testCaseStarted);
      else if (e.attachment) {
        if (isRecordedEventsAttachment(e.attachment)) hasRecordedEvents = true;
        const key = e.attachment.testCaseStartedId;
        if (key !== undefined) {
          const list = attachments.get(key);
          if (list) list.push(e.attachment);
          else attachments.set(key, [e.attachment]);
        }
      } else if (e.parameterType) parameterTypes.push({ name: e.parameterType.name, regularExpressions: [...e.parameterType.regularExpressions] });
      else if (e.parseError) {
        const at = e.parseError.source.location;
        problems.push(`${e.parseError.source.uri}${at ? `:${at.line}` : ''}: the run could not parse this feature — ${parseErrorText(e.parseError.message)}`);
      } else if (e.testRunHookFinished && e.testRunHookFinished.result.status !== 'PASSED' && e.testRunHookFinished.result.status !== 'SKIPPED') {
        // (a dry run skips the run-wide hooks: nothing went wrong)
        hookFailed = true;
        const r = e.testRunHookFinished.result;
        problems.push(`a run-wide hook did not pass (${r.status.toLowerCase()}): ${errorText(r) ?? 'no message'}`);
      }
    },
    done(truncatedAt) {
      return { source, query, documents, sources, attempts, testCaseOfPickle, attachments, parameterTypes, problems, hookFailed, hasRecordedEvents, ...(truncatedAt !== undefined ? { truncatedAt } : {}) };
    },
  };
}

/** Feature files read from disk, as a run that ran nothing. */
export function filesRun(envelopes: readonly m.Envelope[]): StreamRun {
  const collector = streamRunCollector('feature files');
  for (const e of envelopes) collector.add(e);
  return collector.done();
}
