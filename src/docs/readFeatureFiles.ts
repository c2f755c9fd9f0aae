import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { generateMessages } from '@cucumber/gherkin';
import { SourceMediaType, type Envelope } from '@cucumber/messages';
import { globSync } from 'glob';
import { DocsInputError } from './readMessageStream';

/**
 * Parses feature files (plain Gherkin, or Markdown with Gherkin) into the same envelopes a run
 * would emit, with uris relative to `cwd` so they line up with the run's own. Files whose uri
 * `skip` accepts are not read: the run's stream already carries them, as they were when they ran.
 */
export function readFeatureFiles(patterns: string | readonly string[], cwd: string, skip: (uri: string) => boolean = () => false): Envelope[] {
  const list = typeof patterns === 'string' ? [patterns] : [...patterns];
  const files = new Set<string>();
  for (const pattern of list) {
    const matches = globSync(pattern.split(sep).join('/'), { cwd, absolute: true, nodir: true });
    const features = matches.filter((f) => f.endsWith('.feature') || f.endsWith('.feature.md'));
    // a plain directory means every feature file below it, as cucumber-js reads it
    const dirMatches = matches.length === 0 ? globSync(`${pattern.split(sep).join('/')}/**/*.{feature,feature.md}`, { cwd, absolute: true, nodir: true }) : [];
    for (const f of [...features, ...dirMatches]) files.add(f);
  }
  let counter = 0;
  const newId = () => `doc-${++counter}`;
  const envelopes: Envelope[] = [];
  for (const file of [...files].sort()) {
    const uri = relative(cwd, resolve(file)).split(sep).join('/');
    if (skip(uri)) continue;
    const data = readFileSync(file, 'utf8');
    const mediaType = file.endsWith('.md') ? SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_MARKDOWN : SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN;
    for (const envelope of generateMessages(data, uri, mediaType, { includeSource: false, includeGherkinDocument: true, includePickles: true, newId })) {
      if (envelope.parseError) {
        const at = envelope.parseError.source.location;
        const where = at ? `${uri}:${at.line}${at.column !== undefined ? `:${at.column}` : ''}` : uri;
        throw new DocsInputError(`${where}: the feature file is not valid Gherkin — ${envelope.parseError.message.replace(/^\(\d+:\d+\): /, '')}`);
      }
      envelopes.push(envelope);
    }
  }
  return envelopes;
}
