/** What a command should do according to a model: be rejected by name, or be accepted (recording these events). */
export type ExpectedOutcome =
  | { readonly rejected: string }
  | { readonly accepted: true; readonly records?: readonly (string | { readonly type: string; readonly data?: Record<string, unknown> })[] };

/**
 * A small model of one aggregate instance for model-based checks: the check runs each command
 * against the model and the real aggregate and compares the outcomes (and, optionally, the state).
 */
export interface AggregateModel<M = unknown> {
  initial(): M;
  /** The expected outcome of a command (its data already parsed by its contract) and the model afterwards. */
  run(model: M, command: { readonly type: string; readonly data: unknown }): { expect: ExpectedOutcome; model: M };
  /** State fields (dotted paths) the real aggregate should have; compared on the fields given. */
  state?(model: M): Record<string, unknown>;
}
