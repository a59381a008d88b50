// Pairing items of two revisions: written ids are identity, derived ids fall back to titles.

import { describe, expect, it } from 'vitest';
import { matchRevisions } from './match.js';
import { titleSimilarity } from './similarity.js';
import type { RevisionItem } from './types.js';

function item(id: string, title: string, derived = /\./.test(id)): RevisionItem {
  return { id, title, kind: 'task', status: 'todo', points: null, parent: null, counted: true, derived };
}

function pairs(previous: RevisionItem[], next: RevisionItem[]): Array<[string, string | null, string | undefined]> {
  const match = matchRevisions(previous, next);
  return next.map((entry, j) => [entry.id, match.previousOf[j] >= 0 ? previous[match.previousOf[j]].id : null, match.matchedBy[j]]);
}

describe('titleSimilarity', () => {
  it('is the Dice coefficient of character bigrams of the normalised titles', () => {
    // "add ci" → ad, dd, "d ", " c", ci; "add cd" → ad, dd, "d ", " c", cd: 2·4 / (5 + 5).
    expect(titleSimilarity('Add CI', 'add  cd')).toBe(0.8);
    expect(titleSimilarity('Write **docs**!', 'write docs')).toBe(1);
    expect(titleSimilarity('abc', 'xyz')).toBe(0);
  });
});

describe('matchRevisions', () => {
  it('pairs an unchanged outline position by position, as the full matching would', () => {
    const previous = [item('T001', 'Set up CI', false), item('1.1', 'Write tests'), item('1.2', 'Write tests'), item('1.3', 'Ship it')];
    // New objects (a part parsed again), statuses changed: the same pairs, repeated titles by title.
    const next = previous.map((entry) => ({ ...entry, status: 'done' as const }));
    expect(pairs(previous, next)).toEqual([
      ['T001', 'T001', 'id'],
      ['1.1', '1.1', 'title'],
      ['1.2', '1.2', 'title'],
      ['1.3', '1.3', 'id'],
    ]);
    // The same answer through the full matching, which a changed title elsewhere forces.
    const renamed = [...next.slice(0, 3), item('1.3', 'Ship it now')];
    expect(pairs(previous, renamed).slice(0, 3)).toEqual(pairs(previous, next).slice(0, 3));
    // An id twice in one revision is not an unchanged outline: the full matching decides.
    const twice = [item('T001', 'A', false), item('T001', 'B', false)];
    expect(pairs(twice, twice.map((entry) => ({ ...entry })))).toEqual([
      ['T001', 'T001', 'id'],
      ['T001', 'T001', 'title'],
    ]);
  });

  it('keeps a written id whatever its title became', () => {
    expect(pairs([item('T001', 'Old title', false)], [item('T001', 'Completely new', false)])).toEqual([['T001', 'T001', 'id']]);
  });

  it('follows derived ids that shifted by their unchanged titles', () => {
    const before = [item('s.1', 'Rotate keys'), item('s.2', 'Update runbook')];
    const after = [item('s.1', 'Renew certificate'), item('s.2', 'Rotate keys'), item('s.3', 'Update runbook')];
    expect(pairs(before, after)).toEqual([
      ['s.1', null, undefined],
      ['s.2', 's.1', 'title'],
      ['s.3', 's.2', 'title'],
    ]);
  });

  it('keeps a derived id whose title was edited a little, and drops one rewritten', () => {
    expect(pairs([item('s.1', 'Update the runbook')], [item('s.1', 'Update the run book')])).toEqual([['s.1', 's.1', 'id']]);
    expect(pairs([item('s.1', 'Update the runbook')], [item('s.1', 'Order pizza')])).toEqual([['s.1', null, undefined]]);
  });

  it('pairs an item edited and shifted with the most similar title', () => {
    const before = [item('s.1', 'Configure staging database'), item('s.2', 'Write release notes')];
    const after = [item('s.1', 'Kick-off'), item('s.2', 'Configure the staging database'), item('s.3', 'Write the release notes')];
    expect(pairs(before, after)).toEqual([
      ['s.1', null, undefined],
      ['s.2', 's.1', 'title'],
      ['s.3', 's.2', 'title'],
    ]);
  });

  it('pairs equal titles in document order', () => {
    const before = [item('s.1', 'Review'), item('s.2', 'Review')];
    const after = [item('s.1', 'New'), item('s.2', 'Review'), item('s.3', 'Review')];
    expect(pairs(before, after).map((p) => p[1])).toEqual([null, 's.1', 's.2']);
  });
});
