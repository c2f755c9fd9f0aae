// Preloaded (--require) into every unit-test process: gives each test and hook a default time bound,
// so a hang fails with the test's name instead of hanging the whole run.
//
// Why not `node --test --test-timeout`: on node 20 that bounds each *file* (the file is one test of
// the parent run), so a hang would be reported against the file after the whole file's budget.
// Here every `it`/`test` and hook without its own `timeout` gets one; a `describe` that sets
// `{ timeout }` passes it on to the tests inside it (node's own inheritance), so a slow file
// (the field test, the browser tests) states its bound once.
const nodeTest = require('node:test');

const TEST_MS = bound('EVENTSPEC_TEST_TIMEOUT_MS', 120_000);
const HOOK_MS = bound('EVENTSPEC_HOOK_TIMEOUT_MS', 300_000);

function bound(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(`${name} is "${raw}": give a whole number of milliseconds above 0, e.g. ${name}=${fallback}`);
  }
  return ms;
}

/** Inside a `describe` that set its own timeout: its tests inherit that one. */
let explicitSuites = 0;

/** (name?, options?, fn?) in any of node's accepted orders, split into parts. */
function parts(args) {
  const fn = args.find((a) => typeof a === 'function');
  const options = args.find((a) => a !== null && typeof a === 'object');
  const name = args.find((a) => typeof a === 'string');
  return { name, options: options ?? {}, fn };
}

function rebuild(name, options, fn) {
  const args = [];
  if (name !== undefined) args.push(name);
  args.push(options);
  if (fn !== undefined) args.push(fn);
  return args;
}

function withDefault(original) {
  const wrapped = function (...args) {
    const { name, options, fn } = parts(args);
    if (options.timeout !== undefined || explicitSuites > 0) return original.apply(this, args);
    return original.apply(this, rebuild(name, { ...options, timeout: TEST_MS }, fn));
  };
  return Object.assign(wrapped, original);
}

function suite(original) {
  const wrapped = function (...args) {
    const { name, options, fn } = parts(args);
    if (options.timeout === undefined || typeof fn !== 'function') return original.apply(this, args);
    // node builds a suite by calling its function synchronously, so the count covers exactly its tests.
    const counted = function (...inner) {
      explicitSuites++;
      try {
        return fn.apply(this, inner);
      } finally {
        explicitSuites--;
      }
    };
    return original.apply(this, rebuild(name, options, counted));
  };
  return Object.assign(wrapped, original);
}

function hook(original) {
  return function (fn, options) {
    if (options?.timeout !== undefined || explicitSuites > 0) return original.call(this, fn, options);
    return original.call(this, fn, { ...options, timeout: HOOK_MS });
  };
}

const it = withDefault(nodeTest.it);
nodeTest.it = it;
nodeTest.test = it;
nodeTest.describe = suite(nodeTest.describe);
nodeTest.suite = suite(nodeTest.suite);
for (const name of ['before', 'after', 'beforeEach', 'afterEach']) nodeTest[name] = hook(nodeTest[name]);
