/** One phrasing of the Gherkin vocabulary, as data: the step library, the glossary and suggestions read it. */
export interface StepPhrase {
  /** Cucumber expression the step matches, e.g. `{aggregate} {string} is sent {word}:`. */
  readonly expression: string;
  readonly keyword: 'Given' | 'When' | 'Then';
  /** What the step does, in business words. */
  readonly description: string;
  /** A complete example as it would appear in a feature file (with its table, if any). */
  readonly example: string;
  /** Where the phrasing comes from: the kit's vocabulary, or the domain's own phrasings. */
  readonly source: 'vocabulary' | 'domain';
  /** The regular expression the step is registered with; its source is what a Cucumber run reports. */
  readonly pattern?: RegExp;
}
