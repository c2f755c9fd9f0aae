import type { FastifyInstance } from 'fastify';
import { UnknownNameError } from '../core/errors';
import { readModelNamed } from '../projections/readModelExpectation';
import { problem } from './problem';
import { readModelQuery } from './readModelQuery';
import type { RouteContext } from './routeContext';
import { sendProblem } from './routeContext';
import type { ServiceBackend } from './serviceBackend';

/** A read-model document by id, and documents by field values (each read by the field's type). */
export function readModelRoutes(app: FastifyInstance, context: RouteContext): void {
  const { domain } = context;
  app.get<{ Params: { readModel: string; id: string } }>('/read-models/:readModel/:id', async (request, reply) => {
    const ref = readModelNamed(domain, request.params.readModel);
    const backend = context.backendFor(request);
    const doc = await readModelsOf(backend).get(ref.name, request.params.id);
    if (doc === undefined) {
      // "Not yet" is true only while the read side follows; a stopped one will not catch up.
      const stopped = (await backend.statuses()).filter((s) => s.state === 'failed').map((s) => s.name);
      const why = stopped.length > 0 ? `; ${stopped.join(', ')} ${stopped.length === 1 ? 'has' : 'have'} stopped on an error (see /ready), so it may never come` : ' (yet: projections follow the events shortly after)';
      return sendProblem(reply, problem(404, 'no-document', 'no such document', `the ${ref.name} read model has no document "${request.params.id}"${why}`));
    }
    return { readModel: ref.name, id: request.params.id, doc };
  });

  app.get<{ Params: { readModel: string }; Querystring: Record<string, string | string[] | undefined> }>('/read-models/:readModel', async (request) => {
    const ref = readModelNamed(domain, request.params.readModel);
    const { filter, limit, after } = readModelQuery(ref.name, ref.schema, request.query);
    const documents = await readModelsOf(context.backendFor(request)).find(ref.name, filter, { ...(limit !== undefined ? { limit } : {}), ...(after !== undefined ? { after } : {}) });
    // A full page may have more after it: `next` is the after= of the next page.
    const last = documents[documents.length - 1];
    return { readModel: ref.name, documents, ...(limit !== undefined && documents.length === limit && last ? { next: last.id } : {}) };
  });
}

function readModelsOf(backend: ServiceBackend) {
  if (!backend.readModels) throw new UnknownNameError('this service keeps no read models: its domain registers no projections');
  return backend.readModels;
}
