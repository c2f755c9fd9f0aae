import { types } from 'node:util';

/**
 * Whether a value is a Date, made in this realm or another (a vm context, a test sandbox): BSON
 * stores both as Dates. A plain object, the usual case, is answered without the brand check (a call
 * into the runtime).
 */
export function isAnyDate(value: object): value is Date {
  if (value instanceof Date) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== null && types.isDate(value);
}
