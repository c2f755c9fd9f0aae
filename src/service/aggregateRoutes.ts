import type { FastifyInstance } from 'fastify';
import { toDate } from '../core/clock';
import { EventspecError } from '../core/errors';
import { versionParameter } from './requestHeaders';
import type { Query, RouteContext } from './routeContext';

/** An aggregate's state and its events, now or at a version or a time. */
export function aggregateRoutes(app: FastifyInstance, context: RouteContext): void {
  const { domain } = context;
  const loadOptions = (query: Query) => {
    const atVersion = versionParameter(query.atVersion);
    if (atVersion !== undefined && query.asOf !== undefined) throw new EventspecError('give either atVersion or asOf, not both');
    return atVersion !== undefined ? { atVersion } : query.asOf !== undefined ? { asOf: query.asOf } : {};
  };

  app.get<{ Params: { aggregate: string; id: string }; Querystring: Query }>('/aggregates/:aggregate/:id', async (request, reply) => {
    const aggregate = domain.aggregate(request.params.aggregate);
    const { id } = request.params;
    const loaded = await context.backendFor(request).handler.load(aggregate, id, loadOptions(request.query));
    reply.header('ETag', `"${loaded.version}"`);
    return { aggregate: aggregate.name, id, streamId: `${aggregate.name}-${id}`, version: loaded.version, state: loaded.state };
  });

  app.get<{ Params: { aggregate: string; id: string }; Querystring: Query }>('/aggregates/:aggregate/:id/events', async (request) => {
    const aggregate = domain.aggregate(request.params.aggregate);
    const { id } = request.params;
    const streamId = `${aggregate.name}-${id}`;
    const backend = context.backendFor(request);
    const wanted = loadOptions(request.query);
    // The state at that point says which version it is; the events are those up to it.
    const loaded = await backend.handler.load(aggregate, id, wanted);
    const stored = loaded.version === 0 ? [] : await backend.events.readStream(streamId, { maxCount: loaded.version });
    const asOf = 'asOf' in wanted && wanted.asOf !== undefined ? toDate(wanted.asOf, 'asOf').getTime() : undefined;
    const events = asOf === undefined ? stored : stored.filter((event) => Date.parse(event.metadata.occurredAt) <= asOf);
    return { streamId, version: loaded.version, events };
  });
}
