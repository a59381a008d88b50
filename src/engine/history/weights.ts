// What each item of a plan adds to the charts (burndown, burnup, velocity, flow, cycle time), in
// one rule for the plan history and the team server: checks belong to their item and are left
// out; an item counts as one when it is actionable (no child items other than checks); points
// count only on carriers (an item with points and no descendant that has points), as the progress
// roll-ups count them, so an epic's declared total is never added to its stories' points.

/** The least an item needs for its weight: plan items and stored item rows both have it. */
export interface WeighableItem {
  id: string;
  kind: string;
  parent: string | null;
  points?: number | null;
}

export interface ItemWeight {
  /** False for checks: they are not charted at all. */
  charted: boolean;
  /** Counts as one item (actionable). */
  counted: boolean;
  /** Its points when it carries them, else null. */
  points: number | null;
  /** A descendant has points: the item's own points are a declared total, never counted. */
  pointsBelow: boolean;
}

/** The weight of every item, by position. `items` are one plan's, parents before children. */
export function chartWeights(items: readonly WeighableItem[]): ItemWeight[] {
  const n = items.length;
  const at = new Map<string, number>();
  for (let i = 0; i < n; i++) if (!at.has(items[i].id)) at.set(items[i].id, i);
  const parentAt = new Int32Array(n).fill(-1);
  const hasWorkBelow = new Uint8Array(n);
  const pointsBelow = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const parent = items[i].parent;
    const p = parent === null ? undefined : at.get(parent);
    if (p !== undefined && p !== i) parentAt[i] = p;
  }
  // Children come after their parent, so one reverse pass carries "points below" up the tree.
  for (let i = n - 1; i >= 0; i--) {
    const p = parentAt[i];
    if (p < 0) continue;
    if (items[i].kind !== 'check') hasWorkBelow[p] = 1;
    if (pointsBelow[i] || hasPoints(items[i])) pointsBelow[p] = 1;
  }
  const weights: ItemWeight[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const item = items[i];
    const charted = item.kind !== 'check';
    weights[i] = {
      charted,
      counted: charted && !hasWorkBelow[i],
      points: charted && hasPoints(item) && !pointsBelow[i] ? (item.points as number) : null,
      pointsBelow: pointsBelow[i] === 1,
    };
  }
  return weights;
}

function hasPoints(item: WeighableItem): boolean {
  return item.points !== undefined && item.points !== null && Number.isFinite(item.points);
}
