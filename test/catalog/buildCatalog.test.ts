import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { defineAggregate, defineCommand, defineDomain, defineEvent, upcaster, z } from '../../src';
import { buildCatalog, CATALOG_KEYWORD } from '../../src/catalog';
import type { Catalog } from '../../src/catalog';

// OrderPlaced was stored as { total } at v1; v2 splits it into { amount, currency }.
const OrderPlacedV1 = z.object({ total: z.number().nonnegative() });
const OrderPlaced = defineEvent(
  'OrderPlaced',
  z.object({ amount: z.number().nonnegative(), currency: z.enum(['EUR', 'USD']), placedAt: z.date().optional() }),
  {
    upcasters: [upcaster(1, OrderPlacedV1, ({ total }) => ({ amount: total, currency: 'EUR' }))],
    description: 'A customer placed an order.',
    example: { amount: 20, currency: 'EUR' },
  },
);
const Line = z.object({ sku: z.string().min(1), quantity: z.number().int().positive() }).meta({ id: 'Line' });
const LinesAdded = defineEvent('LinesAdded', z.object({ lines: z.array(Line), replaced: z.array(Line).optional() }));
const PlaceOrder = defineCommand('PlaceOrder', z.object({ amount: z.number().nonnegative(), currency: z.enum(['EUR', 'USD']).default('EUR') }), {
  description: 'Place an order.',
});
const Order = defineAggregate({
  name: 'Order',
  description: 'An order.',
  events: [OrderPlaced, LinesAdded],
  commands: [PlaceOrder],
  initialState: { placed: false },
  rejections: { OrderAlreadyPlaced: 'An order is placed once.' },
}).behavior({
  evolve: { OrderPlaced: (s) => ({ ...s, placed: true }) },
  decide: { PlaceOrder: (c) => ({ type: 'OrderPlaced', data: { amount: c.amount, currency: c.currency } }) },
});
const domain = defineDomain({ name: 'shop', aggregates: [Order] });

function validator(catalog: Catalog) {
  // Strict mode catches schema mistakes a lax validator ignores; only our index keyword is declared.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword(CATALOG_KEYWORD);
  assert.equal(ajv.validateSchema(catalog), true, JSON.stringify(ajv.errors));
  ajv.addSchema(catalog, 'catalog');
  return (ref: string, value: unknown) => {
    const validate = ajv.getSchema(`catalog${ref}`);
    assert.ok(validate, `no schema at ${ref}`);
    return { ok: validate(value) === true, errors: validate.errors ?? [] };
  };
}

