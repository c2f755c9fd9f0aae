// The eventspec vocabulary plus the example domains' own phrasings; see README "Gherkin vocabulary".
import { installSteps } from '../src/gherkin';
import { domain } from '../src/domains';

installSteps(domain);
