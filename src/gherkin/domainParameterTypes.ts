import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { Domain, DomainPart } from '../domain/defineDomain';
import { isProjection } from '../projections/defineProjection';
import { isProcess } from '../processes/defineProcess';

/** A parameter of the vocabulary's cucumber expressions whose words are the domain's own names. */
export interface DomainParameterType {
  readonly name: string;
  /** The regular expression's source, as cucumber and the editor's language service read it. */
  readonly regexp: string;
  /** The names it accepts (empty for `Value`); a misspelled one leaves the step undefined. */
  readonly names: readonly string[];
  readonly transformer: (text: string) => string;
}

const escapeRegExp = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so a name that is the prefix of another does not win the alternation. */
const alternation = (names: readonly string[]) =>
  names.length === 0 ? '(?!)' : [...names].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegExp).join('|');
const unique = (names: readonly string[]) => [...new Set(names)];
const identity = (text: string) => text;
const unquote = (value: string) => (value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

/** What the steps need of a domain: its names (a scaffold can state them before the code exists). */
export interface NamedDomain {
  readonly name: string;
  readonly aggregates: readonly {
    readonly name: string;
    readonly commands: readonly { readonly name: string }[];
    readonly events: readonly { readonly name: string }[];
    readonly rejections: Readonly<Record<string, string>>;
  }[];
  readonly projections: readonly DomainPart[];
  readonly processes?: readonly DomainPart[];
  readonly phrasings: Domain['phrasings'];
}

/** The names a feature file may use, by parameter: what `--dry-run` and the editor can check. */
export function domainNames(domain: NamedDomain) {
  const projections = domain.projections.filter(isProjection);
  const processes = (domain.processes ?? []).filter(isProcess);
  return {
    Aggregate: domain.aggregates.map((a) => a.name),
    Command: unique(domain.aggregates.flatMap((a) => a.commands.map((c) => c.name))),
    Event: unique(domain.aggregates.flatMap((a) => a.events.map((e) => e.name))),
    Rejection: unique(domain.aggregates.flatMap((a) => Object.keys(a.rejections))),
    ReadModel: unique(projections.flatMap((p) => Object.keys(p.readModels))),
    Projection: projections.map((p) => p.name),
    Process: processes.filter((p) => !p.stateless).map((p) => p.name),
    Deadline: unique(processes.flatMap((p) => p.deadlines)),
  };
}

const DURATION_PART = '\\d+ (?:weeks?|days?|hours?|minutes?|seconds?)';
const DURATION = `${DURATION_PART}(?:(?:,\\s*|\\s+and\\s+)${DURATION_PART})*`;

export const EVENT_LIST_SEPARATOR = '(?:,\\s*and\\s+|,\\s*|\\s+and\\s+)';

/** The vocabulary's parameter types for this domain: each accepts exactly the domain's names. */
export function domainParameterTypes(domain: NamedDomain): DomainParameterType[] {
  const names = domainNames(domain);
  const named = (name: keyof typeof names): DomainParameterType => ({ name, regexp: alternation(names[name]), names: names[name], transformer: identity });
  const event = `(?:${alternation(names.Event)})`;
  return [
    named('Aggregate'),
    named('Command'),
    named('Event'),
    { name: 'Events', regexp: `${event}(?:${EVENT_LIST_SEPARATOR}${event})*`, names: names.Event, transformer: identity },
    named('Rejection'),
    named('ReadModel'),
    named('Projection'),
    named('Process'),
    named('Deadline'),
    // A span of time as people say it: "3 days", "1 day and 6 hours".
    { name: 'Duration', regexp: DURATION, names: [], transformer: identity },
    // A domain phrasing's placeholder: a "quoted value" or one word.
    { name: 'Value', regexp: '"[^"]*"|\\S+', names: [], transformer: unquote },
  ];
}

/** A registry with cucumber's built-in types and the domain's, to compile the vocabulary's expressions. */
export function domainRegistry(types: readonly DomainParameterType[]): ParameterTypeRegistry {
  const registry = new ParameterTypeRegistry();
  for (const type of types) registry.defineParameterType(new ParameterType(type.name, new RegExp(type.regexp), String, type.transformer, false, false));
  return registry;
}

export function compile(expression: string, registry: ParameterTypeRegistry): CucumberExpression {
  return new CucumberExpression(expression, registry);
}

/** How many values a cucumber expression passes to its step function. */
export function parameterCount(expression: string): number {
  return (expression.replace(/\\./g, '').match(/\{[^}]*\}/g) ?? []).length;
}

/** A phrasing's text as a cucumber expression: each placeholder a `{Value}`, the rest literal. */
export function phrasingExpression(text: string): string {
  return text
    .split(/(\{[A-Za-z_][A-Za-z0-9_.]*\})/)
    .map((part) =>
      /^\{.*\}$/.test(part)
        ? '{Value}'
        : part
            .replace(/[\\(){}/]/g, '\\$&')
            // A plural ending in parentheses right after a word (`book(s)`, `box(es)`) is optional, as in
            // the kit's own `pass(es)`, and the word as written still matches; other parentheses
            // (`(incl. tax)`, `price(eur)`) stay literal text.
            .replace(/(?<![A-Za-z\\])([A-Za-z]+)\\\((s|es)\\\)(?![A-Za-z])/g, '$1($2)/$1\\($2\\)'),
    )
    .join('');
}
