import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocsData, HistoryDoc, ScenarioStatus } from './docsData';
import { DocsInputError } from './readMessageStream';

/**
 * What cucumber's report cannot show: how each scenario did over the last runs. Each build with a
 * history folder keeps one small record of its run there (scenario key → status and duration),
 * and the site shows the last runs from those records.
 */
export interface RunRecord {
  readonly at: string;
  readonly success?: boolean;
  /** Per scenario key: its status and, when known, its duration in ms. */
  readonly scenarios: Record<string, readonly [ScenarioStatus, number?]>;
}

export const HISTORY_RUNS = 20;

/** Writes this run's record (again, if this run was recorded before) and returns the last runs, oldest first. */
export function recordAndReadHistory(dir: string, data: Omit<DocsData, 'history'>, limit = HISTORY_RUNS): RunRecord[] {
  mkdirSync(dir, { recursive: true });
  if (data.run.state !== 'missing') {
    const at = data.run.startedAt ?? data.generatedAt;
    const record: RunRecord = {
      at,
      ...(data.run.success !== undefined ? { success: data.run.success } : {}),
      scenarios: Object.fromEntries(data.scenarios.map((s) => [s.key, s.durationMs !== undefined ? [s.status, s.durationMs] : [s.status]])),
    };
    // Named by when the run started, so building the docs of one run twice keeps one record.
    writeFileSync(join(dir, `run-${at.replace(/[^0-9TZ]/g, '')}.json`), JSON.stringify(record));
  }
  return readHistory(dir, limit);
}

export function readHistory(dir: string, limit = HISTORY_RUNS): RunRecord[] {
  if (!existsSync(dir)) return [];
  const records: RunRecord[] = [];
  for (const file of readdirSync(dir).filter((f) => /^run-.*\.json$/.test(f))) {
    try {
      const record = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RunRecord;
      if (typeof record.at === 'string' && record.scenarios && typeof record.scenarios === 'object') records.push(record);
    } catch (error) {
      throw new DocsInputError(`${join(dir, file)} is not a run record of eventspec docs (${(error as Error).message}); remove it, or give --history another folder`);
    }
  }
  return records.sort((a, b) => a.at.localeCompare(b.at)).slice(-limit);
}

/** The page's view of the history: each current scenario's statuses and durations over the runs, oldest first. */
export function historyDoc(records: readonly RunRecord[], keys: readonly string[]): HistoryDoc {
  const scenarios: HistoryDoc['scenarios'] = {};
  for (const key of keys) {
    scenarios[key] = {
      statuses: records.map((r) => r.scenarios[key]?.[0] ?? 'not run'),
      durations: records.map((r) => r.scenarios[key]?.[1] ?? null),
    };
  }
  return { runs: records.map((r) => ({ at: r.at, ...(r.success !== undefined ? { success: r.success } : {}) })), scenarios };
}
