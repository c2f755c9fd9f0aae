/**
 * The name of the hook that checks each scenario's text and opens its stores. Cucumber shows it
 * when the hook fails ("Before (eventspec: checking the scenario, opening its stores)"), so it
 * says what was being done; a scenario it skipped had no store to run on.
 */
export const STORE_HOOK = 'eventspec: checking the scenario, opening its stores';
