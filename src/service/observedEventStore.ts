import type { Tracer } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { EventspecError, WrongExpectedVersionError } from '../core/errors';
import type { EventStore } from '../eventStore/eventStore';
import type { ServiceMetrics } from './serviceMetrics';

/** `Order-o-1` → `Order`: a bounded label (never the id, which would make one series per stream). */
export const aggregateOfStream = (streamId: string) => {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
};

/** Failures of the store itself, as opposed to a request the store refused for a reason of its own. */
const storeFailure = (error: unknown) => !(error instanceof EventspecError);

/**
 * The event store with every append counted and traced: a span per append (stream, count, the
 * correlation and causation ids of the batch), the events stored, conflicts and store errors.
 */
export function observedEventStore(store: EventStore, metrics: ServiceMetrics, tracer: Tracer): EventStore {
  const counted = <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        if (storeFailure(error)) metrics.storeErrors.inc({ operation });
        throw error;
      }
    };
  return {
    ...store,
    readStream: counted('readStream', (streamId, options) => store.readStream(streamId, options)),
    readAll: counted('readAll', (options) => store.readAll(options)),
    streamVersion: counted('streamVersion', (streamId) => store.streamVersion(streamId)),
    eventVersion: counted('eventVersion', (streamId, eventId) => store.eventVersion(streamId, eventId)),
    headPosition: counted('headPosition', () => store.headPosition()),
    append(streamId, events, options) {
      const aggregate = aggregateOfStream(streamId);
      const metadata = events[0]?.metadata;
      const attributes = {
        'eventspec.stream_id': streamId,
        'eventspec.event_count': events.length,
        ...(typeof metadata?.correlationId === 'string' ? { 'eventspec.correlation_id': metadata.correlationId } : {}),
        ...(typeof metadata?.causationId === 'string' ? { 'eventspec.causation_id': metadata.causationId } : {}),
      };
      return tracer.startActiveSpan(`append ${aggregate}`, { kind: SpanKind.INTERNAL, attributes }, async (span) => {
        try {
          const result = await store.append(streamId, events, options);
          span.setAttribute('eventspec.version', result.nextExpectedVersion);
          if (!result.alreadyStored) for (const event of result.events) metrics.eventsAppended.inc({ aggregate, event: event.type });
          return result;
        } catch (error) {
          if (error instanceof WrongExpectedVersionError) metrics.appendConflicts.inc({ aggregate });
          else if (storeFailure(error)) metrics.storeErrors.inc({ operation: 'append' });
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).name });
          throw error;
        } finally {
          span.end();
        }
      });
    },
  };
}
