/**
 * Text that came from a file, a message stream or a store, made safe to print on a terminal: a
 * crafted name could otherwise retitle the window (OSC), erase or overwrite lines (CSI, `\r`),
 * plant a hidden link (OSC 8) or reorder what the reader sees (bidi controls). Each such character
 * is shown as its escape code instead, so the reader sees that it is there. Newlines and tabs stay.
 */
// C0 controls but tab and newline, DEL, C1 controls (CSI and OSC have one-byte forms there),
// bidi embeddings, overrides, isolates and marks, and the Unicode line and paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeCode);
}

/** The same characters in JSON output, as `\u` escapes: still the same JSON value when parsed. */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${hex(c, 4)}`);
}

function escapeCode(c: string): string {
  if (c === '\r') return '\\r';
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
}

function hex(c: string, width: number): string {
  return c.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');
}
