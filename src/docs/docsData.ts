/**
 * Everything the living documentation page shows, as plain JSON. The generator computes it once;
 * the page only filters and renders it, so the site needs no server and no fetch.
 */

/** Cucumber's step and scenario outcomes, lower-cased, plus the two a partial stream leaves behind. */
export type ScenarioStatus =
  | 'passed'
  | 'failed'
  | 'ambiguous'
  | 'undefined'
  | 'pending'
  | 'skipped'
  | 'unknown'
  /** started, but the stream ends before it finished */
  | 'incomplete'
  /** in the feature files, but not in the last run (filtered out, or no results at all) */
  | 'not run';

export interface DocsData {
  readonly title: string;
  readonly generatedAt: string;
  readonly run: RunDoc;
  readonly features: FeatureDoc[];
  readonly scenarios: ScenarioDoc[];
  readonly aggregates: AggregateDoc[];
  readonly events: ContractDoc[];
  readonly commands: ContractDoc[];
  readonly projections: ProjectionDoc[];
  readonly processes: ProcessDoc[];
  readonly glossary: PhraseDoc[];
  readonly uncovered: UncoveredDoc;
  /** The last runs, when the docs were built with a history folder. */
  readonly history?: HistoryDoc;
}

export interface HistoryDoc {
  /** Oldest first; the last is the run this site shows. */
  readonly runs: { readonly at: string; readonly success?: boolean }[];
  /** By scenario key: status and duration (ms, or null) in each of those runs. */
  readonly scenarios: Record<string, { readonly statuses: ScenarioStatus[]; readonly durations: (number | null)[] }>;
}

export interface RunDoc {
  /** complete: a whole stream was read; partial: it was cut short; missing: there were no results. */
  readonly state: 'complete' | 'partial' | 'missing';
  readonly source?: string;
  /** What is missing or odd about the results, in plain words. */
  readonly problems: string[];
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly success?: boolean;
  readonly implementation?: string;
  /** Where the run happened, from cucumber's meta message: the CI, its build link, the commit. */
  readonly ci?: { readonly name: string; readonly url?: string; readonly buildNumber?: string };
  readonly git?: { readonly remote?: string; readonly revision?: string; readonly branch?: string; readonly tag?: string };
  /** Each message stream's own run, when several were merged (one per CI shard, or a re-run). */
  readonly streams?: RunSourceDoc[];
  /** Whether the stream carried eventspec's recorded-events attachments at all. */
  readonly hasRecordedEvents: boolean;
}

export interface RunSourceDoc {
  readonly source: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly success?: boolean;
  readonly implementation?: string;
  readonly ci?: RunDoc['ci'];
  readonly git?: RunDoc['git'];
}

export interface FeatureDoc {
  readonly id: number;
  /** Its lasting link: the file's path, which does not move when scenarios are added. */
  readonly key: string;
  readonly uri: string;
  readonly keyword: string;
  readonly name: string;
  readonly description: string;
  readonly tags: string[];
  readonly scenarios: number[];
  /** The description as markdown rendered without any user HTML (markdown-it, html off). */
  readonly descriptionHtml?: string;
  /** The feature as written: Background, Rules, scenarios, Outlines with their Examples. */
  readonly parts: DocumentPart[];
}

export interface PlainStep {
  readonly keyword: string;
  readonly text: string;
  readonly table?: string[][];
  readonly docString?: { readonly content: string; readonly mediaType?: string };
}

export type DocumentPart =
  | { readonly kind: 'background'; readonly keyword: string; readonly name: string; readonly descriptionHtml?: string; readonly steps: PlainStep[] }
  | { readonly kind: 'scenario'; readonly scenario: number }
  | {
      readonly kind: 'outline';
      readonly keyword: string;
      readonly name: string;
      readonly tags: string[];
      readonly descriptionHtml?: string;
      readonly steps: PlainStep[];
      readonly examples: ExamplesDoc[];
    }
  | { readonly kind: 'rule'; readonly keyword: string; readonly name: string; readonly tags: string[]; readonly descriptionHtml?: string; readonly parts: DocumentPart[] };

export interface ExamplesDoc {
  readonly keyword: string;
  readonly name: string;
  readonly tags: string[];
  readonly header: string[];
  /** Each row and the scenario it became (absent when the run did not include it). */
  readonly rows: { readonly cells: string[]; readonly scenario?: number }[];
}

export interface ScenarioDoc {
  readonly id: number;
  /** Its lasting link: feature path, then the scenario's name (and example row), so adding others never moves it. */
  readonly key: string;
  readonly feature: number;
  readonly rule?: string;
  readonly keyword: string;
  readonly name: string;
  readonly description: string;
  readonly tags: string[];
  readonly uri: string;
  readonly line?: number;
  readonly status: ScenarioStatus;
  /** Attempts made when the run retried the scenario; the last one counts. */
  readonly attempts: number;
  /** What went wrong in the attempts before the last (a scenario that passed on retry is flaky). */
  readonly earlierErrors?: string[];
  readonly error?: string;
  readonly durationMs?: number;
  readonly steps: StepDoc[];
  readonly events: RecordedEventDoc[];
  /** Commands the domain's processes sent during the scenario. */
  readonly sent?: SentCommandDoc[];
  readonly attachments: AttachmentDoc[];
}

