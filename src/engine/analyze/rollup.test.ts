import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeRollups, measureTotal } from './rollup.js';
import { STATUSES } from '../model.js';
import { planWithIndex, type ItemSpec } from './testing.js';

// An epic declaring 20 points over two stories that carry their own (8 and 5), one story split
// into tasks with hours and checks, and a second section below the first.
const specs: ItemSpec[] = [
  { id: 'E1', kind: 'epic', points: 20, status: 'in_progress', section: 's1' },
  { id: 'S1', kind: 'story', points: 8, status: 'in_progress', parent: 'E1', section: 's1' },
  { id: 'T1', hours: 3, status: 'done', parent: 'S1', section: 's1' },
  { id: 'T2', hours: 5, status: 'in_progress', parent: 'S1', section: 's1' },
  { id: 'C1', kind: 'check', status: 'done', parent: 'T2', section: 's1' },
  { id: 'C2', kind: 'check', status: 'todo', parent: 'T2', section: 's1' },
  { id: 'S2', kind: 'story', points: 5, status: 'done', parent: 'E1', section: 's1' },
  { id: 'X1', points: 3, status: 'cancelled', section: 's2' },
  { id: 'X2', status: 'todo', section: 's2' },
];
const sections: Array<[string, string | null]> = [
  ['s1', 'root'],
  ['s2', 's1'],
];

describe('computeRollups', () => {
  const { plan, index } = planWithIndex({ items: specs, sections });
  const rollups = computeRollups(plan, index);

  it('counts actionable items by status, leaving parents and checks out', () => {
    expect(rollups.overall.actionable).toBe(5); // T1, T2, S2, X1, X2
    expect(rollups.overall.items).toMatchObject({ done: 2, in_progress: 1, cancelled: 1, todo: 1, blocked: 0 });
    expect(rollups.overall.checks).toEqual({ done: 1, total: 2 });
  });

  it('counts points on carriers only: the epic defers to its stories', () => {
    expect(rollups.overall.points.total).toBe(13); // 8 + 5; the cancelled 3 is shelved
    expect(rollups.overall.points.done).toBe(5);
    expect(rollups.overall.points.byStatus).toMatchObject({ in_progress: 8, done: 5, cancelled: 3, todo: 0 });
  });

  it('never mixes task hours with story points', () => {
    expect(rollups.overall.hours).toMatchObject({ total: 8, done: 3 });
    expect(rollups.byItem.get('S1')?.points).toMatchObject({ total: 8, done: 0 });
    expect(rollups.byItem.get('S1')?.hours).toMatchObject({ total: 8, done: 3 });
  });

  it('rolls each item up over its subtree', () => {
    const epic = rollups.byItem.get('E1');
    expect(epic?.actionable).toBe(3);
    expect(epic?.points).toMatchObject({ total: 13, done: 5 });
    expect(epic?.checks).toEqual({ done: 1, total: 2 });
    const task = rollups.byItem.get('T2');
    expect(task?.actionable).toBe(1);
    expect(task?.checks).toEqual({ done: 1, total: 2 });
    expect(task?.hours.total).toBe(5);
  });

  it('folds sub-sections into their parents', () => {
    const s2 = rollups.bySection.get('s2');
    expect(s2?.actionable).toBe(2);
    expect(s2?.points.total).toBe(0);
    expect(s2?.points.byStatus.cancelled).toBe(3);
    expect(rollups.bySection.get('s1')).toEqual(rollups.overall);
    expect(rollups.bySection.get('root')).toEqual(rollups.overall);
  });

  it('handles a plan nested 100,000 levels deep without recursion', () => {
    const deep: ItemSpec[] = [];
    for (let i = 0; i < 100_000; i++) deep.push({ id: `N${i}`, parent: i === 0 ? null : `N${i - 1}`, hours: i === 99_999 ? 2 : undefined });
    const { plan: deepPlan, index: deepIndex } = planWithIndex(deep);
    const deepRollups = computeRollups(deepPlan, deepIndex);
    expect(deepRollups.byItem.get('N0')?.actionable).toBe(1);
    expect(deepRollups.byItem.get('N0')?.hours.total).toBe(2);
    expect(measureTotal(deepPlan, deepIndex, ['N0'], 'hours')).toBe(2);
  });
});

