/**
 * The HTTP service (`eventspec/service`): a separate entry point, so that `require('eventspec')`
 * (which every cucumber run loads) never loads Fastify, prom-client or OpenTelemetry.
 */
export { createService } from './createService';
export type { Service, ServiceOptions, ServiceStores, ListenOptions } from './createService';
export { openApiDocument } from './openApiDocument';
export type { OpenApiOptions } from './openApiDocument';
export type { Problem } from './problem';
export type { ServiceMetrics } from './serviceMetrics';
export { scenarioServer, serveScenarios } from './scenarioServer';
export type { ScenarioServer } from './scenarioServer';
export { httpClient, ServiceProblem } from './httpClient';
