import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Running } from './serviceHarness';
import { startService } from './serviceHarness';

describe('the service: state, events and read models over HTTP', () => {
  let s: Running;
  before(async () => {
    s = await startService();
    await s.call('POST', '/aggregates/Order/o-1/commands/PlaceOrder', { body: { customer: 'alice' } });
    await s.call('POST', '/aggregates/Order/o-1/commands/AddItem', { body: { sku: 'BOOK-1', price: 12.5 } });
    await s.call('POST', '/aggregates/Order/o-1/commands/ShipOrder', { body: { carrier: 'DHL' } });
    await s.service.projections!.caughtUp();
  });
  after(async () => s.close());

  it('gives the current state with its version as ETag', async () => {
    const answer = await s.call('GET', '/aggregates/Order/o-1');
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.json.version, 3);
    assert.equal(answer.headers.get('etag'), '"3"');
    assert.equal((answer.json.state as Record<string, unknown>).status, 'shipped');
  });

  it('gives the state at a version, and the events up to it', async () => {
    const state = await s.call('GET', '/aggregates/Order/o-1?atVersion=1');
    assert.equal(state.json.version, 1);
    assert.equal((state.json.state as Record<string, unknown>).status, 'placed');
    const events = await s.call('GET', '/aggregates/Order/o-1/events?atVersion=2');
    assert.deepEqual((events.json.events as { type: string }[]).map((e) => e.type), ['OrderPlaced', 'ItemAdded']);
    const all = await s.call('GET', '/aggregates/Order/o-1/events');
    assert.equal((all.json.events as unknown[]).length, 3);
  });

  it('gives the state as of a time: before the first event it is the initial state', async () => {
    const before = await s.call('GET', '/aggregates/Order/o-1?asOf=2025-02-28T00:00:00Z');
    assert.equal(before.status, 200, before.text);
    assert.equal(before.json.version, 0);
    const at = await s.call('GET', '/aggregates/Order/o-1/events?asOf=2025-03-01T10:00:00Z');
    assert.equal((at.json.events as unknown[]).length, 3);
  });

  it('answers a GET whose If-None-Match is the current version with 304 and no body', async () => {
    const current = await s.call('GET', '/aggregates/Order/o-1', { headers: { 'if-none-match': '"3"' } });
    assert.equal(current.status, 304);
    assert.equal(current.text, '');
    assert.equal(current.headers.get('etag'), '"3"');
    assert.equal((await s.call('GET', '/aggregates/Order/o-1', { headers: { 'if-none-match': '"2"' } })).status, 200);
  });

  it('answers 404 for an aggregate no command has created, and its initial state at ?atVersion=0', async () => {
    for (const path of ['/aggregates/Order/never', '/aggregates/Order/never/events', '/aggregates/Order/never?asOf=2025-03-01T10:00:00Z']) {
      const answer = await s.call('GET', path);
      assert.equal(answer.status, 404, `${path}: ${answer.text}`);
      assert.equal(answer.json.type, 'urn:eventspec:problem:no-events');
      assert.equal(answer.json.detail, 'Order "never" has no events: no command has created it yet (its state would be the initial one; ?atVersion=0 shows it)');
    }
    const initial = await s.call('GET', '/aggregates/Order/never?atVersion=0');
    assert.equal(initial.status, 200, initial.text);
    assert.equal(initial.json.version, 0);
  });

  it('refuses a version past the end, a version that is not a number and an impossible date, each with 400', async () => {
    const past = await s.call('GET', '/aggregates/Order/o-1?atVersion=9');
    assert.equal(past.status, 400);
    assert.match(String(past.json.detail), /has 3 events, so it has no version 9/);
    const word = await s.call('GET', '/aggregates/Order/o-1?atVersion=two');
    assert.equal(word.status, 400);
    assert.match(String(word.json.detail), /atVersion="two" is not a version/);
    const date = await s.call('GET', '/aggregates/Order/o-1?asOf=2025-02-30');
    assert.equal(date.status, 400);
    assert.match(String(date.json.detail), /not a date on the calendar/);
  });

  it('gives a read-model document by id, and 404 naming a missing one', async () => {
    const found = await s.call('GET', '/read-models/OrderSummary/alice');
    assert.equal(found.status, 200, found.text);
    assert.equal((found.json.doc as Record<string, unknown>).shipped, 1);
    const missing = await s.call('GET', '/read-models/OrderSummary/zoe');
    assert.equal(missing.status, 404);
    assert.match(String(missing.json.detail), /no document "zoe"/);
    const unknown = await s.call('GET', '/read-models/OrderSumary/alice');
    assert.equal(unknown.status, 404);
    assert.match(String(unknown.json.detail), /did you mean `OrderSummary`/);
  });

  it('finds read-model documents by field value, read by the field\'s type', async () => {
    const found = await s.call('GET', '/read-models/CustomerOrder?status=shipped&total=12.5');
    assert.equal(found.status, 200, found.text);
    assert.deepEqual((found.json.documents as { id: string }[]).map((d) => d.id), ['o-1']);
    const none = await s.call('GET', '/read-models/CustomerOrder?total=13');
    assert.deepEqual(none.json.documents, []);
    const badField = await s.call('GET', '/read-models/CustomerOrder?totl=12');
    assert.equal(badField.status, 400);
    assert.match(String(badField.json.detail), /no field `totl` — did you mean `total`/);
    const badValue = await s.call('GET', '/read-models/CustomerOrder?total=lots');
    assert.equal(badValue.status, 400);
    assert.match(String(badValue.json.detail), /total: "lots" is not a number/);
  });

  it('pages read-model documents: a full page says where the next starts, after= reads it', async () => {
    for (const id of ['o-2', 'o-3']) await s.call('POST', `/aggregates/Order/${id}/commands/PlaceOrder`, { body: { customer: 'carol' } });
    await s.service.projections!.caughtUp();
    const first = await s.call('GET', '/read-models/CustomerOrder?limit=2');
    assert.deepEqual((first.json.documents as { id: string }[]).map((d) => d.id), ['o-1', 'o-2']);
    assert.equal(first.json.next, 'o-2');
    const second = await s.call('GET', `/read-models/CustomerOrder?limit=2&after=${first.json.next}`);
    assert.deepEqual((second.json.documents as { id: string }[]).map((d) => d.id), ['o-3']);
    assert.equal(second.json.next, undefined, 'a page that is not full is the last');
    const twice = await s.call('GET', '/read-models/CustomerOrder?after=o-1&after=o-2');
    assert.equal(twice.status, 400);
    assert.match(String(twice.json.detail), /^after= is given more than once/);
    const filtered = await s.call('GET', '/read-models/CustomerOrder?status=open&after=o-2');
    assert.deepEqual((filtered.json.documents as { id: string }[]).map((d) => d.id), ['o-3']);
    // The bracketed form filters too (and is how a field named limit or after is filtered).
    const bracketed = await s.call('GET', `/read-models/CustomerOrder?${encodeURIComponent('filter[status]')}=open&after=o-2`);
    assert.equal(bracketed.status, 200, bracketed.text);
    assert.deepEqual((bracketed.json.documents as { id: string }[]).map((d) => d.id), ['o-3']);
  });

  it('says it is healthy, and ready with each projection\'s and process\'s lag', async () => {
    assert.equal((await s.call('GET', '/health')).status, 200);
    const ready = await s.call('GET', '/ready');
    assert.equal(ready.status, 200, ready.text);
    assert.equal((ready.json.store as Record<string, unknown>).reachable, true);
    const projections = ready.json.projections as { name: string; lag: number; state: string }[];
    assert.ok(projections.some((p) => p.name === 'OrderSummaries' && p.state === 'following' && p.lag === 0), ready.text);
    assert.ok(projections.some((p) => p.name === 'OrderFulfilment'), `the processes are listed too: ${ready.text}`);
  });

  it('serves an OpenAPI 3.1 document whose command bodies are the contracts', async () => {
    const answer = await s.call('GET', '/openapi.json');
    assert.equal(answer.json.openapi, '3.1.0');
    const paths = answer.json.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>;
    const post = paths['/aggregates/Order/{id}/commands/PlaceOrder']!.post!;
    const ref = post.requestBody!.content['application/json']!.schema.$ref;
    assert.equal(ref, '#/components/schemas/PlaceOrder.Command');
    // The schema accepts what the service accepts and refuses what it refuses.
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const schemas = (answer.json.components as { schemas: Record<string, unknown> }).schemas;
    ajv.addSchema({ $id: 'doc', components: { schemas } });
    const validate = ajv.getSchema(`doc${ref}`)!;
    assert.equal(validate({ customer: 'alice' }), true);
    assert.equal(validate({ customer: 'alice', amount: 'lots' }), false);
    assert.ok(paths['/read-models/OrderSummary/{id}'], 'read models have paths');
    assert.ok(Object.keys(paths).some((p) => p.startsWith('/aggregates/Account/{id}/commands/')), 'every aggregate of the domain has paths');
  });

  it('answers an unknown route with a problem pointing to the OpenAPI document', async () => {
    const answer = await s.call('GET', '/orders/o-1');
    assert.equal(answer.status, 404);
    assert.match(String(answer.json.detail), /see \/openapi\.json/);
  });
});
