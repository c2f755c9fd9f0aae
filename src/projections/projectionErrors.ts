import { EventspecError } from '../core/errors';

/** A handler (or the upcast before it) failed: the projection stops before that event. */
export class ProjectionFailed extends EventspecError {
  override name = 'ProjectionFailed';
  constructor(
    readonly projection: string,
    readonly eventType: string,
    readonly position: number,
    readonly streamId: string,
    readonly version: number,
    override readonly cause: unknown,
    readonly role: 'projection' | 'process' = 'projection',
  ) {
    super(
      `${role} ${projection} failed on ${eventType} at position ${position} (stream "${streamId}" version ${version}): ` +
        `${cause instanceof Error ? cause.message : String(cause)}. ` +
        `Its checkpoint stays at the event before; fix the ${role === 'process' ? 'process' : 'handler'} or the data and restart it.`,
    );
  }
}

/** The stored checkpoint is not the one the commit was computed from: another runner moved it. */
export class CheckpointConflict extends EventspecError {
  override name = 'CheckpointConflict';
  constructor(
    readonly projection: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `projection ${projection}: expected its checkpoint at ${expected} but it is at ${actual}; ` +
        `another runner is working on it, or it was reset meanwhile. Nothing was written.`,
    );
  }
}
