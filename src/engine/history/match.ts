// Pairs the items of two consecutive revisions, so the timeline can say which item changed and
// which was added or removed. Written ids are identity: the same id is the same item whatever
// its title became. Derived ids (outline positions, title slugs) shift when an item is inserted
// above, so for them the title decides, in this order:
//   1. written id present in both revisions;
//   2. same derived id and the same normalised title (unless another derived item has it too);
//   3. the same normalised title among the items still unpaired (same kind, document order), which
//      follows an item whose outline number shifted;
//   4. same derived id and a similar title (an edit in place: a typo fixed, a word added);
//   5. the most similar title among the items still unpaired (same kind, similarity ≥ 0.5; ties
//      go to the nearer position, then document order).
// Whatever is left unpaired was removed (previous revision) or added (next revision). A derived id
// whose title was rewritten beyond recognition is read as one item removed and another added.

import { bigrams, diceOfBigrams, normalizeTitle } from './similarity.js';
import type { RevisionItem } from './types.js';

/** Titles at least this similar (Dice over bigrams) may be the same item. */
export const TITLE_SIMILARITY_THRESHOLD = 0.5;

/** Above this many candidate pairs, step 5 is skipped (the rest reads as removed and added). */
export const MAX_SIMILARITY_PAIRS = 250_000;

export interface RevisionMatch {
  /** Per item of the next revision: the index of its item in the previous revision, or -1. */
  previousOf: Int32Array;
  /** Per item of the next revision: how it was paired (undefined when unpaired). */
  matchedBy: Array<'id' | 'title' | undefined>;
}

/** What matching needs of a revision, computed once per revision (see MatchCache). */
interface RevisionIndex {
  byId: Map<string, number>;
  /** Titles that more than one derived item of the revision has. */
  repeated: Set<string>;
}

/**
 * Work kept between calls while a timeline is built: each revision is indexed once (it is the
 * next revision of one call and the previous of the following one), and each item's title is
 * normalised once (unchanged parts of a plan share their item objects across revisions).
 */
export interface MatchCache {
  indexes: WeakMap<readonly RevisionItem[], RevisionIndex>;
  normal: WeakMap<RevisionItem, string>;
}

export function newMatchCache(): MatchCache {
  return { indexes: new WeakMap(), normal: new WeakMap() };
}

function indexOf(items: readonly RevisionItem[], cache: MatchCache): RevisionIndex {
  let index = cache.indexes.get(items);
  if (index) return index;
  const byId = new Map<string, number>();
  const seen = new Set<string>();
  const repeated = new Set<string>();
  items.forEach((item, i) => {
    if (!byId.has(item.id)) byId.set(item.id, i);
    if (!item.derived) return;
    if (seen.has(item.title)) repeated.add(item.title);
    else seen.add(item.title);
  });
  index = { byId, repeated };
  cache.indexes.set(items, index);
  return index;
}

/**
 * Whether the revisions hold, position by position, items of the same id, title, kind and kind of
 * id, with no id twice: what most commits (a status or points changed) leave. The next revision
 * then has the previous one's index.
 */
function sameOutline(previous: readonly RevisionItem[], next: readonly RevisionItem[], index: RevisionIndex): boolean {
  if (previous.length !== next.length || index.byId.size !== previous.length) return false;
  for (let k = 0; k < next.length; k++) {
    const a = previous[k];
    const b = next[k];
    if (a !== b && (a.id !== b.id || a.title !== b.title || a.kind !== b.kind || a.derived !== b.derived)) return false;
  }
  return true;
}

