import { EventspecError } from '../core/errors';

/** What a project installs to use the MongoDB stores; both are optional peer dependencies of eventspec. */
export const INSTALL_DRIVER = 'npm install mongodb (and npm install --save-dev mongodb-memory-server to run scenarios on a local mongod)';

/**
 * An in-memory project never installs the driver. Imported first by this folder's index, so a
 * project without it is told what to install instead of "Cannot find module 'mongodb'".
 */
export function assertDriverInstalled(resolve: (id: string) => string = require.resolve): void {
  try {
    resolve('mongodb');
  } catch {
    throw new EventspecError(`eventspec/mongo needs the MongoDB driver, which this project does not have: ${INSTALL_DRIVER}`);
  }
}

assertDriverInstalled();
