import { combineDomains } from '../index';
import { banking } from './banking';
import { ordering } from './ordering';

export { banking, ordering };

/** Both example domains together: what `npm start` and the example features run. */
export const domain = combineDomains('examples', [ordering, banking]);
