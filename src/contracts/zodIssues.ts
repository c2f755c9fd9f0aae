import type { z } from 'zod';
import { plainIssue } from './plainIssue';

/** One readable line per zod issue: `field: problem (got value)`. */
export function describeIssues(error: z.ZodError, data: unknown): { field: string | undefined; value: unknown; text: string } {
  const parts = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
    const value = valueAt(data, issue.path);
    // A field left out: said so, not as zod's "expected date, received Date" (a coerced nothing).
    if (value === undefined && issue.code === 'invalid_type' && field !== undefined) return { field, value, text: `${field}: is missing (expected ${article(issue.expected)})` };
    // Left out where one of a few values is expected (an enum): said as missing too, with the values.
    if (value === undefined && issue.code === 'invalid_value' && field !== undefined) {
      const plain = plainIssue(issue, value);
      return { field, value, text: `${field}: is missing (${plain ? `expected ${plain.replace(/^must be /, '')}` : issue.message})` };
    }
    return { field, value, text: `${field ?? '(whole value)'}: ${plainMessage(issue, value)} (got ${show(value)})` };
  });
  const first = parts[0];
  return { field: first?.field, value: first?.value, text: parts.map((p) => p.text).join('; ') };
}

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function show(value: unknown, max = 80): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  try {
    const text = JSON.stringify(value);
    return text.length > max ? `${text.slice(0, max - 3)}...` : text;
  } catch {
    return String(value);
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function plainMessage(issue: z.core.$ZodIssue, value: unknown): string {
  return plainIssue(issue, value) ?? issue.message.replace(/^Invalid input: /, '');
}
