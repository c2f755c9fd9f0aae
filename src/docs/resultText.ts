import type * as m from '@cucumber/messages';

/** A step or hook result's error as a reader sees it: the message, or the exception with its stack. */
export function errorText(result: { message?: string; exception?: m.Exception }): string | undefined {
  if (result.message) return result.message;
  const ex = result.exception;
  if (!ex) return undefined;
  return [ex.message ? `${ex.type}: ${ex.message}` : ex.type, ex.stackTrace].filter(Boolean).join('\n');
}

const TEXT_LIMIT = 4000;

/** Long text (a stack, a log) cut to what a page can show, saying how much was left out. */
export function cut(text: string): string {
  return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT)}\n… (${text.length - TEXT_LIMIT} more characters)` : text;
}
