/**
 * Why a step line that no step matches may still be meant as one: a value in double quotes that
 * holds a bare `"` (`Order "o-"1" …`) ends early, and cucumber then reports an undefined step
 * with a garbled snippet. When escaping one such quote makes the line a known step, this says so
 * and gives the line to write.
 */
export function quoteInValue(text: string, isStep: (text: string) => boolean): string | undefined {
  if (isStep(text)) return undefined;
  const quotes = [...text.matchAll(/(?<!\\)"/g)].map((m) => m.index);
  // The first and last quotes open and close values; only one in between can be the stray one.
  for (const at of quotes.slice(1, -1)) {
    const fixed = `${text.slice(0, at)}\\${text.slice(at)}`;
    if (isStep(fixed)) {
      return `a value in double quotes cannot hold a bare " (it ends the value early); write it as \\" inside the value: ${fixed}`;
    }
  }
  return undefined;
}
