import { distance } from 'fastest-levenshtein';
import { closest, didYouMean } from '../core/suggest';
import { domainNames, phrasingExpression } from './domainParameterTypes';
import type { NamedDomain } from './domainParameterTypes';
import { vocabulary } from './vocabulary';

const IDENTIFIER = '[A-Za-z][A-Za-z0-9_]*';
const LIST_SEPARATOR = /(,\s*and\s+|,\s*|\s+and\s+)/;
/** What each parameter accepts when looking for the step a user meant: any name, not only the domain's. */
const LENIENT: Record<string, string> = {
  Events: `${IDENTIFIER}(?:(?:,\\s*and\\s+|,\\s*|\\s+and\\s+)${IDENTIFIER})*`,
  string: `"[^"]*"|'[^']*'`,
  int: '-?\\d+',
  float: '-?\\d*\\.?\\d+',
  word: '\\S+',
  Value: '"[^"]*"|\\S+',
};
const lenient = (type: string) => LENIENT[type] ?? IDENTIFIER;

type Part = { text: string } | { type: string };

/** A cucumber expression as literal text and parameters (`(s)` optional text kept as written). */
function partsOf(expression: string): Part[] {
  const parts: Part[] = [];
  for (const [token, escaped, type] of expression.matchAll(/\\(.)|\{([^}]*)\}|[^\\{]+/g)) {
    if (escaped !== undefined) parts.push({ text: escaped });
    else if (type !== undefined) parts.push({ type });
    else parts.push({ text: token.replace(/\((\w+)\)/g, '') });
  }
  return parts;
}

interface Candidate {
  readonly keyword: string;
  readonly parts: Part[];
}

function candidatesFor(domain: NamedDomain | undefined): Candidate[] {
  return [
    ...vocabulary.map((step) => ({ keyword: step.keyword, parts: partsOf(step.cucumberExpression) })),
    ...(domain?.phrasings ?? []).map((p) => ({ keyword: p.keyword, parts: partsOf(phrasingExpression(p.text)) })),
  ];
}

