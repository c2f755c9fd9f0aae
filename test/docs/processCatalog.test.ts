import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScenarioDoc } from '../../src/docs/docsData';
import { processCatalog } from '../../src/docs/processCatalog';
import { domain } from '../../src/domains';

// Just what the catalog reads of a scenario: its steps (and tables), its events and what processes sent.
const scenario = (id: number, text: string, table?: string[][]): ScenarioDoc =>
  ({ id, name: `scenario ${id}`, status: 'passed', steps: [{ keyword: 'Given', text, status: 'passed', ...(table ? { table } : {}) }], events: [], sent: [] }) as unknown as ScenarioDoc;

describe('processCatalog', () => {
  it('counts a scenario that names a process in a step or a table cell as covering it, and only those', () => {
    const scenarios = [
      scenario(0, 'the OrderFulfilment process has started'),
      scenario(1, 'an order is placed'),
      scenario(2, 'these are running:', [['process'], ['MoneyTransfer']]),
      scenario(3, 'OrderFulfilments are many', [['OrderFulfilmentX']]),
    ];
    const coveredBy = Object.fromEntries(processCatalog(domain, scenarios).map((p) => [p.name, p.coveredBy]));
    assert.deepEqual(coveredBy.OrderFulfilment, [0]);
    assert.deepEqual(coveredBy.MoneyTransfer, [2]);
  });
});
