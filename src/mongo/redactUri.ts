// The one redaction lives in core (the CLI and the steps print through it too); these are its
// names as `eventspec/mongo` has always exported them.
export { redactUri, secretsOf } from '../core/redactCredentials';
export { redactCredentials as redactSecrets } from '../core/redactCredentials';
