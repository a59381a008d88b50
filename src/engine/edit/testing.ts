// Assertions shared by the edit tests (unit, property and corpus): not part of the build.

import { expect } from 'vitest';
import type { PlanIndex } from '../model.js';
import type { TextEdit } from './types.js';

/** Every character outside the edit spans is the same before and after, in the same order. */
export function expectOnlySpansChanged(before: string, after: string, edits: readonly TextEdit[]): void {
  let fromBefore = 0;
  let fromAfter = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const kept = edit.start - fromBefore;
    expect(after.slice(fromAfter, fromAfter + kept)).toBe(before.slice(fromBefore, edit.start));
    expect(after.slice(fromAfter + kept, fromAfter + kept + edit.text.length)).toBe(edit.text);
    fromAfter += kept + edit.text.length;
    fromBefore = edit.end;
  }
  expect(after.slice(fromAfter)).toBe(before.slice(fromBefore));
}

/** Ids of the item's parents up to the root; their roll-up statuses may change with it. */
export function ancestorsOf(index: PlanIndex, id: string): Set<string> {
  const result = new Set<string>();
  let parent = index.byId.get(id)?.parent ?? null;
  while (parent !== null && !result.has(parent)) {
    result.add(parent);
    parent = index.byId.get(parent)?.parent ?? null;
  }
  return result;
}
