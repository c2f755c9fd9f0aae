import type { AnyAggregate } from '../aggregate/defineAggregate';
import type { CommandRequest } from '../commandHandling/commandHandler';
import type { CommandResult } from '../commandHandling/commandResult';
import type { Loaded, LoadOptions } from '../commandHandling/loadAggregate';
import type { RecordedEvent } from '../core/envelope';
import { EventspecError } from '../core/errors';
import type { ReadModelDocument, ReadModelFilter, ReadModelStore } from '../projections/readModelStore';
import type { Problem } from './problem';

/** A problem the service answered, as an error whose message is the service's detail. */
export class ServiceProblem extends EventspecError {
  override name = 'ServiceProblem';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** JSON that survives an HTTP header: anything beyond ASCII is escaped, JSON.parse undoes it. */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The service's API as the kit's own calls: commands, state, read models. What a client of the
 * service does, and what the `http` cucumber profile sends the steps through.
 */
export function httpClient(baseUrl: string, headers: Record<string, string> = {}) {
  async function call(method: string, url: string, extra: Record<string, string> = {}, body?: string): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${url}`, { method, headers: { ...headers, ...extra }, ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new EventspecError(`cannot reach the service at ${baseUrl} (${cause}) for ${method} ${url}; is it running?`, { cause: error });
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new EventspecError(`${method} ${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    return { status: response.status, json };
  }
  const fail = (answer: { status: number; json: unknown }, what: string): never => {
    const problem = answer.json as Problem | undefined;
    if (problem && typeof problem.detail === 'string') throw new ServiceProblem(problem);
    throw new EventspecError(`${what}: the service answered ${answer.status}`);
  };

  return {
    async send(request: CommandRequest): Promise<CommandResult> {
      const extra: Record<string, string> = { 'content-type': 'application/json' };
      if (request.commandId !== undefined) extra['idempotency-key'] = request.commandId;
      if (request.expectedVersion !== undefined) extra['if-match'] = `"${request.expectedVersion}"`;
      if (request.correlationId !== undefined) extra['x-correlation-id'] = request.correlationId;
      if (request.causationId !== undefined) extra['x-causation-id'] = request.causationId;
      if (request.metadata !== undefined && Object.keys(request.metadata).length > 0) extra['x-event-metadata'] = asciiJson(request.metadata);
      const type = request.command.type;
      const answer = await call('POST', `/aggregates/${path(request.aggregate, request.id)}/commands/${path(type)}`, extra, JSON.stringify(request.command.data ?? {}));
      const base = { aggregate: request.aggregate, command: type };
      if (answer.status === 200) {
        const accepted = answer.json as { commandId: string; streamId: string; version: number; replayed: boolean; events: RecordedEvent[] };
        return { ...base, status: 'accepted', commandId: accepted.commandId, streamId: accepted.streamId, version: accepted.version, replayed: accepted.replayed, events: accepted.events };
      }
      const problem = answer.json as Problem & { rejection?: string; commandId?: string; streamId?: string; replayed?: boolean };
      if (answer.status === 422 && typeof problem?.rejection === 'string') {
        return { ...base, status: 'rejected', rejection: problem.rejection, message: problem.detail, commandId: String(problem.commandId), streamId: String(problem.streamId), replayed: problem.replayed === true };
      }
      return fail(answer, `${type} to ${request.aggregate} "${request.id}"`);
    },

    async load(aggregate: AnyAggregate, id: string, options: LoadOptions = {}): Promise<Loaded> {
      const query = options.atVersion !== undefined ? `?atVersion=${options.atVersion}` : options.asOf !== undefined ? `?asOf=${encodeURIComponent(typeof options.asOf === 'string' ? options.asOf : options.asOf.toISOString())}` : '';
      const answer = await call('GET', `/aggregates/${path(aggregate.name, id)}${query}`);
      // Never created: the state is the initial one, at version 0, as a store in this process would load it.
      if (answer.status === 404 && (answer.json as Problem | undefined)?.type === 'urn:eventspec:problem:no-events') return { state: aggregate.initialState(), version: 0, fromSnapshot: 0 };
      if (answer.status !== 200) return fail(answer, `the state of ${aggregate.name} "${id}"`);
      const { state, version } = answer.json as { state: unknown; version: number };
      return { state, version, fromSnapshot: 0 };
    },

    async readModel(readModel: string, id: string): Promise<unknown> {
      const answer = await call('GET', `/read-models/${path(readModel, id)}`);
      if (answer.status === 404 && (answer.json as Problem | undefined)?.type === 'urn:eventspec:problem:no-document') return undefined;
      if (answer.status !== 200) return fail(answer, `${readModel} "${id}"`);
      return (answer.json as { doc: unknown }).doc;
    },

    async findReadModels(readModel: string, filter: ReadModelFilter = {}, limit?: number, after?: string): Promise<ReadModelDocument[]> {
      const query = new URLSearchParams();
      for (const [field, value] of Object.entries(filter)) {
        // A field named like a paging parameter is filtered in its bracketed form.
        const key = field === 'limit' || field === 'after' || field.startsWith('filter[') ? `filter[${field}]` : field;
        query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
      if (limit !== undefined) query.set('limit', String(limit));
      if (after !== undefined) query.set('after', after);
      const text = query.toString();
      const answer = await call('GET', `/read-models/${path(readModel)}${text ? `?${text}` : ''}`);
      if (answer.status !== 200) return fail(answer, `${readModel} documents`);
      return (answer.json as { documents: ReadModelDocument[] }).documents;
    },
  };
}

/** Read models read over HTTP; the writes (the runners' commits) stay with the store given. */
export function httpReadModels(client: ReturnType<typeof httpClient>, local: ReadModelStore): ReadModelStore {
  return {
    get: (readModel, id) => client.readModel(readModel, id),
    find: (readModel, filter, options) => client.findReadModels(readModel, filter, options?.limit, options?.after),
    checkpoint: (projection) => local.checkpoint(projection),
    commit: (commit) => local.commit(commit),
    reset: (projection, readModels) => local.reset(projection, readModels),
    close: () => local.close(),
  };
}
