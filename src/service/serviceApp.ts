import { performance } from 'node:perf_hooks';
import type { Tracer } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { CommandResult } from '../commandHandling/commandResult';
import { fieldPaths, fieldSchema } from '../contracts/schemaFields';
import { toDate } from '../core/clock';
import { EventspecError, UnknownNameError } from '../core/errors';
import { didYouMean } from '../core/suggest';
import type { Domain } from '../domain/defineDomain';
import { coerceCell } from '../gherkin/coerceCell';
import { readModelNamed } from '../projections/readModelExpectation';
import type { AuthOptions } from './bearerAuth';
import { carriesToken, needsToken } from './bearerAuth';
import { BodyError, parseJsonBody } from './jsonBody';
import { openApiDocument } from './openApiDocument';
import type { Problem } from './problem';
import { PROBLEM_JSON, problem, problemOfError, rejectionProblem } from './problem';
import { commandIdOf, eventMetadataOf, expectedVersionOf, singleHeader, versionParameter } from './requestHeaders';
import type { ServiceBackend } from './serviceBackend';
import type { ServiceMetrics } from './serviceMetrics';

export interface ServiceAppOptions {
  domain: Domain;
  /** The backend a request works against: one for a service, one per scenario for the `http` profile. */
  backendFor(request: FastifyRequest): ServiceBackend;
  metrics: ServiceMetrics;
  tracer: Tracer;
  auth: AuthOptions;
  /** Largest body accepted, in bytes (default 256 KiB). */
  bodyLimit?: number;
  logger?: FastifyServerOptions['logger'];
}

type Params = { aggregate: string; id: string; command: string; readModel: string };
type Query = Record<string, string | undefined>;

const sendProblem = (reply: FastifyReply, answer: Problem) => reply.code(answer.status).type(PROBLEM_JSON).send(answer);

