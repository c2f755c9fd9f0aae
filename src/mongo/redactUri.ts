const SECRET_OPTION = /password|secret|token|authmechanismproperties|key/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** What follows the user info: a host list, up to the path, the options or the end. */
const HOST_LIST = /^[A-Za-z0-9._~%[\]:,-]+(?=[/?#]|$)/;

/**
 * A MongoDB connection string fit for an error or a log line: the user info and any option that
 * may carry a secret are replaced by `***`. Works on strings `URL` refuses (several hosts, srv),
 * and on passwords with an unescaped `/`, `?`, `#` or `@`, which the driver refuses with an error
 * that names this string.
 */
export function redactUri(uri: string): string {
  const parts = partsOf(uri);
  if (!parts) return '<connection string not shown: it is not of the form mongodb://host>';
  const options = parts.query === undefined ? '' : `?${parts.query.slice(1).split('&').map(redactOption).join('&')}`;
  return `${parts.scheme}${parts.userInfo === undefined ? '' : '***@'}${parts.hosts}${parts.path}${options}${parts.fragment === undefined ? '' : '#***'}`;
}

interface UriParts {
  scheme: string;
  userInfo: string | undefined;
  hosts: string;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
}

function partsOf(uri: string): UriParts | undefined {
  const scheme = SCHEME.exec(uri)?.[0];
  if (scheme === undefined) return undefined;
  const rest = uri.slice(scheme.length);
  const at = userInfoEnd(rest);
  const match = /^([^/?#]*)([^?#]*)(\?[^#]*)?(#[\s\S]*)?$/.exec(at < 0 ? rest : rest.slice(at + 1));
  if (!match) return undefined;
  return { scheme, userInfo: at < 0 ? undefined : rest.slice(0, at), hosts: match[1]!, path: match[2]!, query: match[3], fragment: match[4] };
}

/**
 * Where the user info ends (its `@`), or -1. Well formed, that is the last `@` before the first `/`,
 * `?` or `#`; but a password may hold those unescaped, so the last `@` that a host list follows,
 * first before any `?` or `#` (an `@` in an option value is not user info), then anywhere.
 */
function userInfoEnd(rest: string): number {
  const optionsStart = rest.search(/[?#]/);
  const beforeOptions = optionsStart < 0 ? rest : rest.slice(0, optionsStart);
  const hostsFollow = (text: string) => {
    for (let i = text.lastIndexOf('@'); i >= 0; i = i > 0 ? text.lastIndexOf('@', i - 1) : -1) {
      if (HOST_LIST.test(rest.slice(i + 1))) return i;
    }
    return -1;
  };
  const inAuthorityOrPath = hostsFollow(beforeOptions);
  if (inAuthorityOrPath >= 0) return inAuthorityOrPath;
  const authorityEnd = rest.search(/[/?#]/);
  const at = (authorityEnd < 0 ? rest : rest.slice(0, authorityEnd)).lastIndexOf('@');
  return at >= 0 ? at : hostsFollow(rest); // hiding too much is fine
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
  const parts = partsOf(uri);
  if (!parts) return [];
  for (const part of (parts.userInfo ?? '').split(':')) {
    if (part.length > 0) {
      found.add(part);
      found.add(decodeSafely(part));
    }
  }
  for (const option of (parts.query ?? '').slice(1).split('&')) {
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
