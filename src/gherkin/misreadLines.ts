import { dialects } from '@cucumber/gherkin';
import type * as m from '@cucumber/messages';
import { distance } from 'fastest-levenshtein';

/** A line Gherkin read as description text (so it never runs) that the writer most likely meant as a keyword or a step. */
export interface MisreadLine {
  readonly line: number;
  readonly text: string;
  readonly problem: string;
}

interface Described {
  readonly location: m.Location;
  readonly description: string;
}

/**
 * Gherkin reads any line it does not expect as description: a misspelled `Scenaro:` swallows its
 * scenario, a misspelled `Thenn` makes a step prose, and steps under `Feature:` belong to no
 * scenario. Each run passes regardless, so these lines are found here. `isStep` says whether a
 * text (without its keyword) is a step the project defines; without it, only near-misses of the
 * keywords count.
 */
export function misreadLines(document: m.GherkinDocument, source: string, isStep?: (text: string) => boolean): MisreadLine[] {
  const feature = document.feature;
  if (!feature) return [];
  const dialect = dialects[feature.language] ?? dialects.en!;
  const blocks = [...dialect.scenario, ...dialect.scenarioOutline, ...dialect.background, ...dialect.examples, ...dialect.rule].map((k) => k.trim());
  const steps = [...dialect.given, ...dialect.when, ...dialect.then, ...dialect.and, ...dialect.but].map((k) => k.trim()).filter((k) => k !== '*');
  const sourceLines = source.split(/\r?\n/);
  const found: MisreadLine[] = [];

  const check = (node: Described) => {
    let at = node.location.line;
    // After a misspelled block keyword, the steps under it are its consequence, not more mistakes.
    let swallowed = false;
    for (const raw of node.description.split('\n')) {
      const text = raw.trim();
      if (text === '') continue;
      // Description lines keep their order in the file: each is found after the one before.
      const index = sourceLines.findIndex((line, i) => i >= at && line.trim() === text);
      if (index >= 0) at = index + 1;
      const block = blockProblem(text, blocks);
      swallowed ||= block !== undefined;
      const problem = block ?? (swallowed ? undefined : stepProblem(text, steps, isStep));
      if (problem !== undefined) found.push({ line: index >= 0 ? index + 1 : node.location.line, text, problem });
    }
  };
  const visit = (children: readonly (m.FeatureChild | m.RuleChild)[]) => {
    for (const child of children) {
      if (child.background) check(child.background);
      if (child.scenario) {
        check(child.scenario);
        const { keyword, name, location, examples } = child.scenario;
        if (examples.length === 0 && dialect.scenarioOutline.includes(keyword.trim()) && /<[^<>\s]+>/.test(JSON.stringify(child.scenario.steps))) {
          found.push({ line: location.line, text: `${keyword}: ${name}`, problem: 'this Scenario Outline has no Examples table, so its <placeholders> stay as written; add Examples: with a column for each' });
        }
        for (const examples of child.scenario.examples) check(examples);
      }
      if ('rule' in child && child.rule) {
        check(child.rule);
        visit(child.rule.children);
      }
    }
  };
  check(feature);
  visit(feature.children);
  return found;
}

/** `Scenaro: …`, `Backgroud:`: close to a keyword that starts a block, but not it (nor its plural). */
function blockProblem(text: string, keywords: readonly string[]): string | undefined {
  const head = /^([^:|#"]{4,40}):/.exec(text)?.[1];
  if (head === undefined) return undefined;
  const word = head.trim().toLowerCase();
  for (const keyword of keywords) {
    const k = keyword.toLowerCase();
    // Keywords are case-sensitive and take no space before the colon: `scenario:` or `Scenario :` is description too.
    if (word === k && head !== keyword) return `did you mean \`${keyword}:\`? Gherkin keywords are written exactly so (capital first, the colon right after), and this line is read as description, so what follows it never runs`;
    // Misspellings keep the first letter; short keywords (Rule) are too close to common words (Role).
    if (word === k || word === `${k}s` || `${word}s` === k || k.length < 6 || word[0] !== k[0]) continue;
    const allowed = k.length >= 7 ? 2 : 1;
    if (distance(word, k) <= allowed) return `did you mean \`${keyword}:\`? Gherkin reads this line as description, so what follows it never runs`;
  }
  return undefined;
}

/** `Thenn Order "o-1" …`: a step with a misspelled keyword; or a step where none runs (under Feature: or Rule:). */
function stepProblem(text: string, keywords: readonly string[], isStep?: (text: string) => boolean): string | undefined {
  const match = /^(\S+)\s+(.+)$/.exec(text);
  if (!match) return undefined;
  const [, word, rest] = match as unknown as [string, string, string];
  for (const keyword of keywords) {
    if (word === keyword) {
      return isStep?.(rest) ? 'this step is outside any scenario, so it never runs; put it under a Scenario: (or a Background:)' : undefined;
    }
  }
  if (word.length < 4) return undefined;
  for (const keyword of keywords) {
    if (word[0]?.toLowerCase() !== keyword[0]?.toLowerCase() || distance(word.toLowerCase(), keyword.toLowerCase()) !== 1) continue;
    // Only when the rest is one of the project's steps: prose ("Andy says …") is left alone.
    if (isStep?.(rest)) return `did you mean \`${keyword}\`? Gherkin reads this line as description, not a step, so it never runs`;
  }
  return undefined;
}
