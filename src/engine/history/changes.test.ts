// A timeline as recorded changes: one per changed field, under the item's latest id, dated by the
// commit (never before an earlier commit), added and removed carrying the item as it was.

import { describe, expect, it } from 'vitest';
import { timelineChanges } from './changes.js';
import { buildTimelineFromRevisions } from './timeline.js';
import type { HistoryCommit, RevisionItem } from './types.js';

const ana = { name: 'Ana', email: 'ana@example.com' };

function commit(hash: string, date: string): HistoryCommit {
  return { hash, date, author: ana };
}

function entry(id: string, title: string, status: RevisionItem['status'], points: number | null = null): RevisionItem {
  return { id, title, kind: 'task', status, points, parent: null, counted: true, derived: false };
}

describe('timelineChanges', () => {
  it('gives each field change of each item, renames and removals included', () => {
    const timeline = buildTimelineFromRevisions([
      { commit: commit('c1', '2026-01-05T09:00:00+01:00'), revision: { items: [entry('A-1', 'Card form', 'todo', 3), entry('A-2', 'Receipts', 'todo')] } },
      // Dated before its parent (a skewed clock): counted at the parent's time.
      { commit: commit('c2', '2026-01-04T09:00:00Z'), revision: { items: [entry('A-1', 'Card form v2', 'in_progress', 5)] } },
    ]);
    const changes = timelineChanges(timeline).map(({ itemId, field, from, to, at }) => [itemId, field, from, to, at]);
    expect(changes).toEqual([
      ['A-1', 'added', null, JSON.stringify({ title: 'Card form v2', status: 'todo', points: 3, counted: true }), '2026-01-05T08:00:00.000Z'],
      ['A-1', 'title', 'Card form', 'Card form v2', '2026-01-05T08:00:00.000Z'],
      ['A-1', 'points', '3', '5', '2026-01-05T08:00:00.000Z'],
      ['A-1', 'status', 'todo', 'in_progress', '2026-01-05T08:00:00.000Z'],
      ['A-2', 'added', null, JSON.stringify({ title: 'Receipts', status: 'todo', points: null, counted: true }), '2026-01-05T08:00:00.000Z'],
      ['A-2', 'removed', JSON.stringify({ title: 'Receipts', status: 'todo', points: null, counted: true }), null, '2026-01-05T08:00:00.000Z'],
    ]);
    expect(timelineChanges(timeline).every((change) => change.author === ana)).toBe(true);
  });
});
