import type { SourceSite } from '../core/sourceSite';

/** One phrasing of the Gherkin vocabulary, as data: the step library, the glossary and suggestions read it. */
export interface StepPhrase {
  /** How the phrasing reads in the documentation, e.g. `{Aggregate} "{id}" is sent {Command}:`. */
  readonly expression: string;
  readonly keyword: 'Given' | 'When' | 'Then';
  /** What the step does, in business words. */
  readonly description: string;
  /** A complete example as it would appear in a feature file (with its table, if any). */
  readonly example: string;
  /** Where the phrasing comes from: the kit's vocabulary, or the domain's own phrasings. */
  readonly source: 'vocabulary' | 'domain';
  /** The cucumber expression the step is registered with: what a Cucumber run reports as its pattern. */
  readonly cucumberExpression?: string;
  /** A regular expression a project's own step is registered with. */
  readonly pattern?: RegExp;
  /** Where the vocabulary entry or the domain phrasing is declared. */
  readonly declaredAt?: SourceSite;
}
