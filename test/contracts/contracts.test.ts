import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContractError, StoredEventError, defineEvent, exampleOf, parseContract, upcast, upcaster, z } from '../../src';

const V1 = z.object({ total: z.number() });
const V2 = z.object({ amount: z.number(), currency: z.string() });
const V3 = z.object({ amount: z.object({ value: z.number(), currency: z.string() }) });
const Placed = defineEvent('Placed', V3, {
  upcasters: [
    upcaster(1, V1, ({ total }) => ({ amount: total, currency: 'EUR' })),
    upcaster(2, V2, ({ amount, currency }) => ({ amount: { value: amount, currency } })),
  ],
});
const at = { streamId: 'Order-o-1', version: 4 };

describe('contracts', () => {
  it('parses data, naming type, field and value on failure', () => {
    assert.deepEqual(parseContract(Placed, { amount: { value: 1, currency: 'EUR' } }), { amount: { value: 1, currency: 'EUR' } });
    assert.throws(() => parseContract(Placed, { amount: { value: 'x', currency: 'EUR' } }, 'Order-o-1'), (error: unknown) => {
      assert.ok(error instanceof ContractError);
      assert.equal(error.message, 'Order-o-1: event Placed v3 is invalid — amount.value: expected number, received string (got "x")');
      assert.equal(error.field, 'amount.value');
      assert.equal(error.value, 'x');
      return true;
    });
  });

  it('takes its version from the upcaster chain and insists the chain is complete', () => {
    assert.equal(Placed.version, 3);
    assert.throws(() => defineEvent('Gap', V3, { version: 3, upcasters: [upcaster(1, V1, (d) => d)] }), /expected one from v2, found one from v1/);
    assert.throws(() => defineEvent('bad name', V1), /must start with an ASCII letter/);
    // An accented letter is a letter, but not one a name may hold: said as such.
    assert.throws(() => defineEvent('Réservé', V1), { message: 'event name "Réservé" must start with an ASCII letter (A–Z, a–z) and contain only ASCII letters, digits and _ (no accents or spaces: names become identifiers in code, JSON Schema and URLs)' });
  });

  it('upcasts through two versions on read', () => {
    assert.deepEqual(upcast(Placed, 1, { total: 20 }, at), { amount: { value: 20, currency: 'EUR' } });
    assert.deepEqual(upcast(Placed, 2, { amount: 5, currency: 'USD' }, at), { amount: { value: 5, currency: 'USD' } });
  });

  it('names stream, version and type when an upcaster is missing', () => {
    const Lonely = defineEvent('Lonely', V2, { version: 2 });
    assert.throws(() => upcast(Lonely, 1, { total: 1 }, at), (error: unknown) => {
      assert.ok(error instanceof StoredEventError);
      assert.equal(error.message, 'stream "Order-o-1" version 4 (Lonely): stored at schema v1 and no upcaster lifts v1 to v2; add one to the Lonely contract');
      return true;
    });
  });

  it('names the stored event that fails its old contract, and one from the future', () => {
    assert.throws(() => upcast(Placed, 1, { total: 'lots' }, at), /version 4 \(Placed\): does not match its v1 schema — total: expected number/);
    assert.throws(() => upcast(Placed, 4, {}, at), /stored at schema v4, newer than this code's v3/);
  });

  it('derives example data from schemas', () => {
    assert.deepEqual(exampleOf(z.object({ n: z.number().min(5), s: z.string(), e: z.enum(['a', 'b']), o: z.string().optional(), d: z.number().default(3) })), { n: 5, s: 'example', e: 'a', d: 3 });
    assert.equal(exampleOf(z.string().meta({ examples: ['alice'] })), 'alice');
  });
});
