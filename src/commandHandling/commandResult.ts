import type { RecordedEvent } from '../core/envelope';

interface Outcome {
  commandId: string;
  aggregate: string;
  streamId: string;
  command: string;
  /** True when this answer comes from the command log: the command had been handled before. */
  replayed: boolean;
  /** The command's data as JSON, kept for caller-given ids: a repeat must carry the same data. */
  fingerprint?: string;
}

export interface Accepted extends Outcome {
  status: 'accepted';
  /** Stream version after the command (unchanged when it recorded nothing). */
  version: number;
  events: RecordedEvent[];
}

export interface Rejected extends Outcome {
  status: 'rejected';
  rejection: string;
  message: string;
}

export type CommandResult = Accepted | Rejected;
