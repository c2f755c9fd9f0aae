import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDriverInstalled } from '../../src/mongo/driverInstalled';

describe('eventspec/mongo without the driver', () => {
  it('names the packages to install instead of failing on a missing module', () => {
    const missing = (id: string): string => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    };
    assert.throws(() => assertDriverInstalled(missing), {
      name: 'EventspecError',
      message: /eventspec\/mongo needs the MongoDB driver, which this project does not have: npm install mongodb \(and npm install --save-dev mongodb-memory-server/,
    });
  });

  it('is silent where the driver resolves', () => {
    assert.doesNotThrow(() => assertDriverInstalled((id) => `/somewhere/node_modules/${id}/index.js`));
  });
});
