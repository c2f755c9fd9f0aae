/**
 * Why a step line that no step matches may still be meant as one: a value in double quotes that
 * holds a bare `"` (`Order "o-"1" …`) ends early, and cucumber then reports an undefined step
 * with a garbled snippet. When escaping one such quote makes the line a known step, this says so
 * and gives the line to write.
 */
export function quoteInValue(text: string, isStep: (text: string) => boolean): string | undefined {
  if (isStep(text)) return undefined;
  const quotes = [...text.matchAll(/(?<!\\)"/g)].map((m) => m.index);
  const escaped = (at: readonly number[]) => at.reduceRight((line, i) => `${line.slice(0, i)}\\${line.slice(i)}`, text);
  // The first and last quotes open and close values: one stray quote in between, or all of them
  // inside the only value (`"say "hi""`).
  const inner = quotes.slice(1, -1);
  const fixed = [...inner.map((at) => escaped([at])), escaped(inner)].find(isStep);
  return fixed === undefined ? undefined : `a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: ${fixed}`;
}