/** A step's wording split into words as the user types them, each word its literal text and parameters. */
function tokensOf(parts: readonly Part[]): Part[][] {
  const tokens: Part[][] = [[]];
  for (const part of parts) {
    if ('type' in part) {
      tokens[tokens.length - 1]!.push(part);
      continue;
    }
    part.text.split(/(\s+)/).forEach((piece, i) => {
      if (i % 2 === 1) tokens.push([]);
      else if (piece !== '') tokens[tokens.length - 1]!.push({ text: piece });
    });
  }
  return tokens.filter((token) => token.length > 0);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NOUNS: Record<string, string> = { Aggregate: 'aggregate', Command: 'command', Event: 'event', Events: 'event', Rejection: 'rejection', ReadModel: 'read model', Projection: 'projection', Process: 'process', Deadline: 'deadline' };

export interface StepSuggestion {
  /** The step as it would be defined, keyword first. */
  readonly line: string;
  /** Names in the user's line the domain does not have, each told with the closest it has. */
  readonly misspelled: readonly string[];
}

/**
 * The step a user most likely meant by an undefined line: their own line with the domain's
 * names put right (`Order "o-1" is sent PlaceOrdr` → `When Order "o-1" is sent PlaceOrder`), or,
 * when the wording itself differs, the closest vocabulary step or domain phrasing filled with the
 * user's values and the domain's names.
 */
export function suggestStep(text: string, domain: NamedDomain | undefined, keyword?: string): StepSuggestion | undefined {
  const all = candidatesFor(domain);
  // A step's keyword says what it is for (a Then checks): steps of that keyword are looked at first.
  const sameKeyword = keyword === undefined ? [] : all.filter((c) => c.keyword === keyword);
  if (sameKeyword.length > 0 && sameKeyword.length < all.length) {
    const preferred = suggestFrom(text, domain, sameKeyword);
    if (preferred) return preferred;
  }
  return suggestFrom(text, domain, all);
}

function suggestFrom(text: string, domain: NamedDomain | undefined, candidates: readonly Candidate[]): StepSuggestion | undefined {
  const names: Record<string, readonly string[]> = domain ? domainNames(domain) : {};
  const fill = (type: string, word: string) => (names[type === 'Events' ? 'Event' : type] ? nameFor(type, word) : word);
  const nameFor = (type: string, word: string | undefined, own?: readonly string[]): string => {
    const known = own ?? names[type === 'Events' ? 'Event' : type] ?? [];
    if (type === 'Events' && word !== undefined) {
      return word.split(LIST_SEPARATOR).map((piece, i) => (i % 2 === 1 ? piece : nameFor('Event', piece, own))).join('');
    }
    return (word !== undefined ? closest(word, known) : undefined) ?? word ?? known[0] ?? `{${type}}`;
  };

  // 1. The wording is right and only names are wrong: keep the user's line, correct the names.
  // Of the steps the line fits, the one with the fewest unknown names: `Ordr "o-1" records nothing`
  // fits `… records {Events}` too, but only `… records nothing` leaves "nothing" a word.
  let fewest: StepSuggestion | undefined;
  for (const { keyword, parts } of candidates) {
    const source = parts.map((p) => ('text' in p ? escapeRegExp(p.text) : `(${lenient(p.type)})`)).join('');
    const match = new RegExp(`^${source}$`).exec(text);
    if (!match) continue;
    const misspelled: string[] = [];
    let group = 1;
    // Names that belong to an aggregate are looked for among the one the line names, when it names one.
    let aggregate: NamedDomain['aggregates'][number] | undefined;
    const line = parts
      .map((p) => {
        if ('text' in p) return p.text;
        const word = match[group++]!;
        if (p.type === 'Aggregate') {
          const meant = nameFor('Aggregate', word);
          aggregate = domain?.aggregates.find((a) => a.name === meant);
        }
        const own = aggregate && ownNames(aggregate, p.type);
        const known = own ?? names[p.type === 'Events' ? 'Event' : p.type];
        if (!known) return word;
        const pieces = p.type === 'Events' ? word.split(LIST_SEPARATOR).filter((_, i) => i % 2 === 0) : [word];
        for (const piece of pieces) {
          if (known.includes(piece)) continue;
          const unregistered = (p.type === 'ReadModel' || p.type === 'Projection') && closest(piece, known) === undefined;
          const fix = unregistered ? `; a ${NOUNS[p.type]} is known once its projection is registered: defineDomain({ …, projections: [yourProjection] })` : '';
          misspelled.push(`unknown ${NOUNS[p.type]} \`${piece}\`${didYouMean(piece, known)}${fix}`);
        }
        return nameFor(p.type, word, own);
      })
      .join('');
    if (misspelled.length > 0 && (!fewest || misspelled.length < fewest.misspelled.length)) fewest = { line: `${keyword} ${line}`, misspelled };
  }
  if (fewest) return fewest;

  // 2. Word for word: each step's wording filled with the user's words at the same places; the
  // nearest of those, if near enough (`alice placed ordr o-9` → `alice placed order o-9`).
  const userTokens = text.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  let aligned: { line: string; keyword: string; score: number } | undefined;
  for (const { keyword, parts } of candidates) {
    const tokens = tokensOf(parts);
    if (tokens.length !== userTokens.length) continue;
    // A word in a name's place that is no name of the domain (`has the state:` against `was sent {Command}:`) rules the step out.
    let fits = true;
    const line = tokens
      .map((token, i) => {
        const user = userTokens[i]!;
        if (token.every((p) => 'text' in p)) return token.map((p) => ('text' in p ? p.text : '')).join('');
        // Strictly first; then with its quotes left out (`rejected with AccountAlreadyOpen`,
        // `Account a-1`), which the line then gets back.
        const strict = new RegExp(`^${token.map((p) => ('text' in p ? escapeRegExp(p.text) : `(${lenient(p.type)})`)).join('')}$`).exec(user);
        const match = strict ?? new RegExp(`^${token.map((p) => ('text' in p ? escapeRegExp(p.text).replace(/"/g, '"?') : p.type === 'string' ? `(${LENIENT.string}|[^\\s"']+)` : `(${lenient(p.type)})`)).join('')}$`).exec(user);
        let group = 1;
        const value = (type: string, word: string) => {
          const known = names[type === 'Events' ? 'Event' : type];
          // Names are written capitalised; a lower-case word far from every name is prose, not a misspelt name.
          if (known && type !== 'Events' && !/^["']?[A-Z]/.test(word) && closest(word, known) === undefined) fits = false;
          return type === 'string' && !/^["']/.test(word) ? `"${word}"` : fill(type, word);
        };
        return token.map((p) => ('text' in p ? p.text : match ? value(p.type, match[group++]!) : `{${p.type}}`)).join('');
      })
      .join(' ');
    if (!fits) continue;
    const score = distance(text, line) / Math.max(text.length, line.length, 1);
    if (!aligned || score < aligned.score) aligned = { line, keyword, score };
  }
  if (aligned && aligned.score > 0 && aligned.score < 0.25) return { line: `${aligned.keyword} ${aligned.line}`, misspelled: [] };

  // 3. The wording differs more: the nearest step, with the user's values and names where they fit.
  const normalise = (s: string) => s.replace(/"[^"]*"|'[^']*'/g, '""').replace(/\s+/g, ' ').trim().toLowerCase();
  // The user's names read as the parameter they fill, so `Order … ShipOrder` compares like `{Aggregate} … {Command}`.
  const typeOf = (word: string) => Object.entries(names).find(([type, known]) => type !== 'Projection' && closest(word, known) !== undefined)?.[0];
  // Several events in a row (`A & B`, `A, B and C`) read as the list parameter.
  const wanted = normalise(text.replace(/[A-Za-z]\w*/g, (word) => typeOf(word)?.toLowerCase() ?? word)).replace(/event(\s*(,|&|\band\b)\s*event)+/g, 'events');
  let best: { candidate: Candidate; score: number } | undefined;
  for (const candidate of candidates) {
    const shape = normalise(candidate.parts.map((p) => ('text' in p ? p.text : p.type === 'string' ? '""' : p.type === 'Events' ? 'events' : p.type.toLowerCase())).join(''));
    const score = distance(wanted, shape) / Math.max(wanted.length, shape.length, 1);
    if (!best || score < best.score) best = { candidate, score };
  }
  if (!best || best.score >= 0.5) return undefined;
  const quoted = [...text.matchAll(/"[^"]*"|'[^']*'/g)].map((m) => m[0]);
  const numbers = [...text.replace(/"[^"]*"|'[^']*'/g, '').matchAll(/-?\b\d+\b/g)].map((m) => m[0]);
  const words = text.replace(/"[^"]*"|'[^']*'/g, '').split(/[\s,]+/).filter((w) => /^[A-Za-z]\w*$/.test(w));
  // A name may be written in quotes (`rejected with "TicketNotOpen"`): it can fill a name's place too.
  const quotedNames = quoted.map((q) => q.slice(1, -1)).filter((w) => /^[A-Za-z]\w*$/.test(w));
  const line = best.candidate.parts
    .map((p) => {
      if ('text' in p) return p.text;
      if (p.type === 'string') return quoted.shift() ?? '"…"';
      if (p.type === 'int' || p.type === 'float') return numbers.shift() ?? '1';
      const known = names[p.type === 'Events' ? 'Event' : p.type];
      if (!known) return `{${p.type}}`;
      if (p.type === 'Events') {
        const listed = words.filter((w) => closest(w, known) !== undefined).map((w) => nameFor('Event', w));
        if (listed.length > 1) return `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
      }
      // The user's own name first (`receives OpenAccount` names OpenAccount, not ReceiveStock), then the closest.
      const word =
        words.find((w) => known.includes(w)) ?? quotedNames.find((w) => known.includes(w)) ?? words.find((w) => closest(w, known) !== undefined) ?? quotedNames.find((w) => closest(w, known) !== undefined);
      return nameFor(p.type === 'Events' ? 'Event' : p.type, word);
    })
    .join('');
  return { line: `${best.candidate.keyword} ${line}`, misspelled: [] };
}

/** An aggregate's own commands, events or rejections; undefined for a name of another kind. */
function ownNames(aggregate: NamedDomain['aggregates'][number], type: string): readonly string[] | undefined {
  if (type === 'Command') return aggregate.commands.map((c) => c.name);
  if (type === 'Event' || type === 'Events') return aggregate.events.map((e) => e.name);
  if (type === 'Rejection') return Object.keys(aggregate.rejections);
  return undefined;
}
