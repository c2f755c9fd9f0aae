import { Writable } from 'node:stream';
import type { EventStore } from '../../src';
import { controllableClock, inMemoryEventStore, inMemorySnapshotStore, sequentialIds } from '../../src';
import { domain as examples } from '../../src/domains';
import type { Service, ServiceOptions } from '../../src/service';
import { createService } from '../../src/service';

export interface Answer {
  status: number;
  headers: Headers;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: Record<string, unknown>;
  text: string;
}

export interface Running {
  service: Service;
  url: string;
  events: EventStore;
  call(method: string, path: string, options?: { body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<Answer>;
  close(): Promise<void>;
}

/** A service over the example domain on a free loopback port, with fresh in-memory stores. */
export async function startService(overrides: Partial<ServiceOptions> = {}): Promise<Running> {
  const clock = controllableClock(new Date('2025-03-01T10:00:00Z'));
  const events = overrides.stores?.events ?? inMemoryEventStore({ clock });
  const service = createService({
    domain: examples,
    stores: { events, snapshots: inMemorySnapshotStore() },
    clock,
    ids: sequentialIds(),
    defaultMetrics: false,
    ...overrides,
  });
  const url = await service.listen();
  const call: Running['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON: the text is there for the assertion
    }
    return { status: response.status, headers: response.headers, json, text };
  };
  return { service, url, events, call, close: () => service.close() };
}

/** The value of one sample in Prometheus text format, or undefined when absent. */
export function sample(metricsText: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of metricsText.split('\n')) {
    if (line.startsWith('#') || !line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/** A stream for the service's logger, and what was written to it so far. */
export function logCollector(): { stream: Writable; text: () => string } {
  let log = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString();
      done();
    },
  });
  return { stream, text: () => log };
}
