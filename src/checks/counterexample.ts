import type { PropertyName } from './properties';

/** An event as a scenario states it: type, data, and the schema version the data is written in. */
export interface StatedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** The expectation a scenario states, in the kit's vocabulary. */
export type ThenClause =
  | { readonly kind: 'accepted' }
  /** Accepted, or refused for a declared reason: all a property that only forbids failures can promise. */
  | { readonly kind: 'handled' }
  | { readonly kind: 'rejected'; readonly rejection: string }
  | { readonly kind: 'recordsNothing' }
  | { readonly kind: 'records'; readonly events: readonly { type: string; data?: unknown }[] }
  | { readonly kind: 'state'; readonly fields: readonly { path: string; value: unknown }[] }
  /** What no step of the vocabulary can state: printed as a comment where the step would be. */
  | { readonly kind: 'note'; readonly text: string };

/** A shrunk failing case in scenario form: history of one aggregate, one command, the broken expectation. */
export interface Counterexample {
  readonly aggregate: string;
  readonly id: string;
  /** Events stated as history, all at one schema version (`historyVersion`, or current when absent). */
  readonly history: readonly StatedEvent[];
  readonly historyVersion?: number;
  readonly command?: { readonly type: string; readonly data: unknown };
  readonly then: readonly ThenClause[];
  /** Lines of explanation, printed as Gherkin comments. */
  readonly notes: readonly string[];
  /** Scenario title: the behaviour that should hold. */
  readonly title: string;
  /** The time the check's clock showed. */
  readonly time: string;
}

export interface PropertyFailure {
  readonly property: PropertyName;
  /** What went wrong, in one or two sentences. */
  readonly message: string;
  readonly counterexample: Counterexample;
}
