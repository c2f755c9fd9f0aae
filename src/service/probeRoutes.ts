import type { FastifyInstance } from 'fastify';
import type { RouteContext } from './routeContext';
import type { ServiceBackend } from './serviceBackend';

/** Health, readiness (the store and each projection's lag), the OpenAPI document and metrics. */
export function probeRoutes(app: FastifyInstance, context: RouteContext, openApi: object): void {
  const { metrics } = context;
  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (request, reply) => {
    const backend = context.backendFor(request);
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
}
