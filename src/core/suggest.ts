import { distance } from 'fastest-levenshtein';

/** The candidate closest to `word`, when it is close enough to be a plausible typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const needle = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const tolerance = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/** " — did you mean `X`?" or a list of what is known, for error messages. */
export function didYouMean(word: string, candidates: readonly string[], noun = 'one of'): string {
  const guess = closest(word, candidates);
  if (guess !== undefined) return ` — did you mean \`${guess}\`?`;
  if (candidates.length === 0) return '';
  const shown = candidates.slice(0, 12).map((c) => `\`${c}\``).join(', ');
  return ` — expected ${noun} ${shown}${candidates.length > 12 ? ', …' : ''}`;
}
