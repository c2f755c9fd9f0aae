import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { httpClient } from '../../src/service/httpClient';

describe('the HTTP client the http profile sends through', () => {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    asked.push(request.url ?? '');
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ readModel: 'Shelf', documents: [] }));
  });
  let base = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('filters a read-model field named like a paging parameter in its bracketed form', async () => {
    await httpClient(base).findReadModels('Shelf', { limit: 10, after: '2025-03-01', label: 'A' }, 5, 's-1');
    const query = new URL(asked.at(-1)!, base).searchParams;
    assert.deepEqual([...query], [['filter[limit]', '10'], ['filter[after]', '2025-03-01'], ['label', 'A'], ['limit', '5'], ['after', 's-1']]);
  });
});
