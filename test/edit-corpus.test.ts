// Every item of every real plan in ../shared/corpus: setting it to another status it can take
// changes only the bytes of its edits, and reading the result back shows the new status while
// every other item keeps its id and status (roll-up ancestors aside).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../src/engine/build.js';
import { applyEdits, setStatus } from '../src/engine/edit/index.js';
import { indexPlan, type Item, type Status } from '../src/engine/model.js';
import { isScrumdownError } from '../src/errors.js';
import { ancestorsOf, expectOnlySpansChanged } from '../src/engine/edit/testing.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort() : [];
const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).sort();

if (files.length === 0) {
  console.warn(`edit-corpus: skipped, no corpus at ${CORPUS}`);
}

/** A status other than the item's own that its markup can show. */
function otherStatus(item: Item): Status {
  if (!item.statusField) return item.status === 'done' ? 'todo' : 'done';
  return item.status === 'review' ? 'blocked' : 'review';
}



/** Sets every item of the plan to another status, one at a time, and checks the result. */
function checkEveryItem(text: string, file: string): void {
  const plan = buildPlan(text, file);
  const index = indexPlan(plan);
  const ids = plan.items.map((item) => item.id);
  const statusBefore = new Map(plan.items.map((item) => [item.id, item.status]));
  let edited = 0;
  const refused: string[] = [];
  for (const item of plan.items) {
    const target = otherStatus(item);
    let set;
    try {
      set = setStatus(plan, text, [item.id], target, index);
    } catch (error) {
      // Roll-up parents (phases, epics) are set through their children.
      if (isScrumdownError(error) && error.code === 'invalid_argument') {
        refused.push(item.id);
        continue;
      }
      throw error;
    }
    expect(set.edits.length, `${item.id} -> ${target}`).toBeGreaterThan(0);
    const after = applyEdits(text, set, plan.hash);
    expect(after).not.toBe(text);
    expectOnlySpansChanged(text, after, set.edits);
    for (const edit of set.edits) {
      expect(edit.line).toBeGreaterThanOrEqual(item.line);
      expect(edit.line).toBeLessThanOrEqual(item.endLine);
    }

    const reread = buildPlan(after, file);
    expect(reread.items.map((other) => other.id), item.id).toEqual(ids);
    const exempt = ancestorsOf(index, item.id);
    const changed: string[] = [];
    for (const other of reread.items) {
      const expected = other.id === item.id ? target : statusBefore.get(other.id);
      if (other.id !== item.id && exempt.has(other.id)) continue;
      if (other.status !== expected) changed.push(`${other.id}: ${statusBefore.get(other.id)} -> ${other.status}`);
    }
    expect(changed, `after setting ${item.id} to ${target}`).toEqual([]);
    edited++;
  }
  expect(edited).toBeGreaterThan(0);
  // Every refusal is a roll-up parent: no checkbox, no status field, and children of its own.
  for (const id of refused) {
    const item = index.byId.get(id)!;
    expect(item.checkbox ?? item.statusField, id).toBeUndefined();
    expect(item.statusSource, id).toBe('rollup');
    expect(item.children.some((child) => index.byId.get(child)?.kind !== 'check'), id).toBe(true);
  }
}

describe.skipIf(files.length === 0)('status edits on the corpus', () => {
  for (const file of files) {
    it(`${file}: every item that can take another status gets it, and nothing else changes`, () => {
      checkEveryItem(readFileSync(join(CORPUS, file), 'utf8'), file);
    });
  }
});

describe('status edits on the fixtures', () => {
  for (const file of fixtures) {
    it(`${file}: every item that can take another status gets it, and nothing else changes`, () => {
      checkEveryItem(readFileSync(join(FIXTURES, file), 'utf8'), file);
    });
  }
});
