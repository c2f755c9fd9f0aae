const SECRET_OPTION = /password|secret|token|authmechanismproperties|key/i;

/**
 * A MongoDB connection string fit for an error or a log line: the user info and any option that
 * may carry a secret are replaced by `***`. Works on strings `URL` refuses (several hosts, srv).
 */
export function redactUri(uri: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(uri);
  if (!match) return '<connection string not shown: it is not of the form mongodb://host>';
  // Groups 1-3 always match (maybe empty); 4 and 5 are optional.
  const [, scheme, authority, path, query, fragment] = match as unknown as [string, string, string, string, string | undefined, string | undefined];
  const at = authority.lastIndexOf('@');
  const hosts = at >= 0 ? `***@${authority.slice(at + 1)}` : authority;
  const options = query === undefined ? '' : `?${query.slice(1).split('&').map(redactOption).join('&')}`;
  return `${scheme}${hosts}${path}${options}${fragment === undefined ? '' : '#***'}`;
}

function redactOption(option: string): string {
  const eq = option.indexOf('=');
  if (eq < 0) return option;
  const name = option.slice(0, eq);
  return SECRET_OPTION.test(decodeSafely(name)) ? `${name}=***` : option;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Removes from any text (a driver's message) the connection string and the secrets in it. */
export function redactSecrets(text: string, uri: string | undefined): string {
  if (!uri) return text;
  let result = text.split(uri).join(redactUri(uri));
  for (const secret of secretsOf(uri)) result = result.split(secret).join('***');
  return result;
}

/** The user info (raw and decoded) and secret option values of a connection string, longest first. */
export function secretsOf(uri: string): string[] {
  const found = new Set<string>();
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)[^?#]*(\?[^#]*)?/i.exec(uri);
  if (!match) return [];
  const authority = match[1]!;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    for (const part of authority.slice(0, at).split(':')) {
      if (part.length > 0) {
        found.add(part);
        found.add(decodeSafely(part));
      }
    }
  }
  for (const option of (match[2] ?? '').slice(1).split('&')) {
    const eq = option.indexOf('=');
    if (eq > 0 && SECRET_OPTION.test(decodeSafely(option.slice(0, eq)))) {
      const value = option.slice(eq + 1);
      if (value.length > 0) {
        found.add(value);
        found.add(decodeSafely(value));
      }
    }
  }
  found.delete('');
  return [...found].sort((a, b) => b.length - a.length);
}
