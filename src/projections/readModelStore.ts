/** One staged write to a read model. */
export type ReadModelChange =
  | { readonly kind: 'put'; readonly readModel: string; readonly id: string; readonly doc: unknown }
  | { readonly kind: 'delete'; readonly readModel: string; readonly id: string };

/** Read-model changes and the checkpoint they bring a projection to: applied together or not at all. */
export interface ReadModelCommit {
  readonly projection: string;
  /** The checkpoint these changes were computed from; if the stored one differs, nothing is written. */
  readonly expectedCheckpoint: number;
  /** Global position of the last event these changes include. */
  readonly checkpoint: number;
  readonly changes: readonly ReadModelChange[];
}

export interface ReadModelDocument<Doc = unknown> {
  readonly id: string;
  readonly doc: Doc;
}

/** Field equality, dotted paths for nested fields: `{ status: 'open', 'owner.name': 'alice' }`. */
export type ReadModelFilter = Readonly<Record<string, unknown>>;

export interface FindOptions {
  limit?: number;
  /** Only documents whose id comes after this one in id order: the last id of the previous page. */
  after?: string;
}

/**
 * Where projections keep their documents and checkpoints. The shared contract suite
 * (test/projections/readModelStoreContract.ts) defines its meaning for every implementation.
 */
export interface ReadModelStore {
  get(readModel: string, id: string): Promise<unknown>;
  /** Documents matching every field of the filter (all of them for `{}`), ordered by id. */
  find(readModel: string, filter?: ReadModelFilter, options?: FindOptions): Promise<ReadModelDocument[]>;
  /**
   * How many documents the read model holds, without reading them (a health probe asks this of a
   * process's pending deadlines, which may be millions). A store without it is counted by `find`.
   */
  count?(readModel: string): Promise<number>;
  /** Global position the projection has applied up to; 0 when it never ran. */
  checkpoint(projection: string): Promise<number>;
  /** Applies the changes and moves the checkpoint atomically; throws CheckpointConflict if it moved meanwhile. */
  commit(commit: ReadModelCommit): Promise<void>;
  /** Deletes every document of the read models and sets the checkpoint to 0, together (for a rebuild). */
  reset(projection: string, readModels: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
