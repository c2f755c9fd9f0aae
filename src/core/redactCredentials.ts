/**
 * The one redaction of credentials: every path that prints user input, a driver's message or a
 * connection string goes through `redactCredentials`, so a password never reaches a terminal or a
 * log, wherever in the text it lands and however oddly it is written.
 */

const SECRET_OPTION = /password|secret|token|authmechanismproperties|key/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** What follows the user info: a host list, up to the path, the options or the end. */
const HOST_LIST = /^[A-Za-z0-9._~%[\]:,-]+(?=[/?#]|$)/;
/** A scheme that starts a URI inside free text (not the tail of a longer word). */
const SCHEME_IN_TEXT = /(?<![A-Za-z0-9+.-])[a-z][a-z0-9+.-]*:\/\//gi;
/** `user:password@host…` without a scheme; the password runs to the last `@` of the word. */
const SCHEMELESS = /(?<![^\s"'`(<[=,;])([^\s:@/?#"'`<>]+):(?!\/\/)(\S*)@([A-Za-z0-9[][^\s]*)/g;
/** `name=value` where the name says secret (a URI option quoted on its own, or in a log line). */
const SECRET_ASSIGNMENT = /(?<![A-Za-z0-9_])([A-Za-z_]*(?:password|secret|token|authmechanismproperties)[A-Za-z_]*)=([^&\s]*)/gi;
/** Inside `authMechanismProperties`: `AWS_SESSION_TOKEN:value`. */
const AWS_SESSION_TOKEN = /(AWS_SESSION_TOKEN)[:=]([^,&\s]+)/gi;
/**
 * A secret this short also spells ordinary words ("c" in "cannot"): it is hidden only where it is
 * part of a connection string. Up to LONG_SECRET it is hidden where it stands as a word of its own.
 */
const SHORTEST_SECRET = 3;
const LONG_SECRET = 6;

/**
 * A MongoDB connection string fit for an error or a log line: the user info and any option that
 * may carry a secret are replaced by `***`. Works on strings `URL` refuses (several hosts, srv),
 * and on passwords with an unescaped `/`, `?`, `#`, `@` or space.
 */
export function redactUri(uri: string): string {
  const parts = partsOf(uri);
  if (!parts) return '<connection string not shown: it is not of the form mongodb://host>';
  const options = parts.query === undefined ? '' : `?${parts.query.slice(1).split('&').map(redactOption).join('&')}`;
  return `${parts.scheme}${parts.userInfo === undefined ? '' : '***@'}${parts.hosts}${parts.path}${options}${parts.fragment === undefined ? '' : '#***'}`;
}

/**
 * Removes credentials from any text: the given connection string and its secrets wherever they
 * appear, and in any case every URI's user info, scheme-less `user:password@host`, and options
 * whose name says secret. Hiding a little too much is acceptable; showing a password is not.
 */
export function redactCredentials(text: string, uri?: string): string {
  let result = text;
  if (uri) {
    result = result.split(uri).join(redactUri(uri));
    for (const secret of secretsOf(uri)) result = hideSecret(result, secret);
  }
  result = redactUrisIn(result);
  result = result.replace(SCHEMELESS, (_match, _user: string, _password: string, host: string) => `***@${redactOptionsIn(host)}`);
  result = result.replace(AWS_SESSION_TOKEN, '$1:***');
  return result.replace(SECRET_ASSIGNMENT, (match, name: string, value: string) => (value === '' || value === '***' ? match : `${name}=***`));
}

/** Scrubs an error (message, stack and causes) in place before it travels on, and returns it. */
export function scrubError<E>(error: E, uri?: string): E {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    e.message = redactCredentials(e.message, uri);
    if (e.stack !== undefined) e.stack = redactCredentials(e.stack, uri);
  }
  return error;
}

/** Whether text (a command-line argument) holds a connection string or `user:password@host`. */
export function looksLikeConnectionString(text: string): boolean {
  return redactCredentials(text) !== text || /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim());
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

function hideSecret(text: string, secret: string): string {
  if (secret.length < SHORTEST_SECRET) return text;
  if (secret.length >= LONG_SECRET) return text.split(secret).join('***');
  const word = new RegExp(`(?<![A-Za-z0-9])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g');
  return text.replace(word, '***');
}

/**
 * Each URI runs to the end of its word, or, when its user info is `user:pass` with a space in the
 * password, on to the `@host` later on the same line.
 */
function redactUrisIn(text: string): string {
  let out = '';
  let done = 0;
  for (const match of text.matchAll(SCHEME_IN_TEXT)) {
    if (match.index < done) continue;
    const piece = text.slice(match.index);
    const end = uriEnd(piece);
    const uri = piece.slice(0, end);
    out += text.slice(done, match.index) + (lenient(uri) ? redactUri(uri) : redactPlainUri(uri));
    done = match.index + end;
  }
  return out + text.slice(done);
}

/**
 * Connection strings, and any URI that starts `user:password`, may hold an unescaped `/` or `@` in
 * the password, so their user info runs to the last `@` a host follows. Other URIs keep the usual
 * rule: `https://registry.npmjs.org/@scope%2fpkg` has no user info.
 */
function lenient(uri: string): boolean {
  return /^mongodb(\+srv)?:\/\//i.test(uri) || /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]*:(?!\d+(?:[/?#]|$))/i.test(uri);
}

/** A URI's user info (before the first `/ ? #`) and secret query options, hidden; the rest as it was. */
function redactPlainUri(uri: string): string {
  const scheme = SCHEME.exec(uri)![0];
  const rest = uri.slice(scheme.length);
  const authority = rest.slice(0, rest.search(/[/?#]|$/));
  const at = authority.lastIndexOf('@');
  const tail = at < 0 ? rest : rest.slice(at + 1);
  const q = tail.indexOf('?');
  if (q < 0) return `${scheme}${at < 0 ? '' : '***@'}${tail}`;
  const hash = tail.indexOf('#', q);
  const query = hash < 0 ? tail.slice(q + 1) : tail.slice(q + 1, hash);
  return `${scheme}${at < 0 ? '' : '***@'}${tail.slice(0, q)}?${query.split('&').map(redactOption).join('&')}${hash < 0 ? '' : tail.slice(hash)}`;
}

function uriEnd(piece: string): number {
  const word = piece.search(/\s|$/);
  const scheme = SCHEME.exec(piece)![0];
  const inWord = piece.slice(scheme.length, word);
  if (inWord.includes('@')) return word;
  // `bob:pass word@db`: a user and a password that is not a port, and an @host later on the line
  if (!/^[^:/?#@]+:(?!\d+(?:[,/?#]|$))/.test(inWord)) return word;
  const line = piece.search(/\n|$/);
  const at = piece.slice(0, line).search(/@[A-Za-z0-9[]/);
  if (at < 0) return word;
  const after = piece.slice(at).search(/\s|$/);
  return at + after;
}

function redactOptionsIn(hostAndRest: string): string {
  const q = hostAndRest.indexOf('?');
  if (q < 0) return hostAndRest.replace(/#.*/, '#***');
  const [query, fragment] = hostAndRest.slice(q + 1).split(/#(.*)/s);
  return `${hostAndRest.slice(0, q)}?${query!.split('&').map(redactOption).join('&')}${fragment === undefined ? '' : '#***'}`;
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
