// How alike two item titles are, for pairing items whose derived ids shifted between revisions.
// The measure is the Sørensen–Dice coefficient over character bigrams of the normalised titles
// (lower case, punctuation and repeated spaces folded to one space): 2·|A∩B| / (|A|+|B|), with
// bigrams counted as a multiset. It is symmetric, in [0, 1], 1 for equal titles, tolerant of a
// word added or a typo fixed, and needs no randomness, so pairing is deterministic.

export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Bigram counts of a normalised title; a one-character title counts as its own bigram. */
export function bigrams(normalized: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (normalized.length === 1) counts.set(normalized, 1);
  for (let i = 0; i + 1 < normalized.length; i++) {
    const pair = normalized.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

function size(counts: Map<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

export function diceOfBigrams(a: Map<string, number>, b: Map<string, number>): number {
  const total = size(a) + size(b);
  if (total === 0) return 1;
  let shared = 0;
  for (const [pair, count] of a) {
    const other = b.get(pair);
    if (other !== undefined) shared += Math.min(count, other);
  }
  return (2 * shared) / total;
}

/** Similarity of two titles in [0, 1]. */
export function titleSimilarity(a: string, b: string): number {
  const left = normalizeTitle(a);
  const right = normalizeTitle(b);
  if (left === right) return 1;
  return diceOfBigrams(bigrams(left), bigrams(right));
}
