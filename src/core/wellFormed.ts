// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Node 20 has String.prototype.isWellFormed (ES2024), several times quicker than the expression.
const native = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** Whether a string is valid Unicode: BSON writes UTF-8, which turns a lone surrogate into U+FFFD. */
export function isWellFormed(text: string): boolean {
  return native !== undefined ? native.call(text) : !LONE_SURROGATE.test(text);
}
