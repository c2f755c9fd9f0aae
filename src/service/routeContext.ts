import type { Tracer } from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Domain } from '../domain/defineDomain';
import type { Problem } from './problem';
import { PROBLEM_JSON } from './problem';
import type { ServiceBackend } from './serviceBackend';
import type { ServiceMetrics } from './serviceMetrics';

/** What every route needs: the domain, the backend of a request, and the service's metrics and tracer. */
export interface RouteContext {
  domain: Domain;
  backendFor(request: FastifyRequest): ServiceBackend;
  metrics: ServiceMetrics;
  tracer: Tracer;
}

export type Query = Record<string, string | undefined>;

export const sendProblem = (reply: FastifyReply, answer: Problem) => reply.code(answer.status).type(PROBLEM_JSON).send(answer);
