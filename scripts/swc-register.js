// This checkout's TypeScript loader for the unit tests, the example features and mutation runs:
// the same hook the package ships as `eventspec/register` (src/register.js), which says why.
require('../src/register.js');
