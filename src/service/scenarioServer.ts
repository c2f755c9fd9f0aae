import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { UnknownNameError } from '../core/errors';
import type { Domain } from '../domain/defineDomain';
import type { ScenarioParts, ScenarioTransportFactory } from '../testing/scenarioTransport';
import { registerScenarioTransport } from '../testing/scenarioTransport';
import { httpClient, httpReadModels } from './httpClient';
import { serviceApp } from './serviceApp';
import type { ServiceBackend } from './serviceBackend';
import { serviceMetrics } from './serviceMetrics';

const SCENARIO_HEADER = 'x-eventspec-scenario';

export interface ScenarioServer {
  /** Listens on a free loopback port; resolves with its address. */
  start(): Promise<string>;
  /** A transport per scenario: the scenario's own handler and stores, served by this one server. */
  readonly transport: ScenarioTransportFactory;
  close(): Promise<void>;
}

/**
 * One service for a whole cucumber run (per worker), serving every scenario's own handler and
 * stores: each scenario's requests carry its id in a header, and its stores stay fresh. The
 * routes, parsing and answers are the service's own, so the features prove the HTTP API.
 */
export function scenarioServer(domain: Domain): ScenarioServer {
  const backends = new Map<string, ServiceBackend>();
  let url: string | undefined;
  let count = 0;
  const app = serviceApp({
    domain,
    backendFor(request) {
      const id = request.headers[SCENARIO_HEADER];
      const backend = typeof id === 'string' ? backends.get(id) : undefined;
      if (!backend) throw new UnknownNameError(`no scenario "${String(id)}" is being served; each request needs the ${SCENARIO_HEADER} header of a running scenario`);
      return backend;
    },
    metrics: serviceMetrics({ defaultMetrics: false, statuses: async () => [] }),
    tracer: trace.getTracer('eventspec'),
    auth: {},
  });

  return {
    async start() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      return url;
    },
    transport(parts: ScenarioParts) {
      if (url === undefined) throw new UnknownNameError('the scenario server has not started; the http profile starts it before the first scenario (BeforeAll)');
      const id = `s${++count}`;
      backends.set(id, { handler: parts.handler, events: parts.events, readModels: parts.readModels, statuses: parts.statuses });
      const client = httpClient(url, { [SCENARIO_HEADER]: id });
      return {
        send: (request) => client.send(request),
        load: (aggregate, aggregateId, options) => client.load(aggregate, aggregateId, options),
        ...(parts.readModels ? { readModels: httpReadModels(client, parts.readModels) } : {}),
        release: async () => {
          backends.delete(id);
        },
      };
    },
    close: () => app.close(),
  };
}

/**
 * For a cucumber support file: serves the domain's scenarios over HTTP for this run, as the
 * transport `http` (the world parameter `transport: 'http'` picks it; see the `http` profile).
 */
export function serveScenarios(domain: Domain): void {
  const { BeforeAll, AfterAll } = require('@cucumber/cucumber') as typeof import('@cucumber/cucumber');
  const server = scenarioServer(domain);
  registerScenarioTransport('http', server.transport);
  BeforeAll(async () => {
    await server.start();
  });
  AfterAll(async () => {
    await server.close();
  });
}