describe('measureTotal', () => {
  const { plan, index } = planWithIndex({ items: specs, sections });

  it('sums carriers under the named items, once each', () => {
    expect(measureTotal(plan, index, ['E1'], 'points')).toBe(13);
    expect(measureTotal(plan, index, ['E1'], 'hours')).toBe(8);
    expect(measureTotal(plan, index, ['S1', 'E1'], 'points')).toBe(13);
    expect(measureTotal(plan, index, ['T1', 'S1'], 'hours')).toBe(8);
    expect(measureTotal(plan, index, ['E1', 'X1', 'X2'], 'points')).toBe(13);
  });

  it('leaves shelved items out unless the statuses name them', () => {
    expect(measureTotal(plan, index, ['X1'], 'points')).toBe(0);
    expect(measureTotal(plan, index, ['X1'], 'points', ['cancelled'])).toBe(3);
    expect(measureTotal(plan, index, ['E1'], 'points', ['done'])).toBe(5);
    expect(measureTotal(plan, index, ['E1'], 'hours', ['done', 'in_progress'])).toBe(8);
  });

  it('takes a parent’s own value when nothing below carries the measure', () => {
    const { plan: p, index: i } = planWithIndex([
      { id: 'EP', kind: 'epic', points: 10 },
      { id: 'a', parent: 'EP' },
      { id: 'b', parent: 'EP' },
    ]);
    expect(measureTotal(p, i, ['EP'], 'points')).toBe(10);
    expect(measureTotal(p, i, ['a'], 'points')).toBe(0);
    expect(computeRollups(p, i).overall.points.total).toBe(10);
  });

  it('ignores unknown ids', () => {
    expect(measureTotal(plan, index, ['NOPE'], 'points')).toBe(0);
  });
});

describe('properties on random plans', () => {
  const randomPlan = fc
    .array(
      fc.record({
        parent: fc.option(fc.nat(), { nil: undefined }),
        status: fc.constantFrom(...STATUSES),
        points: fc.option(fc.integer({ min: 0, max: 13 }), { nil: undefined }),
        section: fc.constantFrom('a', 'b', 'c'),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .map((rows) =>
      rows.map<ItemSpec>((row, i) => ({
        id: `I${i}`,
        status: row.status,
        points: row.points,
        section: row.section,
        parent: i > 0 && row.parent !== undefined ? `I${row.parent % i}` : null,
      })),
    );

  it('counts each carrier once, whichever way the items are named', () => {
    fc.assert(
      fc.property(randomPlan, fc.array(fc.nat(), { maxLength: 6 }), (specs, picks) => {
        const { plan, index } = planWithIndex({ items: specs, sections: [['a', 'root'], ['b', 'a'], ['c', 'root']] });
        const descendants = (id: string): string[] => {
          const out: string[] = [];
          const stack = [...(index.byId.get(id)?.children ?? [])];
          while (stack.length > 0) {
            const next = stack.pop() as string;
            out.push(next);
            stack.push(...(index.byId.get(next)?.children ?? []));
          }
          return out;
        };
        const isCarrier = (id: string) =>
          index.byId.get(id)?.points !== undefined && descendants(id).every((d) => index.byId.get(d)?.points === undefined);
        const counted = (id: string) => isCarrier(id) && !['deferred', 'cancelled'].includes(index.byId.get(id)?.status as string);
        const named = picks.map((p) => `I${p % specs.length}`);
        const union = new Set(named.flatMap((id) => [id, ...descendants(id)]));
        const expected = [...union].filter(counted).reduce((sum, id) => sum + (index.byId.get(id)?.points ?? 0), 0);
        if (measureTotal(plan, index, named, 'points') !== expected) return false;
        const all = plan.items.filter((item) => counted(item.id)).reduce((sum, item) => sum + (item.points ?? 0), 0);
        const rollups = computeRollups(plan, index);
        if (rollups.overall.points.total !== all) return false;
        const bySection = ['root', 'a', 'b', 'c'].map((id) => rollups.bySection.get(id)?.points.total);
        const inSections = (ids: string[]) =>
          plan.items.filter((item) => ids.includes(item.section) && counted(item.id)).reduce((sum, item) => sum + (item.points ?? 0), 0);
        return (
          bySection[0] === all &&
          bySection[1] === inSections(['a', 'b']) &&
          bySection[2] === inSections(['b']) &&
          bySection[3] === inSections(['c'])
        );
      }),
      { numRuns: 300 },
    );
  });
});