/** The HTTP routes over a domain: commands, state and events, read models, health, OpenAPI, metrics. */
export function serviceApp(options: ServiceAppOptions): FastifyInstance {
  const { domain, metrics, tracer, auth } = options;
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    // Kept on for any JSON parser Fastify itself uses; the service's own parser below names the key.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    logger: withRedaction(options.logger),
    // Idle keep-alive sockets close at once on shutdown; requests in flight are answered first.
    forceCloseConnections: 'idle',
  });
  const openApi = openApiDocument(domain, { auth: { writes: auth.token !== undefined, reads: auth.token !== undefined && auth.authenticateReads === true } });

  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    try {
      done(null, text.trim() === '' ? undefined : parseJsonBody(text));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  // A keep-alive socket still busy when closing began is not idle then, so Fastify would wait out its
  // keep-alive timeout (72 s) after answering; the answers given while closing end their socket.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('Connection', 'close');
  });

  // Registered only with a token: a hook costs every request a turn of the promise queue.
  if (auth.token !== undefined) app.addHook('onRequest', async (request, reply) => {
    if (!needsToken(request.method, request.url, auth)) return;
    if (carriesToken(request.headers.authorization, auth.token!)) return;
    reply.header('WWW-Authenticate', 'Bearer realm="eventspec"');
    return sendProblem(reply, problem(401, 'unauthenticated', 'authentication needed', 'this request needs the service token: send the header Authorization: Bearer <token>'));
  });

  app.setErrorHandler((error, request, reply) => {
    const answer = fastifyProblem(error) ?? problemOfError(error);
    if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, answer);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'no-route', 'no such route', `${request.method} ${request.url.split('?')[0]} is not a route of this service; see /openapi.json for every route`)),
  );

  app.post<{ Params: Pick<Params, 'aggregate' | 'id' | 'command'> }>('/aggregates/:aggregate/:id/commands/:command', async (request, reply) => {
    const started = performance.now();
    const { aggregate: aggregateName, id, command } = request.params;
    const aggregate = domain.aggregate(aggregateName);
    if (!aggregate.commandsByName.has(command)) {
      throw new UnknownNameError(`${aggregate.name} has no command \`${command}\`${didYouMean(command, [...aggregate.commandsByName.keys()])}`);
    }
    const labels = { aggregate: aggregate.name, command };
    const correlationId = singleHeader(request.headers['x-correlation-id'], 'X-Correlation-Id');
    const causationId = singleHeader(request.headers['x-causation-id'], 'X-Causation-Id');
    const attributes = {
      'eventspec.aggregate': aggregate.name,
      'eventspec.command': command,
      'eventspec.stream_id': `${aggregate.name}-${id}`,
      ...(correlationId !== undefined ? { 'eventspec.correlation_id': correlationId } : {}),
      ...(causationId !== undefined ? { 'eventspec.causation_id': causationId } : {}),
    };
    return tracer.startActiveSpan(`command ${aggregate.name}.${command}`, { kind: SpanKind.SERVER, attributes }, async (span) => {
      let outcome = 'failed';
      try {
        const commandId = commandIdOf(singleHeader(request.headers['idempotency-key'], 'Idempotency-Key'));
        const expectedVersion = expectedVersionOf(singleHeader(request.headers['if-match'], 'If-Match'));
        const metadata = eventMetadataOf(singleHeader(request.headers['x-event-metadata'], 'X-Event-Metadata'));
        const result: CommandResult = await options.backendFor(request).handler.handle({
          aggregate: aggregate.name,
          id,
          command: { type: command, data: request.body ?? {} },
          ...(commandId !== undefined ? { commandId } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          ...(correlationId !== undefined ? { correlationId } : {}),
          ...(causationId !== undefined ? { causationId } : {}),
          ...(metadata !== undefined ? { metadata } : {}),
        });
        span.setAttributes({
          'eventspec.command_id': result.commandId,
          'eventspec.correlation_id': correlationId ?? result.commandId,
          'eventspec.causation_id': causationId ?? result.commandId,
          'eventspec.outcome': result.status,
        });
        outcome = result.status;
        if (result.status === 'rejected') {
          span.setAttribute('eventspec.rejection', result.rejection);
          return sendProblem(reply, rejectionProblem(result));
        }
        reply.header('ETag', `"${result.version}"`);
        return { status: result.status, commandId: result.commandId, streamId: result.streamId, version: result.version, replayed: result.replayed, events: result.events };
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
        metrics.commands.inc({ ...labels, outcome });
        metrics.commandSeconds.observe({ ...labels, outcome }, (performance.now() - started) / 1000);
      }
    });
  });

  const loadOptions = (query: Query) => {
    const atVersion = versionParameter(query.atVersion);
    if (atVersion !== undefined && query.asOf !== undefined) throw new EventspecError('give either atVersion or asOf, not both');
    return atVersion !== undefined ? { atVersion } : query.asOf !== undefined ? { asOf: query.asOf } : {};
  };

  app.get<{ Params: Pick<Params, 'aggregate' | 'id'>; Querystring: Query }>('/aggregates/:aggregate/:id', async (request, reply) => {
    const aggregate = domain.aggregate(request.params.aggregate);
    const { id } = request.params;
    const loaded = await options.backendFor(request).handler.load(aggregate, id, loadOptions(request.query));
    reply.header('ETag', `"${loaded.version}"`);
    return { aggregate: aggregate.name, id, streamId: `${aggregate.name}-${id}`, version: loaded.version, state: loaded.state };
  });

  app.get<{ Params: Pick<Params, 'aggregate' | 'id'>; Querystring: Query }>('/aggregates/:aggregate/:id/events', async (request) => {
    const aggregate = domain.aggregate(request.params.aggregate);
    const { id } = request.params;
    const streamId = `${aggregate.name}-${id}`;
    const backend = options.backendFor(request);
    const wanted = loadOptions(request.query);
    // The state at that point says which version it is; the events are those up to it.
    const loaded = await backend.handler.load(aggregate, id, wanted);
    const stored = loaded.version === 0 ? [] : await backend.events.readStream(streamId, { maxCount: loaded.version });
    const asOf = 'asOf' in wanted && wanted.asOf !== undefined ? toDate(wanted.asOf, 'asOf').getTime() : undefined;
    const events = asOf === undefined ? stored : stored.filter((event) => Date.parse(event.metadata.occurredAt) <= asOf);
    return { streamId, version: loaded.version, events };
  });

  app.get<{ Params: Pick<Params, 'readModel' | 'id'> }>('/read-models/:readModel/:id', async (request, reply) => {
    const ref = readModelNamed(domain, request.params.readModel);
    const doc = await readModelsOf(options.backendFor(request)).get(ref.name, request.params.id);
    if (doc === undefined) {
      return sendProblem(reply, problem(404, 'no-document', 'no such document', `the ${ref.name} read model has no document "${request.params.id}" (yet: projections follow the events shortly after)`));
    }
    return { readModel: ref.name, id: request.params.id, doc };
  });

  app.get<{ Params: Pick<Params, 'readModel'>; Querystring: Query }>('/read-models/:readModel', async (request) => {
    const ref = readModelNamed(domain, request.params.readModel);
    const { limit: limitText, ...fields } = request.query;
    const filter: Record<string, unknown> = {};
    const known = fieldPaths(ref.schema);
    for (const [field, text] of Object.entries(fields)) {
      const schema = fieldSchema(ref.schema, field);
      if (!schema) throw new EventspecError(`the ${ref.name} read model has no field \`${field}\`${didYouMean(field, known)}`);
      const coerced = coerceCell(schema, String(text));
      if (!coerced.ok) throw new EventspecError(`${field}: ${coerced.problem}`);
      filter[field] = coerced.value;
    }
    let limit: number | undefined;
    if (limitText !== undefined) {
      if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 1000) throw new EventspecError(`limit=${JSON.stringify(limitText)} must be a whole number from 1 to 1000`);
      limit = Number(limitText);
    }
    const documents = await readModelsOf(options.backendFor(request)).find(ref.name, filter, limit !== undefined ? { limit } : {});
    return { readModel: ref.name, documents };
  });

  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (request, reply) => {
    const backend = options.backendFor(request);
    let store: { reachable: boolean; head?: number; problem?: string };
    try {
      store = { reachable: true, head: await backend.events.headPosition() };
    } catch (error) {
      request.log.warn({ err: error }, 'the event store is not reachable');
      store = { reachable: false, problem: 'the event store did not answer; see the service log' };
    }
    let statuses: Awaited<ReturnType<ServiceBackend['statuses']>> | undefined;
    try {
      statuses = await backend.statuses();
    } catch (error) {
      request.log.warn({ err: error }, 'the read side cannot tell its status');
    }
    const projections = (statuses ?? []).map((s) => ({ name: s.name, state: s.state, checkpoint: s.checkpoint, lag: s.lag, ...(s.error ? { error: s.error.message } : {}) }));
    const ready = store.reachable && statuses !== undefined && statuses.every((s) => s.state === 'following');
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', store, projections, ...(statuses === undefined ? { problem: 'the read-model store did not answer; see the service log' } : {}) };
  });

  app.get('/openapi.json', async () => openApi);

  app.get('/metrics', async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return app;
}

