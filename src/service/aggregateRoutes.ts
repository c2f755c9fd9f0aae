import type { FastifyInstance } from 'fastify';
import { toDate } from '../core/clock';
import { EventspecError } from '../core/errors';
import { versionParameter } from './requestHeaders';
import { problem, type Problem } from './problem';
import type { Query, RouteContext } from './routeContext';
import { sendProblem } from './routeContext';
import type { ServiceBackend } from './serviceBackend';

/** A stream without events: no command created this aggregate (its state would be the initial one; `?atVersion=0` shows it). */
function neverCreated(aggregate: string, id: string): Problem {
  return problem(404, 'no-events', 'no such aggregate', `${aggregate} "${id}" has no events: no command has created it yet (its state would be the initial one; ?atVersion=0 shows it)`);
}

/** Version 0 without ?atVersion: no event at all, or only events after ?asOf? The stream is read only then. */
async function neverWritten(backend: ServiceBackend, streamId: string, version: number, wanted: object): Promise<boolean> {
  return version === 0 && !('atVersion' in wanted) && (await backend.events.streamVersion(streamId)) === 0;
}

/** Whether an If-None-Match header names this version (weakly compared, as RFC 9110 has it for If-None-Match). */
function isCurrent(header: string | string[] | undefined, version: number): boolean {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text === undefined) return false;
  return text.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === `"${version}"`);
}

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
    const backend = context.backendFor(request);
    const wanted = loadOptions(request.query);
    const loaded = await backend.handler.load(aggregate, id, wanted);
    if (await neverWritten(backend, `${aggregate.name}-${id}`, loaded.version, wanted)) return sendProblem(reply, neverCreated(aggregate.name, id));
    reply.header('ETag', `"${loaded.version}"`);
    // The client's copy is current: nothing to send again.
    if (isCurrent(request.headers['if-none-match'], loaded.version)) return reply.code(304).send();
    return { aggregate: aggregate.name, id, streamId: `${aggregate.name}-${id}`, version: loaded.version, state: loaded.state };
  });

  app.get<{ Params: { aggregate: string; id: string }; Querystring: Query }>('/aggregates/:aggregate/:id/events', async (request, reply) => {
    const aggregate = domain.aggregate(request.params.aggregate);
    const { id } = request.params;
    const streamId = `${aggregate.name}-${id}`;
    const backend = context.backendFor(request);
    const wanted = loadOptions(request.query);
    // The state at that point says which version it is; the events are those up to it.
    const loaded = await backend.handler.load(aggregate, id, wanted);
    if (await neverWritten(backend, streamId, loaded.version, wanted)) return sendProblem(reply, neverCreated(aggregate.name, id));
    const stored = loaded.version === 0 ? [] : await backend.events.readStream(streamId, { maxCount: loaded.version });
    const asOf = 'asOf' in wanted && wanted.asOf !== undefined ? toDate(wanted.asOf, 'asOf').getTime() : undefined;
    const events = asOf === undefined ? stored : stored.filter((event) => Date.parse(event.metadata.occurredAt) <= asOf);
    return { streamId, version: loaded.version, events };
  });
}
