import type { Tracer } from '@opentelemetry/api';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify';
import { exampleJson } from '../contracts/exampleJson';
import type { Domain } from '../domain/defineDomain';
import { aggregateRoutes } from './aggregateRoutes';
import type { AuthOptions } from './bearerAuth';
import { carriesToken, needsToken } from './bearerAuth';
import { commandRoute } from './commandRoute';
import { fastifyProblem } from './fastifyProblem';
import { parseJsonBody } from './jsonBody';
import { openApiDocument } from './openApiDocument';
import { probeRoutes } from './probeRoutes';
import { problem, problemOfError } from './problem';
import { readModelRoutes } from './readModelRoutes';
import type { RouteContext } from './routeContext';
import { sendProblem } from './routeContext';
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
    // Fastify's default (100 characters) would make longer aggregate ids unreachable; the stores take any length.
    routerOptions: { maxParamLength: 2048 },
    // Errors Fastify answers before any route (a path part too long, a malformed URL): problem+json too.
    frameworkErrors: (error, _request, reply) => {
      void sendProblem(reply, fastifyProblem(error) ?? problem(400, 'bad-request', 'the request cannot be handled', 'the request path cannot be read; see /openapi.json for the routes'));
    },
  });
  const openApi = openApiDocument(domain, { auth: { writes: auth.token !== undefined, reads: auth.token !== undefined && auth.authenticateReads === true } });

  // Fastify reads text/plain as a string by default; a command body is JSON or nothing (415).
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    try {
      done(null, text.trim() === '' ? undefined : parseJsonBody(text, 'the body', bodyFix(domain, request.params)));
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
    if (typeof answer.actualVersion === 'number') reply.header('ETag', `"${answer.actualVersion}"`);
    return sendProblem(reply, answer);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = allowedMethods(path);
    if (allowed !== undefined) {
      reply.header('Allow', allowed.join(', '));
      return sendProblem(reply, problem(405, 'method-not-allowed', 'method not allowed', `${request.method} is not allowed on ${path}; it takes ${allowed.join(' or ')}`));
    }
    return sendProblem(reply, problem(404, 'no-route', 'no such route', `${request.method} ${path} is not a route of this service; see /openapi.json for every route`));
  });

  const context: RouteContext = { domain, backendFor: options.backendFor, metrics, tracer };
  commandRoute(app, context);
  aggregateRoutes(app, context);
  readModelRoutes(app, context);
  probeRoutes(app, context, openApi);

  return app;
}

/** The methods a path of this service takes, when it is one of its routes (for 405 and Allow). */
export function allowedMethods(path: string): string[] | undefined {
  if (/^\/aggregates\/[^/]+\/[^/]+\/commands\/[^/]+$/.test(path)) return ['POST'];
  if (/^\/aggregates\/[^/]+\/[^/]+(\/events)?$/.test(path) || /^\/read-models\/[^/]+(\/[^/]+)?$/.test(path)) return ['GET', 'HEAD'];
  if (['/health', '/ready', '/metrics', '/openapi.json'].includes(path)) return ['GET', 'HEAD'];
  return undefined;
}

/** Whatever the logger logs of a request, the Authorization header (the token) is censored. */
function withRedaction(logger: ServiceAppOptions['logger']): ServiceAppOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  const options = logger === true ? {} : logger;
  const paths = ['req.headers.authorization', 'headers.authorization'];
  const given = (options as { redact?: unknown }).redact;
  return { ...options, redact: Array.isArray(given) ? [...(given as string[]), ...paths] : paths };
}

/** How to write the body, with the command's own example when the route names a known command. */
function bodyFix(domain: Domain, params: unknown): string {
  const { aggregate, command } = (params ?? {}) as { aggregate?: string; command?: string };
  const contract = domain.aggregates.find((a) => a.name === aggregate)?.commandsByName.get(command ?? '');
  if (!contract) return 'send the command\'s fields as a JSON object (see /openapi.json for each command\'s)';
  return `send ${contract.name}'s fields as a JSON object, e.g. ${exampleJson(contract)}`;
}
