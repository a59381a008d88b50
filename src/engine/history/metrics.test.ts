// The history metrics on small hand-made item series, with the values worked out by hand.

import { describe, expect, it } from 'vitest';
import type { Status } from '../model.js';
import { burndown, burnup } from './burndown.js';
import { cycleTimes } from './cycle-time.js';
import { isoWeekName } from './dates.js';
import { cumulativeFlow } from './flow.js';
import { sprintWindow } from './sprint-window.js';
import type { ItemSeries, ItemState } from './types.js';
import { percentile, median, throughput, velocity, weeklyPeriods } from './velocity.js';
import { buildPlan } from '../build.js';

const at = (iso: string): number => Date.parse(iso);

function series(key: string, points: number | null, states: Array<[string, Status | 'gone']>): ItemSeries {
  return {
    key,
    id: key,
    title: key,
    counted: true,
    states: states.map(([when, status]): ItemState => ({ at: at(when), present: status !== 'gone', status: status === 'gone' ? 'todo' : status, points })),
  };
}

// Monday 2026-01-05 to Friday 2026-01-09.
const A = series('A', 3, [
  ['2026-01-02T10:00:00Z', 'todo'],
  ['2026-01-06T12:00:00Z', 'in_progress'],
  ['2026-01-08T12:00:00Z', 'done'],
]);
const B = series('B', 2, [
  ['2026-01-02T10:00:00Z', 'todo'],
  ['2026-01-07T09:00:00Z', 'gone'],
]);
const C = series('C', 5, [
  ['2026-01-07T15:00:00Z', 'todo'],
  // Saturday: counts on Monday.
  ['2026-01-10T10:00:00Z', 'done'],
]);

describe('burndown', () => {
  it('remaining per working day, the ideal from the commitment, scope added and removed', () => {
    expect(burndown([A, B, C], { from: '2026-01-05', to: '2026-01-12' })).toEqual({
      measure: 'points',
      days: ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12'],
      commitment: 5,
      remaining: [5, 5, 8, 5, 5, 0],
      ideal: [5 * (5 / 6), 5 * (4 / 6), 2.5, 5 * (2 / 6), 5 * (1 / 6), 0].map((v) => Math.round(v * 1e6) / 1e6),
      completed: [0, 0, 0, 3, 0, 5],
      scopeAdded: [0, 0, 5, 0, 0, 0],
      scopeRemoved: [0, 0, 2, 0, 0, 0],
    });
  });

  it('counts items when asked, and reopened work back', () => {
    const reopened = series('R', 1, [
      ['2026-01-02T10:00:00Z', 'done'],
      ['2026-01-06T10:00:00Z', 'todo'],
    ]);
    const result = burndown([A, reopened], { from: '2026-01-05', to: '2026-01-07', measure: 'items' });
    expect([result.commitment, result.remaining, result.completed]).toEqual([1, [1, 2, 2], [0, -1, 0]]);
  });

  it('burnup: scope and done at the end of each day', () => {
    expect(burnup([A, B, C], { from: '2026-01-05', to: '2026-01-12' })).toEqual({
      measure: 'points',
      days: ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12'],
      scope: [5, 5, 8, 8, 8, 8],
      completed: [0, 0, 0, 3, 3, 8],
    });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => burndown([A], { from: '2026-01-09', to: '2026-01-05' })).toThrow(/ends \(2026-01-05\) before it starts/);
    expect(() => burndown([A], { from: 'soon', to: '2026-01-05' })).toThrow(/"soon" is not a date/);
  });
});

describe('velocity and throughput', () => {
  it('net points and items done per ISO week', () => {
    const weeks = weeklyPeriods('2026-01-05', '2026-01-12');
    expect(weeks).toEqual([
      { name: '2026-W02', start: '2026-01-05', end: '2026-01-11' },
      { name: '2026-W03', start: '2026-01-12', end: '2026-01-18' },
    ]);
    // C was done on Saturday, inside week 2.
    expect(velocity([A, B, C], weeks)).toEqual({
      measure: 'points',
      periods: [
        { ...weeks[0], value: 8 },
        { ...weeks[1], value: 0 },
      ],
      average: 4,
      median: 4,
    });
    expect(throughput([A, B, C], weeks).periods.map((p) => p.value)).toEqual([2, 0]);
  });

  it('ISO week names at year ends', () => {
    expect(isoWeekName(Date.parse('2026-01-01') / 86_400_000)).toBe('2026-W01');
    expect(isoWeekName(Date.parse('2027-01-01') / 86_400_000)).toBe('2026-W53');
    expect(isoWeekName(Date.parse('2024-12-30') / 86_400_000)).toBe('2025-W01');
  });

  it('median and nearest-rank percentile', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.85)).toBe(9);
    expect(percentile([7], 0.85)).toBe(7);
  });
});

describe('cycleTimes', () => {
  it('from in progress, else from first seen open; done-on-arrival items only counted', () => {
    const born = series('D', null, [['2026-01-05T10:00:00Z', 'done']]);
    const open = series('E', null, [['2026-01-05T10:00:00Z', 'todo']]);
    const report = cycleTimes([A, C, born, open]);
    expect(report.items.map((i) => [i.id, i.start, i.days])).toEqual([
      ['A', 'in_progress', 2],
      ['C', 'opened', Math.round((at('2026-01-10T10:00:00Z') - at('2026-01-07T15:00:00Z')) / 86_400_000 * 1e6) / 1e6],
    ]);
    expect([report.fromInProgress, report.fromOpened, report.unknownStart]).toEqual([1, 1, 1]);
    expect(report.median).toBeCloseTo((2 + 2.791667) / 2, 6);
    expect(report.p85).toBe(2.791667);
  });
});

describe('cumulativeFlow', () => {
  it('counts each status at the end of every calendar day', () => {
    const flow = cumulativeFlow([A, B, C], { from: '2026-01-06', to: '2026-01-08', measure: 'items' });
    expect(flow.days).toEqual(['2026-01-06', '2026-01-07', '2026-01-08']);
    expect(flow.byStatus.todo).toEqual([1, 1, 1]);
    expect(flow.byStatus.in_progress).toEqual([1, 1, 0]);
    expect(flow.byStatus.done).toEqual([0, 0, 1]);
  });
});

describe('sprintWindow', () => {
  const plan = buildPlan(
    ['# P', '', '**Start Date:** 2026-01-05', '', '## Sprint 1 (2026-01-05 to 2026-01-16)', '', '## Sprint 2 (Weeks 3-4)', '', '## Sprint 3: Hardening', ''].join('\n'),
  );
  it('reads dates from the heading, or weeks from the start date', () => {
    expect(plan.sprints.map((s) => sprintWindow(s, plan))).toEqual([
      { sprintId: 'sprint-1', name: 'Sprint 1 (2026-01-05 to 2026-01-16)', start: '2026-01-05', end: '2026-01-16', source: 'heading-dates' },
      { sprintId: 'sprint-2', name: 'Sprint 2 (Weeks 3-4)', start: '2026-01-19', end: '2026-02-01', source: 'weeks-from-start-date' },
      null,
    ]);
  });

  it('counts weeks from the Monday of the first commit without a start date', () => {
    const bare = buildPlan('## Sprint 2 (Weeks 3-4)\n\n## Sprint 3 (Weeks 5-6)\n');
    expect(sprintWindow(bare.sprints[0], bare, '2026-01-07T12:00:00Z')).toMatchObject({ start: '2026-01-19', end: '2026-02-01', source: 'weeks-from-first-commit' });
  });
});