describe('buildCatalog', () => {
  const catalog = buildCatalog(domain);
  const check = validator(catalog);

  it('is a draft 2020-12 JSON Schema document that survives JSON', () => {
    assert.equal(catalog.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(JSON.parse(JSON.stringify(catalog)), catalog);
  });

  it('has one $defs entry per type and version, the old one from its upcaster', () => {
    const keys = Object.keys(catalog.$defs);
    for (const key of ['OrderPlaced.v1', 'OrderPlaced.v2', 'LinesAdded.v1', 'PlaceOrder.v1', 'Event', 'Command']) {
      assert.ok(keys.includes(key), `missing $defs/${key} in ${keys.join(', ')}`);
    }
    assert.equal(catalog.$defs['OrderPlaced.v1']!.deprecated, true);
    assert.equal(catalog.$defs['OrderPlaced.v2']!.description, 'A customer placed an order.');
    assert.deepEqual(catalog.$defs['OrderPlaced.v2']!.examples, [{ amount: 20, currency: 'EUR' }]);
  });

  it('validates data at each version and rejects bad data', () => {
    assert.equal(check('#/$defs/OrderPlaced.v1', { total: 20 }).ok, true);
    assert.equal(check('#/$defs/OrderPlaced.v1', { amount: 20, currency: 'EUR' }).ok, false);
    assert.equal(check('#/$defs/OrderPlaced.v2', { amount: 20, currency: 'EUR' }).ok, true);
    assert.equal(check('#/$defs/OrderPlaced.v2', { amount: 20, currency: 'EUR', placedAt: '2025-03-01T10:00:00Z' }).ok, true);
    const bad = check('#/$defs/OrderPlaced.v2', { amount: -1, currency: 'GBP' });
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.errors.map((e) => e.instancePath).sort(), ['/amount', '/currency']);
    assert.equal(check('#/$defs/OrderPlaced.v2', { amount: 20, currency: 'EUR', placedAt: 'yesterday' }).ok, false);
    assert.equal(check('#/$defs/OrderPlaced.v2', { total: 20 }).ok, false);
  });

  it('keeps shared sub-schemas (zod registry ids) resolvable inside the catalog', () => {
    assert.equal(check('#/$defs/LinesAdded.v1', { lines: [{ sku: 'A', quantity: 2 }], replaced: [] }).ok, true);
    assert.equal(check('#/$defs/LinesAdded.v1', { lines: [{ sku: 'A', quantity: 0 }] }).ok, false);
    assert.equal(check('#/$defs/LinesAdded.v1', { lines: [], replaced: [{ sku: '' , quantity: 1 }] }).ok, false);
  });

  it('keeps a recursive schema recursive inside the catalog', () => {
    const Tree = z.object({ name: z.string(), get children(): z.ZodArray<typeof Tree> { return z.array(Tree); } });
    const Planted = defineEvent('Planted', Tree);
    const Garden = defineAggregate({ name: 'Garden', events: [Planted], commands: [], initialState: {} }).behavior({ evolve: {}, decide: {} });
    const trees = validator(buildCatalog(defineDomain({ name: 'garden', aggregates: [Garden] })));
    assert.equal(trees('#/$defs/Planted.v1', { name: 'a', children: [{ name: 'b', children: [] }] }).ok, true);
    assert.equal(trees('#/$defs/Planted.v1', { name: 'a', children: [{ name: 'b', children: [{ name: 1, children: [] }] }] }).ok, false);
  });

  it('validates commands as they are sent: defaults may be left out', () => {
    assert.equal(check('#/$defs/PlaceOrder.v1', { amount: 5 }).ok, true);
    assert.equal(check('#/$defs/PlaceOrder.v1', { currency: 'EUR' }).ok, false);
    assert.equal(check('#/$defs/Command', { type: 'PlaceOrder', data: { amount: 5 } }).ok, true);
    assert.equal(check('#/$defs/Command', { type: 'PlaceOrder', data: { amount: 'five' } }).ok, false);
  });

  it('validates a whole event envelope at its root by type and schema version', () => {
    const envelope = { id: 'e-1', streamId: 'Order-o-1', version: 1, position: 1, metadata: { occurredAt: '2025-03-01T10:00:00Z' } };
    assert.equal(check('', { ...envelope, type: 'OrderPlaced', schemaVersion: 1, data: { total: 20 } }).ok, true);
    assert.equal(check('', { ...envelope, type: 'OrderPlaced', schemaVersion: 2, data: { amount: 20, currency: 'USD' } }).ok, true);
    // v1 data labelled v2, an unknown version, an unknown type, no data: all refused.
    assert.equal(check('', { ...envelope, type: 'OrderPlaced', schemaVersion: 2, data: { total: 20 } }).ok, false);
    assert.equal(check('', { ...envelope, type: 'OrderPlaced', schemaVersion: 3, data: { amount: 20, currency: 'USD' } }).ok, false);
    assert.equal(check('', { ...envelope, type: 'OrderPlace', schemaVersion: 1, data: { total: 20 } }).ok, false);
    assert.equal(check('', { ...envelope, type: 'OrderPlaced', schemaVersion: 1 }).ok, false);
  });

  it('indexes aggregates, rejections, versions and the upcaster chain', () => {
    const index = catalog[CATALOG_KEYWORD];
    assert.equal(index.domain, 'shop');
    assert.deepEqual(index.aggregates, [
      {
        name: 'Order',
        description: 'An order.',
        events: ['OrderPlaced', 'LinesAdded'],
        commands: ['PlaceOrder'],
        rejections: [{ name: 'OrderAlreadyPlaced', description: 'An order is placed once.' }],
      },
    ]);
    const placed = index.events.find((e) => e.name === 'OrderPlaced');
    assert.ok(placed);
    assert.equal(placed.aggregate, 'Order');
    assert.equal(placed.version, 2);
    assert.equal(placed.schema, '#/$defs/OrderPlaced.v2');
    assert.deepEqual(placed.versions, [
      { version: 1, schema: '#/$defs/OrderPlaced.v1', upcastsTo: 2 },
      { version: 2, schema: '#/$defs/OrderPlaced.v2' },
    ]);
    assert.deepEqual(index.commands.map((c) => [c.name, c.aggregate, c.description]), [['PlaceOrder', 'Order', 'Place an order.']]);
    // The derived example is what a scenario would use; it must satisfy its own schema.
    for (const entry of [...index.events, ...index.commands]) {
      assert.equal(check(entry.schema, entry.example).ok, true, `${entry.name} example ${JSON.stringify(entry.example)}`);
    }
  });

  it('notes the parts JSON Schema cannot express instead of failing', () => {
    const Odd = defineEvent('Odd', z.object({ size: z.string().transform((s) => s.length), n: z.bigint() }));
    const Thing = defineAggregate({ name: 'Thing', events: [Odd], commands: [], initialState: {} }).behavior({ evolve: {}, decide: {} });
    const odd = buildCatalog(defineDomain({ name: 'odd', aggregates: [Thing] }));
    const entry = odd[CATALOG_KEYWORD].events[0]!;
    assert.deepEqual(entry.unrepresentable, ['v1 /properties/size (transform)', 'v1 /properties/n (bigint)']);
    validator(odd);
  });

  it('leaves the index out on request, for validators that refuse unknown keywords', () => {
    const plain = buildCatalog(domain, { index: false });
    assert.equal(CATALOG_KEYWORD in plain, false);
    assert.throws(() => new Ajv2020({ strict: true }).compile(catalog), /unknown keyword: "x-eventspec"/);
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    const validate = ajv.compile(plain);
    assert.equal(validate({ type: 'OrderPlaced', schemaVersion: 1, data: { total: 1 } }), true);
    assert.equal(validate({ type: 'OrderPlaced', schemaVersion: 1, data: { total: -1 } }), false);
  });

  it('refuses a name that is both an event and a command', () => {
    const Same = defineEvent('Same', z.object({}));
    const SameCommand = defineCommand('Same', z.object({}));
    const Thing = defineAggregate({ name: 'Thing', events: [Same], commands: [SameCommand], initialState: {} }).behavior({
      evolve: {},
      decide: { Same: () => [] },
    });
    assert.throws(() => buildCatalog(defineDomain({ name: 'twice', aggregates: [Thing] })), /Same is both an event and a command/);
  });
});
