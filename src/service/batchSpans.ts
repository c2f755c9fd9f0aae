import type { Tracer } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import type { RecordedEvent } from '../core/envelope';

/** At most this many distinct ids per batch span: a batch holds up to 500 events. */
const MAX_IDS = 20;

const distinct = (events: readonly RecordedEvent[], key: 'correlationId' | 'causationId'): string[] => {
  const ids = new Set<string>();
  for (const event of events) {
    const id = event.metadata[key];
    if (typeof id === 'string') ids.add(id);
    if (ids.size >= MAX_IDS) break;
  }
  return [...ids];
};

/** A span per projection (or process) batch, naming the positions and the ids of what caused them. */
export function batchSpans(tracer: Tracer) {
  return (projection: string, events: readonly RecordedEvent[], apply: () => Promise<void>): Promise<void> =>
    tracer.startActiveSpan(
      `project ${projection}`,
      {
        attributes: {
          'eventspec.projection': projection,
          'eventspec.event_count': events.length,
          'eventspec.from_position': events[0]?.position ?? 0,
          'eventspec.to_position': events[events.length - 1]?.position ?? 0,
          'eventspec.correlation_ids': distinct(events, 'correlationId'),
          'eventspec.causation_ids': distinct(events, 'causationId'),
        },
      },
      async (span) => {
        try {
          await apply();
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
}
