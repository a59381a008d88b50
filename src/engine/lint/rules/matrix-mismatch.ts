// matrix-mismatch: a dependency matrix (story | depends on | blocks) that disagrees with what
// the items themselves say in their own dependency fields.

import type { Finding, Item, Plan, PlanIndex } from '../../model.js';
import { ItemTree, listWords, makeFinding, type LintRule } from '../rule.js';

/**
 * The work a set of dependency ids stands for: each id, plus every item inside it. A row
 * that says "EPIC-001" and a field that lists EPIC-001's stories then compare equal.
 */
function expand(ids: Iterable<string>, index: PlanIndex): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [...ids];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    const item = index.byId.get(id);
    if (!item) continue;
    out.add(id);
    for (const child of item.children) {
      if (index.byId.get(child)?.kind !== 'check') stack.push(child);
    }
  }
  return out;
}

/** Leaves of an expanded set: the items with no expanded child, i.e. the actual work. */
function work(expanded: Set<string>, index: PlanIndex): Set<string> {
  const out = new Set<string>();
  for (const id of expanded) {
    const item = index.byId.get(id) as Item;
    if (!item.children.some((child) => expanded.has(child))) out.add(id);
  }
  return out;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

function ownDepIds(item: Item): string[] {
  const ids: string[] = [];
  for (const ref of item.deps) ids.push(...ref.ids);
  return ids;
}

function describeIds(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : listWords([...new Set(ids)]);
}

export const matrixMismatch: LintRule = {
  id: 'matrix-mismatch',
  severity: 'warning',
  description: "A dependency matrix row that disagrees with the items' own dependency fields.",
  check(plan: Plan, index: PlanIndex): Finding[] {
    const findings: Finding[] = [];
    let tree: ItemTree | null = null;
    for (const row of plan.matrix) {
      const item = index.byId.get(row.itemId);
      if (!item) continue;

      const own = ownDepIds(item);
      // An item whose own field could not be fully read cannot be compared fairly; unknown-ref
      // reports the unreadable part.
      const ownReadable = item.deps.every((ref) => ref.unresolved.length === 0);
      if (ownReadable) {
        const claimed = work(expand(row.dependsOn.ids, index), index);
        const actual = work(expand(own, index), index);
        if (!sameSet(claimed, actual)) {
          findings.push(
            makeFinding(
              matrixMismatch,
              row.line,
              `The dependency matrix says ${item.id} depends on ${describeIds(row.dependsOn.ids)}, but ${item.id}'s own dependencies (line ${item.deps[0]?.line ?? item.line}) are ${describeIds(own)}.`,
              { itemId: item.id, expected: describeIds(row.dependsOn.ids), actual: describeIds(own) },
            ),
          );
        }
      }

      for (const blockedId of new Set(row.blocks.ids)) {
        const blocked = index.byId.get(blockedId);
        if (!blocked || !blocked.deps.every((ref) => ref.unresolved.length === 0)) continue;
        const theirs = ownDepIds(blocked);
        // Satisfied when the blocked item waits for this item or for something enclosing it
        // ("EPIC-001 completed", "All previous stories").
        tree ??= new ItemTree(plan, index);
        const waits = theirs.some((id) => id === item.id || tree?.encloses(id, item.id));
        if (waits) continue;
        findings.push(
          makeFinding(
            matrixMismatch,
            row.line,
            `The dependency matrix says ${item.id} blocks ${blocked.id}, but ${blocked.id}'s own dependencies (line ${blocked.deps[0]?.line ?? blocked.line}) are ${describeIds(theirs)}, without ${item.id}.`,
            { itemId: item.id, expected: item.id, actual: describeIds(theirs) },
          ),
        );
      }
    }
    return findings;
  },
};
