import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { Domain } from '../domain/defineDomain';
import { relative } from 'node:path';
import type { SourceSite } from '../core/sourceSite';
import { domainParameterTypes, phrasingExpression } from '../gherkin/domainParameterTypes';
import type { StepPhrase } from '../gherkin/stepPhrase';
import type { PhraseDoc, ScenarioDoc } from './docsData';
import type { StepDefinitionUse } from './runResults';

export interface Glossary {
  readonly phrases: PhraseDoc[];
  /** Per scenario, the event and command types its steps reach through domain phrasings. */
  readonly phrasingTypes: Map<number, Set<string>>;
}

/**
 * Every phrasing a feature may use: the step definitions the run registered, the kit's
 * vocabulary and the domain's own wordings, each with the scenarios that used it. A phrase the
 * run did not register is matched against the step texts, so unused ones still show as unused.
 */
export function stepGlossary(
  definitions: readonly StepDefinitionUse[],
  vocabulary: readonly StepPhrase[],
  domain: Domain | undefined,
  scenarios: readonly ScenarioDoc[],
  parameterTypes: readonly { name: string; regularExpressions: string[] }[],
): Glossary {
  const phrases: PhraseDoc[] = [];
  const byPattern = new Map(definitions.map((d) => [d.pattern, d]));
  const used = new Set<string>();
  const stepTexts = scenarios.flatMap((s) => s.steps.filter((st) => !st.hook).map((st) => ({ id: s.id, text: st.text })));
  const registry = registryWith([
    ...parameterTypes,
    ...(domain ? domainParameterTypes(domain).map((t) => ({ name: t.name, regularExpressions: [t.regexp] })) : []),
  ]);

  for (const phrase of vocabulary) {
    // The run reports a step by the expression it was registered with.
    const key = phrase.cucumberExpression ?? phrase.pattern?.source ?? phrase.expression;
    const definition = byPattern.get(key);
    if (definition) used.add(key);
    // One matcher (one compiled expression) for the usage and the example.
    const matches = phrase.pattern ? (text: string) => phrase.pattern!.test(text) : matcher(key, registry);
    const usedIn = definition?.usedIn ?? (matches ? matchingIds(matches, stepTexts) : undefined);
    // The kit's own steps are eventspec's, wherever it is installed (not node_modules/eventspec/dist/…).
    const location = phrase.source === 'vocabulary' ? 'eventspec' : (definition?.location ?? siteText(phrase.declaredAt));
    // The example a reader of this project knows: the phrase as one of its own scenarios wrote it.
    const own = usedIn && usedIn.length > 0 && matches ? firstUse(scenarios, usedIn, matches) : undefined;
    phrases.push({
      keyword: phrase.keyword,
      text: phrase.expression,
      kind: phrase.cucumberExpression || phrase.pattern ? 'eventspec phrasing' : 'cucumber expression',
      source: phrase.source,
      description: phrase.description,
      example: own ?? phrase.example,
      ...(location ? { location } : {}),
      ...(usedIn ? { usedIn } : {}),
    });
  }

  const phrasingTypes = new Map<number, Set<string>>();
  for (const phrasing of domain?.phrasings ?? []) {
    const expression = phrasingExpression(phrasing.text);
    used.add(expression);
    // The "from" column: the phrasing's declaration, as the run reported it or as the domain says.
    const location = byPattern.get(expression)?.location ?? siteText(phrasing.declaredAt);
    const usedIn = matchExpression(expression, registry, stepTexts) ?? [];
    for (const id of usedIn) {
      let types = phrasingTypes.get(id);
      if (!types) phrasingTypes.set(id, (types = new Set()));
      types.add(phrasing.type);
    }
    const verb = phrasing.keyword === 'When' ? `sends ${phrasing.type} to` : phrasing.keyword === 'Given' ? `records ${phrasing.type} in` : `expects ${phrasing.type} from`;
    phrases.push({
      keyword: phrasing.keyword,
      text: phrasing.text,
      kind: 'domain phrasing',
      source: 'domain',
      description: `${verb} ${phrasing.aggregate}`,
      ...(location ? { location } : {}),
      usedIn,
    });
  }

  // step definitions of the run that neither list describes (another library's, or the project's own)
  for (const d of definitions) {
    if (used.has(d.pattern)) continue;
    phrases.push({ text: d.pattern, kind: d.kind, source: 'step definition', ...(d.location ? { location: d.location } : {}), usedIn: d.usedIn });
  }
  return { phrases, phrasingTypes };
}

/** `src/domain.ts:12`, relative to where the docs are built. */
function siteText(site: SourceSite | undefined): string | undefined {
  return site ? `${relative(process.cwd(), site.file).split('\\').join('/')}:${site.line}` : undefined;
}

/** Ids of the scenarios with a step the matcher accepts, each once. */
function matchingIds(matches: (text: string) => boolean, steps: readonly { id: number; text: string }[]): number[] {
  const out: number[] = [];
  for (const { id, text } of steps) if (out[out.length - 1] !== id && matches(text)) out.push(id);
  return out;
}

function registryWith(parameterTypes: readonly { name: string; regularExpressions: string[] }[]): ParameterTypeRegistry {
  const registry = new ParameterTypeRegistry();
  for (const p of parameterTypes) {
    try {
      registry.defineParameterType(new ParameterType(p.name, p.regularExpressions, null, (s: string) => s, false, false));
    } catch {
      // a clash with a built-in type: the built-in one serves for matching
    }
  }
  return registry;
}

/** Whether a text matches a cucumber expression; undefined when the expression uses a parameter type this run did not define. */
function matcher(expression: string, registry: ParameterTypeRegistry): ((text: string) => boolean) | undefined {
  let compiled: CucumberExpression;
  try {
    compiled = new CucumberExpression(expression, registry);
  } catch {
    return undefined;
  }
  return (text) => {
    try {
      return compiled.match(text) !== null;
    } catch {
      return false; // a parameter transform failed on this text: not a match
    }
  };
}

function matchExpression(expression: string, registry: ParameterTypeRegistry, steps: readonly { id: number; text: string }[]): number[] | undefined {
  const matches = matcher(expression, registry);
  return matches ? matchingIds(matches, steps) : undefined; // undefined: usage unknown
}

const QUOTES = '"""';

/** The first step of the first scenario that used a phrase, written as in its feature file (with its table or doc string). */
function firstUse(scenarios: readonly ScenarioDoc[], usedIn: readonly number[], matches: (text: string) => boolean): string | undefined {
  const step = scenarios[usedIn[0]!]?.steps.find((st) => !st.hook && matches(st.text));
  if (!step) return undefined;
  const lines = [`${step.keyword} ${step.text}`];
  if (step.table && step.table.length > 0) {
    const widths = step.table[0]!.map((_, c) => Math.max(...step.table!.map((row) => (row[c] ?? '').length)));
    for (const row of step.table) lines.push(`  | ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`);
  }
  if (step.docString) lines.push(`  ${QUOTES}`, ...step.docString.content.split('\n').map((line) => `  ${line}`), `  ${QUOTES}`);
  return lines.join('\n');
}
