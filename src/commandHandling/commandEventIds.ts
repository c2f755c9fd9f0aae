import type { RecordedEvent } from '../core/envelope';
import type { EventStore } from '../eventStore/eventStore';
import type { Accepted } from './commandResult';

/**
 * The id of a command's n-th event (0-based index): derived from the command id, never random, so
 * every try of one command sends the same ids and the store's idempotency recognises a batch that
 * an earlier, seemingly failed try already stored. The suffix after the last `:` is a number, so
 * two commands never share an event id.
 */
export function commandEventId(commandId: string, index: number): string {
  return `${commandId}:${index + 1}`;
}

/** Most events one command is looked for with; a command recording more is read back in pages. */
const PAGE = 100;

/**
 * The answer to a command whose events are already in the stream (an earlier try stored them, and
 * its answer was lost), found by its first event id; undefined when the command stored nothing.
 */
export async function storedCommand(
  store: EventStore,
  streamId: string,
  commandId: string,
  base: Omit<Accepted, 'status' | 'version' | 'events' | 'replayed'>,
): Promise<Accepted | undefined> {
  const first = await store.eventVersion(streamId, commandEventId(commandId, 0));
  if (first === undefined) return undefined;
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readStream(streamId, { fromVersion: first + events.length, maxCount: PAGE });
    let taken = 0;
    for (const event of page) {
      if (event.id !== commandEventId(commandId, events.length)) break;
      events.push(event);
      taken += 1;
    }
    if (taken < PAGE) break;
  }
  return { ...base, status: 'accepted', replayed: true, version: events[events.length - 1]!.version, events };
}
