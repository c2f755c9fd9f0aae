// The eventspec vocabulary plus the example domains' own phrasings; see README "Gherkin vocabulary".
// The `mongo` profile picks the kit's MongoDB stores, which load the driver only then.
import { installSteps } from '../src';
import { domain } from '../src/domains';

installSteps(domain);
