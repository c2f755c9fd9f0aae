import type { FastifyInstance } from 'fastify';
import { fieldPaths, fieldSchema } from '../contracts/schemaFields';
import { EventspecError, UnknownNameError } from '../core/errors';
import { didYouMean } from '../core/suggest';
import { coerceCell } from '../gherkin/coerceCell';
import { readModelNamed } from '../projections/readModelExpectation';
import { problem } from './problem';
import type { Query, RouteContext } from './routeContext';
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

  app.get<{ Params: { readModel: string }; Querystring: Query }>('/read-models/:readModel', async (request) => {
    const ref = readModelNamed(domain, request.params.readModel);
    const { limit: limitText, after, ...fields } = request.query;
    if (after !== undefined && typeof after !== 'string') throw new EventspecError('after= is given more than once; give the one id the page starts after (the next of the previous page)');
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
