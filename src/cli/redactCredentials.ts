import { redactSecrets } from '../mongo/redactUri';

/**
 * Removes credentials from text that may quote a connection string: the connection string and its
 * secrets wherever they appear (as `src/mongo` does for driver messages), and the `user:password@`
 * part of any other URI in the text.
 */
export function redactCredentials(text: string, uri?: string): string {
  return redactSecrets(text, uri).replace(/([a-z][a-z0-9+.-]*:\/\/)[^@/\s]+@/gi, '$1***@');
}

/** Scrubs an error (message, stack and causes) in place before it travels on, and returns it. */
export function scrubError<E>(error: E, uri?: string): E {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    e.message = redactCredentials(e.message, uri);
    if (e.stack !== undefined) e.stack = redactCredentials(e.stack, uri);
  }
  return error;
}