export interface StepDoc {
  readonly keyword: string;
  readonly text: string;
  readonly status: ScenarioStatus;
  /** Comes from the feature's Background. */
  readonly background?: true;
  readonly durationMs?: number;
  /** A Before/After hook; kept only when it did not pass. */
  readonly hook?: boolean;
  readonly table?: string[][];
  readonly docString?: { readonly content: string; readonly mediaType?: string };
  readonly error?: string;
}

export interface RecordedEventDoc {
  readonly streamId: string;
  readonly version?: number;
  readonly position?: number;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: unknown;
  readonly metadata?: unknown;
}

export interface SentCommandDoc {
  readonly process: string;
  readonly instance: string;
  readonly trigger: { readonly kind: 'event' | 'deadline' | 'refusal'; readonly name: string };
  readonly aggregate: string;
  readonly id: string;
  readonly command: string;
  /** `accepted`, or the rejection's name. */
  readonly outcome: string;
}

export interface AttachmentDoc {
  readonly mediaType: string;
  readonly fileName?: string;
  /** Text attachments only (base64 decoded), cut to a readable length; ANSI colour codes kept for the page to render. */
  readonly text?: string;
  /** Images and other binary attachments up to a size limit, as a data: URL to show or download. */
  readonly dataUrl?: string;
  /** The size of a binary attachment too large to embed. */
  readonly bytes?: number;
}

export interface FieldDoc {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description?: string;
  readonly default?: unknown;
}

export interface SchemaDoc {
  readonly fields: FieldDoc[];
  readonly jsonSchema: unknown;
  /** Set when zod could not express the schema as JSON Schema. */
  readonly problem?: string;
}

export interface ContractDoc {
  readonly kind: 'event' | 'command';
  readonly name: string;
  readonly aggregate: string;
  readonly description?: string;
  readonly version: number;
  readonly schema: SchemaDoc;
  readonly example?: unknown;
  readonly upcasters: { readonly from: number; readonly to: number; readonly schema: SchemaDoc }[];
  /** Scenarios that recorded this event (from the run's attachments). */
  readonly recordedIn: number[];
  /** Scenarios whose steps name this type. */
  readonly mentionedIn: number[];
}

export interface FlowDoc {
  readonly command: string;
  readonly events: string[];
  readonly rejections: string[];
  /** observed: seen in the last run; explored: found by trying the command's example on reachable states. */
  readonly source: 'observed' | 'explored' | 'both';
}

export interface AggregateDoc {
  readonly name: string;
  readonly description?: string;
  readonly commands: string[];
  readonly events: string[];
  readonly rejections: { readonly name: string; readonly description: string; readonly seenIn: number[] }[];
  readonly invariants: string[];
  readonly snapshotEvery?: number;
  readonly flows: FlowDoc[];
  /** Mermaid source of the commands → events diagram. */
  readonly diagram: string;
}

export interface ProjectionDoc {
  readonly name: string;
  readonly description?: string;
  /** The events it handles. */
  readonly events: string[];
  readonly readModels: { readonly name: string; readonly schema: SchemaDoc; readonly checkedIn: number[] }[];
}

export interface ProcessDoc {
  readonly name: string;
  readonly description?: string;
  readonly kind: 'process' | 'policy';
  /** The events it reacts to; `startedBy` those that may start an instance. */
  readonly reactsTo: string[];
  readonly startedBy: string[];
  readonly deadlines: string[];
  /** Commands whose refusal it compensates. */
  readonly compensates: string[];
  /** What it was seen to send in the run: by trigger and command, with the scenarios. */
  readonly sends: { readonly trigger: SentCommandDoc['trigger']; readonly aggregate: string; readonly command: string; readonly outcomes: string[]; readonly scenarios: number[] }[];
  /** Scenarios in which it sent a command or whose steps name it. */
  readonly coveredBy: number[];
  /** Reactions, deadlines and compensations no scenario of the run exercised. */
  readonly uncovered: string[];
  /** Mermaid source of events → process → commands across aggregates. */
  readonly diagram: string;
}

export interface PhraseDoc {
  readonly keyword?: string;
  readonly text: string;
  readonly kind: 'cucumber expression' | 'regular expression' | 'eventspec phrasing' | 'domain phrasing';
  readonly source: 'vocabulary' | 'domain' | 'step definition';
  readonly description?: string;
  readonly example?: string;
  readonly location?: string;
  /** Scenarios whose steps matched it; undefined when the run cannot tell. */
  readonly usedIn?: number[];
}

export interface UncoveredDoc {
  readonly events: string[];
  readonly commands: string[];
  readonly rejections: string[];
  readonly phrases: string[];
  /** Why a list may be incomplete (no run, no recorded-events attachments). */
  readonly notes: string[];
}
