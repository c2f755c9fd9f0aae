/** The name of the hook that opens each scenario's stores: a scenario it skipped had no store to run on. */
export const STORE_HOOK = 'eventspec: fresh stores';
