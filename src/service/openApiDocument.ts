import type { z } from 'zod';
import type { JsonSchema } from '../catalog/jsonSchemaOf';
import { jsonSchemaOf } from '../catalog/jsonSchemaOf';
import type { Domain } from '../domain/defineDomain';
import { isProjection } from '../projections/defineProjection';

export interface OpenApiOptions {
  title?: string;
  version?: string;
  /** Whether writes (and reads) need the bearer token: declared as the document's security. */
  auth?: { writes: boolean; reads: boolean };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: PROBLEM_TEXT[status] ?? 'a problem', content: { 'application/problem+json': { schema: ref('Problem') } } }]));

const PROBLEM_TEXT: Record<number, string> = {
  400: 'the request is not valid: a field of the body, a header or a parameter (the detail names it)',
  401: 'the bearer token is missing or wrong',
  404: 'no such aggregate, command or read model (the detail suggests the closest), no such document, or an aggregate no command has created',
  409: 'writers kept conflicting after the retries',
  412: 'If-Match named another version than the stream is at (the ETag header has the version it is at)',
  413: 'the body is larger than the service accepts',
  415: 'the body is not sent as application/json',
  422: 'the domain refused the command: `rejection` names why',
  503: 'the store cannot be reached, or the outcome of the write is unknown (retry with the same Idempotency-Key)',
};

/**
 * The service's OpenAPI 3.1 document, from the domain's zod contracts (zod's own JSON Schema
 * converter, as in the catalog). Every aggregate, command and read model gets its own path, so a
 * client generator sees each command's body as its own type.
 */
export function openApiDocument(domain: Domain, options: OpenApiOptions = {}): Record<string, unknown> {
  const schemas: Record<string, JsonSchema> = { ...BASE_SCHEMAS };
  const add = (schema: z.ZodType, key: string, io: 'input' | 'output') => {
    const converted = jsonSchemaOf(schema, key, io);
    for (const [name, def] of Object.entries(converted.defs)) schemas[name] = toComponents(def);
    schemas[key] = toComponents(converted.schema);
    return ref(key);
  };
  const writeSecurity = options.auth?.writes ? { security: [{ bearer: [] }] } : {};
  const readSecurity = options.auth?.reads ? { security: [{ bearer: [] }] } : {};
  const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 }, description: 'the aggregate instance: its stream is <Aggregate>-<id>' };
  const paths: Record<string, unknown> = {};

  for (const aggregate of domain.aggregates) {
    const state = aggregate.stateSchema ? add(aggregate.stateSchema, `${aggregate.name}.State`, 'output') : {};
    for (const command of aggregate.commands) {
      const body = add(command.schema, `${command.name}.Command`, 'input');
      paths[`/aggregates/${aggregate.name}/{id}/commands/${command.name}`] = {
        post: {
          operationId: `${aggregate.name}.${command.name}`,
          summary: command.description ?? `Send ${command.name} to a ${aggregate.name}`,
          tags: [aggregate.name],
          parameters: [
            idParameter,
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'the command id: a retry with the same key is answered with the first outcome, never run twice' },
            { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'the version the stream must be at (an ETag the service gave, e.g. "3"); without it, conflicts are retried' },
            { name: 'X-Correlation-Id', in: 'header', required: false, schema: { type: 'string' } },
            { name: 'X-Causation-Id', in: 'header', required: false, schema: { type: 'string' } },
            { name: 'X-Event-Metadata', in: 'header', required: false, schema: { type: 'string' }, description: 'a JSON object of user metadata (e.g. {"user":"alice"}) copied onto every event recorded' },
          ],
          requestBody: { required: false, content: json(body) },
          responses: {
            '200': { description: 'accepted: the events recorded and the new version (also the ETag)', content: json(ref('Accepted')) },
            ...problems(400, 401, 404, 409, 412, 413, 415, 422, 503),
          },
          ...writeSecurity,
        },
      };
    }
    const versionQuery = [
      { name: 'atVersion', in: 'query', required: false, schema: { type: 'integer', minimum: 0 }, description: 'after this many events' },
      { name: 'asOf', in: 'query', required: false, schema: { type: 'string', format: 'date-time' }, description: 'from the events that occurred at or before this time' },
    ];
    paths[`/aggregates/${aggregate.name}/{id}`] = {
      get: {
        operationId: `${aggregate.name}.state`,
        summary: `The state of a ${aggregate.name}, now, at a version or as of a time`,
        tags: [aggregate.name],
        parameters: [idParameter, ...versionQuery],
        responses: { '200': { description: 'the state and its version (also the ETag)', content: json({ allOf: [ref('StateAnswer'), { properties: { state } }] }) }, ...problems(400, 401, 404) },
        ...readSecurity,
      },
    };
    paths[`/aggregates/${aggregate.name}/{id}/events`] = {
      get: {
        operationId: `${aggregate.name}.events`,
        summary: `The events of a ${aggregate.name}, as stored (at their own schema version)`,
        tags: [aggregate.name],
        parameters: [idParameter, ...versionQuery],
        responses: { '200': { description: 'the events in stream order', content: json(ref('EventsAnswer')) }, ...problems(400, 401, 404) },
        ...readSecurity,
      },
    };
  }

  for (const projection of domain.projections.filter(isProjection)) {
    for (const [name, schema] of Object.entries(projection.readModels)) {
      const doc = add(schema, `${name}.ReadModel`, 'output');
      paths[`/read-models/${name}/{id}`] = {
        get: {
          operationId: `${name}.get`,
          summary: `One ${name} document (kept by the ${projection.name} projection)`,
          tags: ['read models'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'the document', content: json({ type: 'object', properties: { readModel: { type: 'string' }, id: { type: 'string' }, doc } }) }, ...problems(401, 404) },
          ...readSecurity,
        },
      };
      paths[`/read-models/${name}`] = {
        get: {
          operationId: `${name}.find`,
          summary: `${name} documents whose fields have the values given as query parameters (dotted names for nested fields; filter[<field>]= for a field named limit or after), in id order`,
          tags: ['read models'],
          parameters: [
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } },
            { name: 'after', in: 'query', required: false, description: 'only documents whose id comes after this one: the `next` of the previous page', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'the documents; `next` (with a full page) is the `after` of the next one',
              content: json({ type: 'object', properties: { documents: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, doc } } }, next: { type: 'string' } } }),
            },
            ...problems(400, 401, 404),
          },
          ...readSecurity,
        },
      };
    }
  }

  paths['/health'] = { get: { operationId: 'health', summary: 'The process is up', responses: { '200': { description: 'up' } } } };
  paths['/ready'] = { get: { operationId: 'ready', summary: 'The store is reachable and no projection or process has failed; their lag', responses: { '200': { description: 'ready' }, '503': { description: 'not ready (the body says why)' } } } };
  paths['/metrics'] = { get: { operationId: 'metrics', summary: 'Prometheus metrics', responses: { '200': { description: 'text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } } }, ...readSecurity } };
  paths['/openapi.json'] = { get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } };

  return {
    openapi: '3.1.0',
    info: { title: options.title ?? `${domain.name} service`, version: options.version ?? '1', description: domain.description ?? `Commands, state and read models of the ${domain.name} domain, served by eventspec.` },
    paths,
    components: {
      schemas,
      ...(options.auth?.writes || options.auth?.reads ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } : {}),
    },
  };
}

/** jsonSchemaOf points into a catalog's `$defs`; here the same schemas live under components. */
function toComponents(schema: unknown): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/\$defs\//g, '"#/components/schemas/')) as JsonSchema;
}

