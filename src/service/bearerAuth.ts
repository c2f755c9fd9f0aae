import { createHash, timingSafeEqual } from 'node:crypto';

export interface AuthOptions {
  /** The bearer token writes (commands) must carry; no token, no authentication. */
  token?: string;
  /** Reads need the token too (health and readiness stay open, for the orchestrator). */
  authenticateReads?: boolean;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether an Authorization header carries the token. Compared as digests in constant time, so
 * neither the length nor a prefix of the token leaks through timing.
 */
export function carriesToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(token));
}

/** Whether a request needs the token: writes always (when one is set), reads when asked. */
export function needsToken(method: string, url: string, auth: AuthOptions): boolean {
  if (auth.token === undefined) return false;
  const path = url.split('?')[0]!;
  if (path === '/health' || path === '/ready') return false;
  const read = method === 'GET' || method === 'HEAD';
  return !read || auth.authenticateReads === true;
}
