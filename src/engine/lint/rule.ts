// What a lint rule is, and the small helpers every rule shares: building findings, writing
// numbers and item names the same way in every message, and walking the item tree without
// recursion.

import type { Finding, Item, Plan, PlanIndex, Severity, Status } from '../model.js';

/** One lint rule: a stable id, its default severity, a one-line description, and the check. */
export interface LintRule {
  id: string;
  severity: Severity;
  description: string;
  check(plan: Plan, index: PlanIndex): Finding[];
}

/** A finding of `rule` at its default severity, leaving out the optional fields it does not use. */
export function makeFinding(
  rule: Pick<LintRule, 'id' | 'severity'>,
  line: number,
  message: string,
  extra: { itemId?: string; expected?: number | string; actual?: number | string; severity?: Severity } = {},
): Finding {
  const finding: Finding = { rule: rule.id, severity: extra.severity ?? rule.severity, line, message };
  if (extra.itemId !== undefined) finding.itemId = extra.itemId;
  if (extra.expected !== undefined) finding.expected = extra.expected;
  if (extra.actual !== undefined) finding.actual = extra.actual;
  return finding;
}

/** A number as a person would write it: integers as they are, others to two decimals at most. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}

/** "8 points", "1 hour". */
export function formatMeasure(value: number, measure: 'points' | 'hours'): string {
  const unit = measure === 'points' ? (value === 1 ? 'point' : 'points') : value === 1 ? 'hour' : 'hours';
  return `${formatNumber(value)} ${unit}`;
}

/** How messages name an item: its id and, when the id is not just the title, the title. */
export function describeItem(item: Item): string {
  const title = item.title.trim();
  if (!title || title === item.id) return item.id;
  const short = title.length > 70 ? `${title.slice(0, 67)}…` : title;
  return `${item.id} "${short}"`;
}

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The statuses that mean work is still to be finished. */
export function isOpen(status: Status): boolean {
  return status === 'todo' || status === 'in_progress' || status === 'review' || status === 'blocked';
}

/** A status decided by the document itself (a checkbox or a status field), not rolled up. */
export function isExplicit(item: Item): boolean {
  return item.statusSource === 'checkbox' || item.statusSource === 'field';
}

const STATUS_WORDS: Record<Status, string> = {
  todo: 'todo',
  in_progress: 'in progress',
  review: 'in review',
  done: 'done',
  blocked: 'blocked',
  deferred: 'deferred',
  cancelled: 'cancelled',
};

export function statusWord(status: Status): string {
  return STATUS_WORDS[status];
}

/**
 * For every item, whether it or a descendant carries the measure. One reverse pass over the
 * items in document order (parents come before children, so the reverse pass is a post-order).
 */
export function measureCarriers(plan: Plan, index: PlanIndex, measure: 'points' | 'hours'): Set<string> {
  const carries = new Set<string>();
  for (let i = plan.items.length - 1; i >= 0; i--) {
    const item = plan.items[i];
    if (item[measure] !== undefined || carries.has(item.id)) {
      carries.add(item.id);
      if (item.parent !== null && index.byId.has(item.parent)) carries.add(item.parent);
    }
  }
  return carries;
}

/**
 * Ancestry in constant time: each item's entry and exit positions in a depth-first walk of the
 * item tree, computed once with an explicit stack and kept in arrays indexed by document order.
 */
export class ItemTree {
  private readonly enter: Int32Array;
  private readonly exit: Int32Array;

  constructor(
    plan: Plan,
    private readonly index: PlanIndex,
  ) {
    const n = plan.items.length;
    this.enter = new Int32Array(n).fill(-1);
    this.exit = new Int32Array(n).fill(-1);
    let clock = 0;
    const stackItems: Item[] = [];
    const stackNext: number[] = [];
    for (let r = 0; r < n; r++) {
      const root = plan.items[r];
      if (this.enter[r] >= 0) continue;
      if (root.parent !== null && index.byId.has(root.parent)) continue;
      this.enter[r] = clock++;
      stackItems.push(root);
      stackNext.push(0);
      while (stackItems.length > 0) {
        const top = stackItems.length - 1;
        const item = stackItems[top];
        if (stackNext[top] < item.children.length) {
          const childId = item.children[stackNext[top]++];
          const position = index.order.get(childId);
          if (position !== undefined && this.enter[position] < 0) {
            this.enter[position] = clock++;
            stackItems.push(plan.items[position]);
            stackNext.push(0);
          }
        } else {
          this.exit[index.order.get(item.id) as number] = clock++;
          stackItems.pop();
          stackNext.pop();
        }
      }
    }
  }

  /** True when `ancestor` encloses `descendant` (an item does not enclose itself). */
  encloses(ancestor: string, descendant: string): boolean {
    if (ancestor === descendant) return false;
    const a = this.index.order.get(ancestor);
    const d = this.index.order.get(descendant);
    if (a === undefined || d === undefined || this.enter[a] < 0 || this.enter[d] < 0) return false;
    return this.enter[a] < this.enter[d] && this.exit[d] < this.exit[a];
  }
}
