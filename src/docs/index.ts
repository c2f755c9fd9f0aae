/** Living documentation: a static site from feature files, the last run's messages and the domain registry. */
export { buildDocs, docsData } from './buildDocs';
export type { BuildDocsOptions, BuiltDocs } from './buildDocs';
export { buildProjectDocs } from './buildProjectDocs';
export type { ProjectDocsOptions } from './buildProjectDocs';
export { DocsInputError, parseMessageStream, readMessageStream } from './readMessageStream';
export { readRunResults } from './readRunResults';
export type { ReadRunResultsOptions } from './readRunResults';
export type { RunResults, StepDefinitionUse } from './runResults';
export { RECORDED_EVENTS_FILE, LEGACY_RECORDED_EVENTS_MEDIA_TYPE } from '../testing/recordedEventsAttachment';
export { readSiteData } from './writeSite';
export type * from './docsData';