function readModelsOf(backend: ServiceBackend) {
  if (!backend.readModels) throw new UnknownNameError('this service keeps no read models: its domain registers no projections');
  return backend.readModels;
}

/** Fastify's own refusals (body too large, wrong media type…), told in the service's words. */
function fastifyProblem(error: unknown): Problem | undefined {
  if (error instanceof BodyError) return problem(400, 'invalid-body', 'the body cannot be read', error.message);
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body-too-large', 'the body is too large', 'the body is larger than this service accepts; send only the command\'s fields (the limit is set with bodyLimit)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'media-type', 'the body must be JSON', 'send the body as JSON with the header Content-Type: application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'invalid-body', 'the body cannot be read', 'the body is not valid JSON, or has a key that could change object prototypes (__proto__, constructor.prototype)');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'invalid-body', 'the body cannot be read', 'the body is not as long as its Content-Length header says');
    default:
      return undefined;
  }
}

/** Whatever the logger logs of a request, the Authorization header (the token) is censored. */
function withRedaction(logger: ServiceAppOptions['logger']): ServiceAppOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  const options = logger === true ? {} : logger;
  const paths = ['req.headers.authorization', 'headers.authorization'];
  const given = (options as { redact?: unknown }).redact;
  return { ...options, redact: Array.isArray(given) ? [...(given as string[]), ...paths] : paths };
}
