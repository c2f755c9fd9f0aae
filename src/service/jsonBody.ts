import { EventspecError } from '../core/errors';

/** The body's JSON could not be read, or carries a key that could change object prototypes. */
export class BodyError extends EventspecError {
  override name = 'BodyError';
}

/**
 * Parses a request body. `__proto__` anywhere, or `constructor` holding `prototype`, is refused
 * with where it is: merged into an object later, such a key changes every object of the process.
 */
export function parseJsonBody(text: string, what = 'the body', fix = 'send the command\'s fields as a JSON object, e.g. {"customer":"alice"}'): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new BodyError(`${what} is not valid JSON${at !== undefined ? ` (at character ${Number(at) + 1})` : ''}; ${fix}`);
  }
  const bad = pollutingKey(value, what === 'the body' ? 'body' : 'header');
  if (bad) throw new BodyError(`${what} has the key ${bad}, which could change object prototypes and is refused; remove it`);
  return value;
}

function pollutingKey(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const isArray = Array.isArray(value);
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    const at = isArray ? `${path}[${key}]` : `${path}.${key}`;
    if (key === '__proto__') return `\`__proto__\` at ${path}`;
    if (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype')) return `\`constructor.prototype\` at ${path}`;
    const inner = pollutingKey(child, at);
    if (inner) return inner;
  }
  return undefined;
}
