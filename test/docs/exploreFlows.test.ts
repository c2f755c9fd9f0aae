import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineAggregate, defineCommand, defineEvent, z } from '../../src/index';
import { exploreFlows } from '../../src/docs/exploreFlows';

const Added = defineEvent('Added', z.object({ sku: z.string() }), { example: { sku: 'PEN' } });
const Removed = defineEvent('Removed', z.object({ sku: z.string() }));
const Add = defineCommand('Add', z.object({ sku: z.string() }), { example: { sku: 'PEN' } });
const Remove = defineCommand('Remove', z.object({ sku: z.string() }));
const Explode = defineCommand('Explode', z.object({}));

const Shelf = defineAggregate({
  name: 'Shelf',
  events: [Added, Removed],
  commands: [Add, Remove, Explode],
  initialState: { skus: [] as string[] },
  rejections: { NotOnShelf: 'Only what is on the shelf can be removed.' },
}).behavior({
  evolve: {
    Added: (s, d) => ({ skus: [...s.skus, d.sku] }),
    Removed: (s, d) => ({ skus: s.skus.filter((x) => x !== d.sku) }),
  },
  decide: {
    Add: (c) => ({ type: 'Added', data: c }),
    Remove: (c, s, { reject }) => {
      if (!s.skus.includes(c.sku)) reject('NotOnShelf');
      return { type: 'Removed', data: c };
    },
    Explode: () => {
      throw new Error('a bug in decide must not stop the documentation');
    },
  },
});

describe('exploreFlows', () => {
  const flows = exploreFlows(Shelf);

  it('finds the events and rejections of each command from reachable states', () => {
    assert.deepEqual([...flows.get('Add')!.events], ['Added']);
    assert.deepEqual([...flows.get('Remove')!.rejections], ['NotOnShelf']);
  });

  it("reuses the domain's example values, so a command without an example reaches its happy path", () => {
    assert.deepEqual([...flows.get('Remove')!.events], ['Removed']);
  });

  it('survives a decide that throws', () => {
    assert.deepEqual([...flows.get('Explode')!.events], []);
    assert.deepEqual([...flows.get('Explode')!.rejections], []);
  });
});
