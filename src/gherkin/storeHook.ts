/**
 * The name of the hook that checks each scenario's text and opens its stores. Cucumber shows it
 * when the hook fails ("Before (eventspec: checking the scenario, opening its stores)"), so it
 * says what was being done; a scenario it skipped had no store to run on.
 */
export const STORE_HOOK = 'eventspec: checking the scenario, opening its stores';

/** Attached by that hook to a scenario it skipped for want of a store (the reason is the body): only this marks such a skip. */
export const STORE_UNAVAILABLE = 'text/x.eventspec.store-unavailable';
