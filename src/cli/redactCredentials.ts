// The CLI prints through the kit's one redaction (src/core), the same the MongoDB store uses.
export { redactCredentials, scrubError } from '../core/redactCredentials';