export function matchRevisions(previous: readonly RevisionItem[], next: readonly RevisionItem[], cache: MatchCache = newMatchCache()): RevisionMatch {
  const previousOf = new Int32Array(next.length).fill(-1);
  const matchedBy: Array<'id' | 'title' | undefined> = new Array(next.length).fill(undefined);
  const taken = new Uint8Array(previous.length);
  const pair = (j: number, i: number, how: 'id' | 'title'): void => {
    previousOf[j] = i;
    matchedBy[j] = how;
    taken[i] = 1;
  };

  const previousIndex = indexOf(previous, cache);
  if (sameOutline(previous, next, previousIndex)) {
    // Steps 1 and 2 pair every item with the one at its position, except derived items with a
    // repeated title, which step 3 pairs in document order: the same positions again.
    for (let j = 0; j < next.length; j++) {
      previousOf[j] = j;
      matchedBy[j] = next[j].derived && previousIndex.repeated.has(next[j].title) ? 'title' : 'id';
    }
    cache.indexes.set(next, previousIndex);
    return { previousOf, matchedBy };
  }
  const { byId: previousById, repeated: repeatedBefore } = previousIndex;
  const repeatedAfter = indexOf(next, cache).repeated;
  // Titles are normalised only when needed: most items keep their id and their exact title.
  const normal = (item: RevisionItem): string => {
    let text = cache.normal.get(item);
    if (text === undefined) cache.normal.set(item, (text = normalizeTitle(item.title)));
    return text;
  };
  const normalPrevious = (i: number): string => normal(previous[i]);
  const normalNext = (j: number): string => normal(next[j]);

  // Derived items sharing a title with another are left to step 3, which keeps their order.
  const repeated = (title: string): boolean => repeatedBefore.has(title) || repeatedAfter.has(title);
  // 1 and 2: same id, written, or derived with an unchanged title.
  next.forEach((item, j) => {
    const i = previousById.get(item.id);
    if (i === undefined || taken[i]) return;
    if (!item.derived || !previous[i].derived) pair(j, i, 'id');
    else if ((previous[i].title === item.title || normalPrevious(i) === normalNext(j)) && !repeated(item.title)) pair(j, i, 'id');
  });

  // 3: unchanged titles whose derived id moved.
  const byTitle = new Map<string, number[]>();
  previous.forEach((item, i) => {
    if (taken[i]) return;
    const key = `${item.kind}\u0000${normalPrevious(i)}`;
    const queue = byTitle.get(key);
    if (queue) queue.push(i);
    else byTitle.set(key, [i]);
  });
  const cursor = new Map<string, number>();
  next.forEach((item, j) => {
    if (previousOf[j] >= 0) return;
    const key = `${item.kind}\u0000${normalNext(j)}`;
    const queue = byTitle.get(key);
    if (!queue) return;
    let at = cursor.get(key) ?? 0;
    while (at < queue.length && taken[queue[at]]) at++;
    if (at < queue.length) pair(j, queue[at++], 'title');
    cursor.set(key, at);
  });

  // 4: a derived id kept, its title edited.
  const bigramCache = new Map<string, Map<string, number>>();
  const gramsOf = (normalized: string): Map<string, number> => {
    let grams = bigramCache.get(normalized);
    if (!grams) bigramCache.set(normalized, (grams = bigrams(normalized)));
    return grams;
  };
  next.forEach((item, j) => {
    if (previousOf[j] >= 0) return;
    const i = previousById.get(item.id);
    if (i === undefined || taken[i] || previous[i].kind !== item.kind) return;
    if (diceOfBigrams(gramsOf(normalPrevious(i)), gramsOf(normalNext(j))) >= TITLE_SIMILARITY_THRESHOLD) pair(j, i, 'id');
  });

  // 5: the most similar remaining titles.
  const leftNext: number[] = [];
  const leftPrevious: number[] = [];
  next.forEach((_, j) => {
    if (previousOf[j] < 0) leftNext.push(j);
  });
  previous.forEach((_, i) => {
    if (!taken[i]) leftPrevious.push(i);
  });
  if (leftNext.length === 0 || leftPrevious.length === 0 || leftNext.length * leftPrevious.length > MAX_SIMILARITY_PAIRS) {
    return { previousOf, matchedBy };
  }
  const candidates: Array<{ j: number; i: number; score: number }> = [];
  for (const j of leftNext) {
    const grams = gramsOf(normalNext(j));
    for (const i of leftPrevious) {
      if (previous[i].kind !== next[j].kind) continue;
      const score = diceOfBigrams(gramsOf(normalPrevious(i)), grams);
      if (score >= TITLE_SIMILARITY_THRESHOLD) candidates.push({ j, i, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.j - b.j || a.i - b.i);
  for (const { j, i } of candidates) {
    if (previousOf[j] < 0 && !taken[i]) pair(j, i, 'title');
  }
  return { previousOf, matchedBy };
}
