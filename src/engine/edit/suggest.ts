// Finding the item a person meant: resolving an id (or a unique alias) to an item, and, when
// nothing matches, the nearest ids for an "Unknown item — did you mean …" message.

import { ScrumdownError } from '../../errors.js';
import type { Item, Plan, PlanIndex } from '../model.js';

/** Lower case, letters and digits only, leading zeros dropped from numbers: "DEVOPS-004" → "devops4". */
function looseKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/(^|\D)0+(?=\d)/g, '$1');
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

interface Candidate {
  id: string;
  score: number;
  order: number;
}

/** How close `name` is to `wanted` (lower is closer), or null when it is not a plausible match. */
function closeness(wanted: string, wantedLoose: string, name: string): number | null {
  if (name.toLowerCase() === wanted) return 0;
  const loose = looseKey(name);
  if (loose === '' || wantedLoose === '') return null;
  if (loose === wantedLoose) return 1;
  if (loose.startsWith(wantedLoose) || wantedLoose.startsWith(loose)) {
    return 2 + Math.abs(loose.length - wantedLoose.length) / 100;
  }
  const limit = Math.max(1, Math.min(3, Math.floor(wantedLoose.length / 3)));
  const distance = boundedDistance(wantedLoose, loose, limit);
  return distance <= limit ? 3 + distance : null;
}

/**
 * Up to `limit` ids of items whose id or alias is nearest to `wanted`: case-insensitive exact
 * matches first, then the same letters and digits ("devops 4" for DEVOPS-004), then prefixes,
 * then small edit distances; ties in document order.
 */
export function nearestIds(plan: Plan, wanted: string, limit = 3): string[] {
  const target = wanted.trim().toLowerCase();
  const targetLoose = looseKey(target);
  const best = new Map<string, Candidate>();
  plan.items.forEach((item, order) => {
    let score = closeness(target, targetLoose, item.id);
    for (const alias of item.aliases) {
      const aliasScore = closeness(target, targetLoose, alias);
      // An alias is a slightly weaker witness than the id itself.
      if (aliasScore !== null && (score === null || aliasScore + 0.5 < score)) score = aliasScore + 0.5;
    }
    if (score === null) return;
    // A check ("BAKE-004.ac1") is rarely what someone typing an id meant when its item matches too.
    if (item.kind === 'check' && score > 0) score += 2;
    const known = best.get(item.id);
    if (!known || score < known.score) best.set(item.id, { id: item.id, score, order });
  });
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, Math.max(0, limit))
    .map((candidate) => candidate.id);
}

/** The message and error for an id the plan does not have. */
export function unknownIdError(plan: Plan, wanted: string): ScrumdownError {
  const suggestions = nearestIds(plan, wanted);
  const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : ' List the plan\'s items to see the ids it uses.';
  return new ScrumdownError('unknown_id', `Unknown item '${wanted}' in ${plan.path}.${hint}`, { id: wanted, suggestions });
}

/**
 * The item `wanted` names: its id exactly, else the one item with that alias. Throws `unknown_id`
 * (with the nearest ids) when nothing matches, `invalid_argument` when the alias names several.
 */
export function resolveItem(plan: Plan, index: PlanIndex, wanted: string): Item {
  const direct = index.byId.get(wanted);
  if (direct) return direct;
  const byAlias = plan.items.filter((item) => item.aliases.includes(wanted));
  if (byAlias.length === 1) return byAlias[0];
  if (byAlias.length > 1) {
    const ids = byAlias.map((item) => item.id);
    throw new ScrumdownError('invalid_argument', `'${wanted}' names ${ids.length} items in ${plan.path} (${ids.join(', ')}); use one of their ids.`, {
      id: wanted,
      suggestions: ids,
    });
  }
  throw unknownIdError(plan, wanted);
}
