/** The generic properties every aggregate is checked against, all on unless switched off. */
export const PROPERTIES = {
  invariants: 'declared invariants hold after every step',
  noCrashes: 'every command is accepted or rejected by name; decide and evolve never throw',
  rejectionsRecordNothing: 'a rejected command records nothing',
  eventContracts: 'every recorded event fits its contract and survives a JSON and upcast round trip',
  deterministic: 'evolve is deterministic: the same events give the same state',
  replay: 'rebuilding from all events gives the step-by-step state',
  snapshots: 'a snapshot plus the events after it gives the same state as a full replay',
  snapshotJson: 'a snapshot written as JSON (as a document store keeps it) loads the same state',
  upcasters: 'upcasting loses no data: two different old events stay different',
  model: 'commands do what the model expects (only when a model is given)',
} as const;

export type PropertyName = keyof typeof PROPERTIES;

export const PROPERTY_NAMES = Object.keys(PROPERTIES) as PropertyName[];

/** `{ snapshotJson: false }` switches one off; unnamed properties stay on. */
export type PropertySwitches = Partial<Record<PropertyName, boolean>>;

export function enabledProperties(switches: PropertySwitches = {}): ReadonlySet<PropertyName> {
  for (const name of Object.keys(switches)) {
    if (!(name in PROPERTIES)) {
      throw new TypeError(`unknown property "${name}"; the properties are ${PROPERTY_NAMES.join(', ')}`);
    }
  }
  return new Set(PROPERTY_NAMES.filter((name) => switches[name] !== false));
}
