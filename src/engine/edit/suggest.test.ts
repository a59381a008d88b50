import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build.js';
import { indexPlan } from '../model.js';
import { boundedDistance, nearestIds, resolveItem } from './suggest.js';

const text = [
  '# Backlog',
  '',
  '### DEVOPS-004: Cache builds',
  '**Priority:** HIGH | **Points:** 3',
  '',
  '### DEVOPS-014: Rotate keys',
  '**Priority:** LOW | **Points:** 2',
  '',
  '### DEVOPS-040: Trim images',
  '**Priority:** LOW | **Points:** 1',
  '',
  '### QA-001: Smoke tests',
  '**Priority:** HIGH | **Points:** 5',
  '',
].join('\n');
const plan = buildPlan(text, 'backlog.md');

describe('boundedDistance', () => {
  it('is the Levenshtein distance up to the limit', () => {
    expect(boundedDistance('kitten', 'sitting', 5)).toBe(3);
    expect(boundedDistance('abc', 'abc', 0)).toBe(0);
    expect(boundedDistance('abc', 'xyz', 1)).toBe(2);
    expect(boundedDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('nearestIds', () => {
  it('puts a case-insensitive exact match first', () => {
    expect(nearestIds(plan, 'qa-001')).toEqual(['QA-001']);
    expect(nearestIds(plan, 'devops-014')[0]).toBe('DEVOPS-014');
  });

  it('matches the same letters and digits before near misses', () => {
    // "devops 4" is DEVOPS-004 written loosely; "devops40" extends it; "devops14" is one edit away.
    expect(nearestIds(plan, 'devops 4')).toEqual(['DEVOPS-004', 'DEVOPS-040', 'DEVOPS-014']);
  });

  it('finds prefixes and respects the limit', () => {
    expect(nearestIds(plan, 'DEVOPS', 2)).toEqual(['DEVOPS-004', 'DEVOPS-014']);
    expect(nearestIds(plan, 'DEVOPS', 0)).toEqual([]);
  });

  it('prefers items to their acceptance checks', () => {
    const withChecks = buildPlan('### BAKE-004: Bake\n**Points:** 1\n\n**Acceptance Criteria:**\n- [ ] Golden\n- [ ] Cooled\n\n### BAKE-014: Slice\n**Points:** 1\n', 'bake.md');
    expect(nearestIds(withChecks, 'bake-04')).toEqual(['BAKE-004', 'BAKE-014', 'BAKE-004.ac1']);
  });

  it('suggests nothing for a name far from every id', () => {
    expect(nearestIds(plan, 'frontend-redesign')).toEqual([]);
  });
});

describe('resolveItem', () => {
  it('takes an exact id and refuses anything else with suggestions', () => {
    const index = indexPlan(plan);
    expect(resolveItem(plan, index, 'QA-001').id).toBe('QA-001');
    expect(() => resolveItem(plan, index, 'QA-01')).toThrowError(
      expect.objectContaining({ code: 'unknown_id', message: "Unknown item 'QA-01' in backlog.md. Did you mean: QA-001?" }),
    );
    expect(() => resolveItem(plan, index, 'nothing-like-it')).toThrowError(
      expect.objectContaining({ code: 'unknown_id', details: { id: 'nothing-like-it', suggestions: [] } }),
    );
  });
});

describe('resolveItem with aliases', () => {
  it('takes a unique alias and refuses one shared by several items', () => {
    const stories = buildPlan(
      ['# Breakdown', '', '### Story 1.1: Login', '**Story ID:** US-001', '', '### Story 1.2: Logout', '**Story ID:** US-002', ''].join('\n'),
      'agile.md',
    );
    const index = indexPlan(stories);
    const first = index.byId.get('US-001');
    expect(first?.aliases.length).toBeGreaterThan(0);
    expect(resolveItem(stories, index, first!.aliases[0]).id).toBe('US-001');
    const shared = { ...stories, items: stories.items.map((item) => ({ ...item, aliases: [...item.aliases, 'auth'] })) };
    expect(() => resolveItem(shared, indexPlan(shared), 'auth')).toThrowError(
      expect.objectContaining({ code: 'invalid_argument', details: { id: 'auth', suggestions: ['US-001', 'US-002'] } }),
    );
  });
});
