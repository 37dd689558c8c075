import { closest, distance } from 'fastest-levenshtein';

/**
 * Returns the candidate closest to `name` by edit distance. Returns undefined when even the
 * closest one needs more edits than a third of the name's length allows (at least 1, at
 * most 2), because a far-off guess misleads more than no guess.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(name, candidates);
  const allowed = Math.min(2, Math.max(1, Math.floor(name.length / 3)));
  return distance(name, best) <= allowed ? best : undefined;
}
