// The timeline of item revisions, and the property the rest relies on: replaying a timeline
// gives back the statuses of the last revision.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../model.js';
import type { Status } from '../model.js';
import { seriesFromTimeline } from './series.js';
import { buildTimelineFromRevisions } from './timeline.js';
import type { HistoryCommit, RevisionItem, RevisionSnapshot } from './types.js';

const ana = { name: 'Ana', email: 'ana@example.com' };

function commit(n: number): HistoryCommit {
  return { hash: `c${n}`, date: `2026-01-${String(5 + n).padStart(2, '0')}T09:00:00Z`, author: ana };
}

function entry(id: string, status: Status, points: number | null = null, title = `Item ${id}`, derived = false): RevisionItem {
  return { id, title, kind: 'task', status, points, parent: null, counted: true, derived };
}

describe('buildTimelineFromRevisions', () => {
  it('records additions, status and points changes, removals and a written id coming back', () => {
    const snapshots: RevisionSnapshot[] = [
      { commit: commit(0), revision: { items: [entry('A-1', 'todo', 3), entry('A-2', 'todo')] } },
      { commit: commit(1), revision: { items: [entry('A-1', 'in_progress', 5)] } },
      { commit: commit(2), revision: { items: [entry('A-1', 'done', 5), entry('A-2', 'todo')] } },
    ];
    const timeline = buildTimelineFromRevisions(snapshots);
    expect(timeline.items.map((i) => [i.key, i.status, i.present])).toEqual([
      ['A-1', 'done', true],
      ['A-2', 'todo', true],
    ]);
    expect(timeline.items[0].events.map((e) => [e.type, e.commit])).toEqual([
      ['added', 'c0'],
      ['points', 'c1'],
      ['status', 'c1'],
      ['status', 'c2'],
    ]);
    expect(timeline.items[1].events.map((e) => [e.type, e.commit])).toEqual([
      ['added', 'c0'],
      ['removed', 'c1'],
      ['added', 'c2'],
    ]);
  });

  it('gives a new derived item a key of its own when its id was used before', () => {
    const snapshots: RevisionSnapshot[] = [
      { commit: commit(0), revision: { items: [entry('s.1', 'todo', null, 'Rotate keys', true)] } },
      { commit: commit(1), revision: { items: [entry('s.1', 'todo', null, 'Renew certificate', true), entry('s.2', 'todo', null, 'Rotate keys', true)] } },
    ];
    expect(buildTimelineFromRevisions(snapshots).items.map((i) => [i.key, i.id, i.title])).toEqual([
      ['s.1', 's.2', 'Rotate keys'],
      ['s.1@2', 's.1', 'Renew certificate'],
    ]);
  });

  it('continues a timeline from where it stopped, as if built in one go', () => {
    const snapshots: RevisionSnapshot[] = [0, 1, 2, 3].map((n) => ({ commit: commit(n), revision: { items: [entry('A-1', STATUSES[n])] } }));
    const state = { timeline: { commits: [], items: [] }, last: null };
    buildTimelineFromRevisions(snapshots.slice(0, 2), state);
    const resumed = buildTimelineFromRevisions(snapshots.slice(2), JSON.parse(JSON.stringify({ timeline: state.timeline, last: state.last })));
    expect(resumed).toEqual(buildTimelineFromRevisions(snapshots));
  });

  it('replayed, gives the last revision: every present item with its status and points', () => {
    const status = fc.constantFrom(...STATUSES);
    const revision = fc.uniqueArray(fc.record({ n: fc.integer({ min: 1, max: 12 }), status, points: fc.option(fc.integer({ min: 0, max: 13 })) }), {
      selector: (r) => r.n,
      maxLength: 10,
    });
    fc.assert(
      fc.property(fc.array(revision, { minLength: 1, maxLength: 8 }), (revisions) => {
        const snapshots = revisions.map((items, n) => ({
          commit: commit(n),
          revision: { items: items.map((r) => entry(`T-${r.n}`, r.status, r.points)) },
        }));
        const timeline = buildTimelineFromRevisions(snapshots);
        const last = revisions[revisions.length - 1];
        const present = timeline.items.filter((i) => i.present);
        expect(present.map((i) => [i.id, i.status, i.points]).sort()).toEqual(last.map((r) => [`T-${r.n}`, r.status, r.points]).sort());
        // The state series end in the same place.
        const ends = seriesFromTimeline(timeline)
          .map((s) => s.states[s.states.length - 1])
          .filter((state) => state.present)
          .map((state) => [state.status, state.points]);
        expect(ends.sort()).toEqual(last.map((r) => [r.status, r.points]).sort());
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
