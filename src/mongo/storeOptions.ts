import { LARGEST_STORED_BYTES } from '../core/storedSize';
import { MongoSetupError } from './mongoSetupError';

/** How big one chunk document may grow: by event count and by the bytes its events take. */
export interface ChunkLimits {
  maxEvents: number;
  maxBytes: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxEvents: 500, maxBytes: 1024 * 1024 };
/** MongoDB refuses documents over 16 MiB; a chunk keeps 1 MiB for its own fields and the update command. */
export const LARGEST_CHUNK_BYTES = LARGEST_STORED_BYTES;

export interface CollectionNames {
  events: string;
  positions: string;
  snapshots: string;
  commands: string;
}

export function chunkLimits(options: { chunkMaxEvents?: number | undefined; chunkMaxBytes?: number | undefined }): ChunkLimits {
  const maxEvents = options.chunkMaxEvents ?? DEFAULT_CHUNK_LIMITS.maxEvents;
  const maxBytes = options.chunkMaxBytes ?? DEFAULT_CHUNK_LIMITS.maxBytes;
  if (!Number.isInteger(maxEvents) || maxEvents < 1) {
    throw new MongoSetupError(`chunkMaxEvents must be a whole number ≥ 1, got ${String(maxEvents)}`);
  }
  if (!Number.isInteger(maxBytes) || maxBytes < 1024 || maxBytes > LARGEST_CHUNK_BYTES) {
    throw new MongoSetupError(`chunkMaxBytes must be a whole number from 1024 to ${LARGEST_CHUNK_BYTES} (15 MiB, under MongoDB's 16 MiB document limit), got ${String(maxBytes)}`);
  }
  return { maxEvents, maxBytes };
}

/** The store's collections: `<prefix>events`, `<prefix>positions`, `<prefix>snapshots`, `<prefix>commands`. */
export function collectionNames(prefix: string): CollectionNames {
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9_.-]{0,100}$/.test(prefix) || prefix.startsWith('system.')) {
    throw new MongoSetupError(
      `collectionPrefix ${JSON.stringify(prefix)} is not usable: use up to 100 letters, digits, "_", "-" or "." (and not "system.")`,
    );
  }
  return { events: `${prefix}events`, positions: `${prefix}positions`, snapshots: `${prefix}snapshots`, commands: `${prefix}commands` };
}

export function checkDatabaseName(name: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 63 || /[/\\. "$*<>:|?\0]/.test(name)) {
    throw new MongoSetupError(`database name ${JSON.stringify(name)} is not usable: 1 to 63 characters, none of / \\ . " $ * < > : | ? or spaces`);
  }
  return name;
}