const EVENT: JsonSchema = {
  type: 'object',
  required: ['id', 'streamId', 'version', 'position', 'type', 'schemaVersion', 'data', 'metadata'],
  properties: {
    id: { type: 'string' },
    streamId: { type: 'string' },
    version: { type: 'integer' },
    position: { type: 'integer' },
    type: { type: 'string' },
    schemaVersion: { type: 'integer' },
    data: {},
    metadata: { type: 'object', properties: { occurredAt: { type: 'string', format: 'date-time' }, recordedAt: { type: 'string' }, correlationId: { type: 'string' }, causationId: { type: 'string' } } },
  },
};

const BASE_SCHEMAS: Record<string, JsonSchema> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details; `type` is a stable URN (urn:eventspec:problem:<kind>), `detail` says what, where and how to fix it',
    required: ['type', 'title', 'status', 'detail'],
    properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, rejection: { type: 'string' }, field: { type: 'string' } },
  },
  RecordedEvent: EVENT,
  Accepted: {
    type: 'object',
    required: ['status', 'commandId', 'streamId', 'version', 'replayed', 'events'],
    properties: {
      status: { const: 'accepted' },
      commandId: { type: 'string' },
      streamId: { type: 'string' },
      version: { type: 'integer' },
      replayed: { type: 'boolean', description: 'true when this answers a command id handled before' },
      events: { type: 'array', items: { $ref: '#/components/schemas/RecordedEvent' } },
    },
  },
  StateAnswer: { type: 'object', required: ['streamId', 'version', 'state'], properties: { aggregate: { type: 'string' }, id: { type: 'string' }, streamId: { type: 'string' }, version: { type: 'integer' }, state: {} } },
  EventsAnswer: { type: 'object', properties: { streamId: { type: 'string' }, version: { type: 'integer' }, events: { type: 'array', items: { $ref: '#/components/schemas/RecordedEvent' } } } },
};
