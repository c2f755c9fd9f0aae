// The eventspec vocabulary plus the example domains' own phrasings; see README "Gherkin vocabulary".
// The `mongo` profile picks the MongoDB stores; the driver is loaded only then.
import { installSteps } from '../src';
import { domain } from '../src/domains';

installSteps(domain, {
  stores: { mongo: () => (require('../src/mongo') as typeof import('../src/mongo')).mongoScenarioStoresFromEnvironment() },
});
