/**
 * Removes credentials from text that may quote a connection string: the `user:password@` part of
 * any URI, and the literal user name and password of `uri` wherever else they appear.
 */
export function redactCredentials(text: string, uri?: string): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@/\s]+@/gi, '$1***@');
  for (const secret of secretsOf(uri)) out = out.split(secret).join('***');
  return out;
}

function secretsOf(uri: string | undefined): string[] {
  if (uri === undefined) return [];
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^@/\s]+)@/i.exec(uri);
  if (!match) return [];
  const secrets = new Set<string>();
  for (const part of match[1]!.split(':')) {
    if (part.length < 3) continue; // too short to replace without mangling ordinary words
    secrets.add(part);
    try {
      secrets.add(decodeURIComponent(part));
    } catch {
      // not percent-encoded: the raw form is already covered
    }
  }
  return [...secrets];
}

/** Scrubs an error (message, stack and causes) in place before it travels on, and returns it. */
export function scrubError<E>(error: E, uri?: string): E {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    e.message = redactCredentials(e.message, uri);
    if (e.stack !== undefined) e.stack = redactCredentials(e.stack, uri);
  }
  return error;
}
