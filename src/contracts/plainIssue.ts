import { z } from 'zod';

const english = z.locales.en();

// Examples of each format, so a reader sees how to write the value.
const FORMATS: Record<string, string> = {
  date: 'a calendar date, written like 2025-03-01',
  datetime: 'a date and time, written like 2025-03-01T10:00:00Z',
  time: 'a time of day, written like 10:30:00',
  duration: 'a duration, written like P3D or PT2H',
  email: 'an email address, like ana@example.com',
  url: 'a web address, like https://example.com',
  uuid: 'a UUID, like 123e4567-e89b-42d3-a456-426614174000',
  guid: 'a GUID, like 123e4567-e89b-12d3-a456-426614174000',
  ipv4: 'an IPv4 address, like 192.168.0.1',
  ipv6: 'an IPv6 address, like 2001:db8::1',
  e164: 'a phone number in international form, like +4915112345678',
};

const UNITS: Record<string, [string, string]> = { string: ['character', 'characters'], array: ['item', 'items'], set: ['item', 'items'], file: ['byte', 'bytes'] };

/**
 * A zod issue in the words of the people who write the examples ("must be at least 1", "is not a
 * calendar date, written like 2025-03-01"); undefined keeps zod's message. A message the schema's
 * author wrote (not zod's default) is always kept: it is already in the domain's words.
 */
export function plainIssue(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  if (issue.message !== defaultMessage(issue, value)) return undefined;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : undefined;
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive, issue.exact, 'at least', 'more than');
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive, issue.exact, 'at most', 'less than');
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${literal(issue.values[0])}` : `must be one of ${listed(issue.values.map(literal))}`;
    case 'invalid_format': {
      const known = FORMATS[issue.format];
      if (known !== undefined) return `is not ${known}`;
      if (issue.format === 'starts_with' && 'prefix' in issue) return `must start with ${JSON.stringify(issue.prefix)}`;
      if (issue.format === 'ends_with' && 'suffix' in issue) return `must end with ${JSON.stringify(issue.suffix)}`;
      if (issue.format === 'includes' && 'includes' in issue) return `must contain ${JSON.stringify(issue.includes)}`;
      if (issue.format === 'regex' && issue.pattern !== undefined) return `does not have the expected form (the pattern ${issue.pattern})`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** zod's own English message for the issue; zod drops the input from issues, and some messages name it. */
function defaultMessage(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  const made = english.localeError({ ...issue, input: value } as unknown as z.core.$ZodRawIssue);
  return typeof made === 'string' ? made : made?.message;
}

function bound(origin: string, limit: number | bigint, inclusive: boolean | undefined, exact: boolean | undefined, within: string, beyond: string): string | undefined {
  const unit = UNITS[origin];
  const amount = unit ? `${limit} ${Number(limit) === 1 ? unit[0] : unit[1]}` : origin === 'date' ? dateText(Number(limit)) : String(limit);
  if (origin === 'date') return `must be ${inclusive ? (within === 'at least' ? 'on or after' : 'on or before') : within === 'at least' ? 'after' : 'before'} ${amount}`;
  if (unit) return exact ? `must have exactly ${amount}` : `must have ${inclusive === false ? beyond : within} ${amount}`;
  if (origin !== 'number' && origin !== 'int' && origin !== 'bigint') return undefined;
  return `must be ${inclusive === false ? beyond : within} ${amount}`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}` : String(value);
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function dateText(ms: number): string {
  // A bound made from an invalid Date is NaN: said as such rather than thrown.
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('T00:00:00.000Z', '') : 'an invalid date';
}
