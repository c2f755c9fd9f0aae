import type { DocumentPart, FeatureDoc } from './docsData';

/**
 * The page data as the page inlines it, with what the page can work out left out: at 20,000
 * scenarios half of the inline page was each scenario's id, file and full key, tags repeated from
 * its feature, and lists of 20,000 scenario ids. The page (state.js `unpack`) and readSiteData
 * (`unpackSiteData`) put it back; the two must agree with `packSiteData`.
 *
 * - a scenario: no `id` (its place), `uri` (its feature's), `keyword` when "Scenario", `attempts`
 *   when 1; `k` for the key after its feature's key and `/`; `t` for the tags after its feature's
 * - an id list (`usedIn`, `recordedIn`, `mentionedIn`, a feature's `scenarios`): `<name>Runs`,
 *   [first, count, first, count, …]
 * - a feature's consecutive plain scenario parts: `{ kind: 'scenarios', runs }`
 */
type Loose = Record<string, unknown>;

const ID_LISTS = ['usedIn', 'recordedIn', 'mentionedIn', 'scenarios'] as const;

export function packSiteData(data: Loose & { scenarios: Loose[]; features: FeatureDoc[] }): Loose {
  const features = data.features.map((f) => packLists({ ...f, parts: packParts(f.parts) }));
  const scenarios = data.scenarios.map((s, i) => {
    const f = data.features[s.feature as number]!;
    const out: Loose = { ...s };
    if (s.id === i) delete out.id;
    if (s.uri === f.uri) delete out.uri;
    if (s.keyword === 'Scenario') delete out.keyword;
    if (s.attempts === 1) delete out.attempts;
    const key = s.key as string;
    if (key.startsWith(`${f.key}/`)) {
      delete out.key;
      out.k = key.slice(f.key.length + 1);
    }
    const tags = s.tags as string[];
    if (f.tags.length > 0 && f.tags.length <= tags.length && f.tags.every((t, n) => tags[n] === t)) {
      delete out.tags;
      out.t = tags.slice(f.tags.length);
    }
    return out;
  });
  const lists = (key: string) => (data[key] as Loose[] | undefined)?.map(packLists);
  return { ...data, features, scenarios, glossary: lists('glossary'), events: lists('events'), commands: lists('commands') };
}

/** The inverse of packSiteData, for readers of a built page. */
export function unpackSiteData(data: Loose & { scenarios: Loose[]; features: Loose[] }): Loose {
  const features = data.features.map((f) => unpackLists({ ...f, parts: unpackParts(f.parts as Loose[]) })) as unknown as FeatureDoc[];
  const scenarios = data.scenarios.map((s, i) => {
    const f = features[s.feature as number]!;
    const { k, t, ...rest } = s;
    return {
      ...rest,
      id: s.id ?? i,
      key: s.key ?? `${f.key}/${k as string}`,
      keyword: s.keyword ?? 'Scenario',
      tags: s.tags ?? [...f.tags, ...(t as string[])],
      uri: s.uri ?? f.uri,
      attempts: s.attempts ?? 1,
    };
  });
  const lists = (key: string) => (data[key] as Loose[] | undefined)?.map(unpackLists);
  return { ...data, features, scenarios, glossary: lists('glossary'), events: lists('events'), commands: lists('commands') };
}

/** [first, count, …] for a list of ids; runs of consecutive ids take two numbers whatever their length. */
export function idRuns(ids: readonly number[]): number[] {
  const runs: number[] = [];
  for (let i = 0; i < ids.length; ) {
    let n = 1;
    while (i + n < ids.length && ids[i + n] === ids[i]! + n) n++;
    runs.push(ids[i]!, n);
    i += n;
  }
  return runs;
}

export function expandRuns(runs: readonly number[]): number[] {
  const ids: number[] = [];
  for (let r = 0; r < runs.length; r += 2) for (let n = 0; n < runs[r + 1]!; n++) ids.push(runs[r]! + n);
  return ids;
}

function packLists<T extends object>(item: T): Loose {
  const out = { ...item } as Loose;
  for (const name of ID_LISTS) {
    const ids = out[name];
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'number')) continue;
    const runs = idRuns(ids as number[]);
    if (runs.length >= ids.length) continue;
    delete out[name];
    out[`${name}Runs`] = runs;
  }
  return out;
}

function unpackLists(item: Loose): Loose {
  const out: Loose = { ...item };
  for (const name of ID_LISTS) {
    const runs = out[`${name}Runs`];
    if (runs === undefined) continue;
    delete out[`${name}Runs`];
    out[name] = expandRuns(runs as number[]);
  }
  return out;
}

function packParts(parts: readonly DocumentPart[]): Loose[] {
  const out: Loose[] = [];
  for (const part of parts) {
    if (part.kind === 'rule') out.push({ ...part, parts: packParts(part.parts) });
    else if (part.kind !== 'scenario') out.push(part as unknown as Loose);
    else {
      const last = out[out.length - 1];
      const runs = last?.kind === 'scenarios' ? (last.runs as number[]) : undefined;
      if (runs && runs[0]! + runs[1]! === part.scenario) runs[1] = runs[1]! + 1;
      else out.push({ kind: 'scenarios', runs: [part.scenario, 1] });
    }
  }
  return out;
}

function unpackParts(parts: readonly Loose[]): Loose[] {
  const out: Loose[] = [];
  for (const part of parts) {
    if (part.kind === 'scenarios') for (const scenario of expandRuns(part.runs as number[])) out.push({ kind: 'scenario', scenario });
    else if (part.kind === 'rule') out.push({ ...part, parts: unpackParts(part.parts as Loose[]) });
    else out.push(part);
  }
  return out;
}
