import { mongoCommandLog } from '../../src/mongo';
import { commandLogContract } from '../commandHandling/commandLogContract';
import { mongoSkipReason, mongoUri, testDatabase } from '../support/mongo';

commandLogContract('mongo', {
  unavailable: mongoSkipReason,
  create: async () => mongoCommandLog({ uri: await mongoUri(), database: testDatabase('commands') }),
});
