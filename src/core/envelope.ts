/** What every stored event carries besides its data. User metadata sits next to the known keys. */
export interface EventMetadata {
  occurredAt: string;
  recordedAt?: string;
  correlationId?: string;
  causationId?: string;
  commandId?: string;
  [key: string]: unknown;
}

/** An event about to be appended: the store assigns version, position and recordedAt. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored: the envelope. Versions count from 1 inside a stream; positions from 1 across all streams. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  version: number;
  position: number;
  metadata: EventMetadata & { recordedAt: string };
}
