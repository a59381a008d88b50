import { describe, expect, it } from 'vitest';
import { dependencyGraph } from './graph.js';
import { nextItems, priorityRank } from './next.js';
import { planWithIndex, type ItemSpec } from './testing.js';

function next(specs: ItemSpec[], options?: { limit?: number; concurrency?: number }) {
  const { plan, index } = planWithIndex(specs);
  return nextItems(plan, index, dependencyGraph(plan, index), options);
}

describe('priorityRank', () => {
  it('reads priorities as plans write them', () => {
    expect(priorityRank('Critical')).toBe(0);
    expect(priorityRank('blocker')).toBe(0);
    expect(priorityRank('P0')).toBe(0);
    expect(priorityRank('HIGH')).toBe(1);
    expect(priorityRank('High')).toBe(1);
    expect(priorityRank('P1')).toBe(1);
    expect(priorityRank('🔴 High')).toBe(1);
    expect(priorityRank('Medium')).toBe(2);
    expect(priorityRank('p2')).toBe(2);
    expect(priorityRank('low')).toBe(3);
    expect(priorityRank('P3')).toBe(3);
    expect(priorityRank(undefined)).toBe(4);
    expect(priorityRank('someday maybe')).toBe(4);
  });
});

describe('nextItems ranking', () => {
  it('puts zero slack before priority', () => {
    // A(5h) -> C(2h) is the 7 h critical chain; B (1 h, high) has 6 h of slack.
    const result = next([
      { id: 'A', hours: 5, priority: 'Low' },
      { id: 'B', hours: 1, priority: 'HIGH' },
      { id: 'C', hours: 2, deps: ['A'] },
    ]);
    expect(result.map((r) => r.id)).toEqual(['A', 'B']);
    expect(result[0]).toMatchObject({ slack: 0, onCriticalPath: true, unblocks: 1, priority: 'Low' });
    expect(result[1]).toMatchObject({ slack: 6, onCriticalPath: false, unblocks: 0 });
    expect(result[0].reason).toBe('On the critical path, priority Low, unblocks 1 open item, nothing to wait for.');
    expect(result[1].reason).toBe('6 hours of slack, priority HIGH, nothing to wait for.');
  });

  it('ranks equal slack by priority', () => {
    const result = next([
      { id: 'X', priority: 'Low' },
      { id: 'Y', priority: 'P1' },
      { id: 'Z', priority: 'Critical' },
      { id: 'W' },
    ]);
    expect(result.map((r) => r.id)).toEqual(['Z', 'Y', 'X', 'W']);
  });

  it('ranks equal slack and priority by how much open work each unblocks', () => {
    // Both chains are two items long (slack 0); Q unblocks two open items, P one.
    const result = next([
      { id: 'P' },
      { id: 'P2', deps: ['P'] },
      { id: 'Q' },
      { id: 'Q2', deps: ['Q'] },
      { id: 'Q3', deps: ['Q'] },
      { id: 'Q4', deps: ['Q'], status: 'cancelled' },
    ]);
    expect(result.map((r) => [r.id, r.unblocks])).toEqual([
      ['Q', 2],
      ['P', 1],
    ]);
  });

  it('counts transitive unblocking and mentions finished dependencies', () => {
    const result = next([
      { id: 'A', status: 'done' },
      { id: 'B', deps: ['A'], status: 'in_progress' },
      { id: 'C', deps: ['B'] },
      { id: 'D', deps: ['C'] },
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ id: 'B', status: 'in_progress', unblocks: 2, slack: 0 });
    expect(result[0].reason).toBe('On the critical path, unblocks 2 open items, already in progress, its dependency is done.');
  });

  it('takes a task’s priority from its story when the task has none', () => {
    const result = next([
      { id: 'S1', kind: 'story', priority: 'Low' },
      { id: 't1', parent: 'S1' },
      { id: 'S2', kind: 'story', priority: 'Critical' },
      { id: 't2', parent: 'S2' },
      { id: 't3', parent: 'S2', priority: 'P3' },
    ]);
    expect(result.map((r) => [r.id, r.priority])).toEqual([
      ['t2', 'Critical'],
      ['t1', 'Low'],
      ['t3', 'P3'],
    ]);
  });

  it('falls back to document order and honours the limit', () => {
    const result = next([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { limit: 2 });
    expect(result.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('is empty when everything is done', () => {
    expect(next([{ id: 'a', status: 'done' }, { id: 'b', status: 'cancelled', deps: ['a'] }])).toEqual([]);
  });
});

describe('nextItems with concurrency', () => {
  const tagged: ItemSpec[] = [
    { id: 'A', section: 's1' },
    { id: 'B', section: 's1' },
    { id: 'C', section: 's1', tags: ['P'] },
    { id: 'D', section: 's2' },
    { id: 'E', section: 's2', tags: ['P', 'US1'] },
  ];

  it('takes at most one unmarked task per section when the plan marks parallel tasks', () => {
    expect(next(tagged, { concurrency: 3 }).map((r) => r.id)).toEqual(['A', 'C', 'D']);
    expect(next(tagged, { concurrency: 10 }).map((r) => r.id)).toEqual(['A', 'C', 'D', 'E']);
  });

  it('treats every ready item as parallel when the plan marks none', () => {
    const untagged = tagged.map((spec) => ({ ...spec, tags: [] }));
    expect(next(untagged, { concurrency: 3 }).map((r) => r.id)).toEqual(['A', 'B', 'C']);
  });

  it('applies the limit after choosing', () => {
    expect(next(tagged, { concurrency: 3, limit: 2 }).map((r) => r.id)).toEqual(['A', 'C']);
  });
});
