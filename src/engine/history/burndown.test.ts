// The burndown's options for sprints: a frozen commitment pins the ideal line and leaves the first
// day's scope changes in their series; weekdays other than Monday to Friday choose the days.

import { describe, expect, it } from 'vitest';
import { burndown, workingDays } from './burndown.js';
import type { ItemSeries } from './types.js';

const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
const item = (key: string, points: number, states: Array<[string, 'todo' | 'done', boolean]>): ItemSeries => ({
  key,
  id: key,
  title: key,
  counted: true,
  states: states.map(([day, status, present]) => ({ at: at(day), present, status, points })),
});

describe('burndown with a frozen commitment', () => {
  // Mon 2026-11-02 to Wed 2026-11-04. A (5) there before; B (3) added on the first day; A done on the 3rd.
  const series = [item('A', 5, [['2026-10-30', 'todo', true], ['2026-11-03', 'done', true]]), item('B', 3, [['2026-11-02', 'todo', true]])];

  it('without one, the first day is planning day: B joins the commitment', () => {
    const chart = burndown(series, { from: '2026-11-02', to: '2026-11-04' });
    expect(chart.commitment).toBe(8);
    expect(chart.scopeAdded).toEqual([0, 0, 0]);
    expect(chart.ideal).toEqual([5.333333, 2.666667, 0]);
  });

  it('with one, the ideal line falls from it and B shows as added on the first day', () => {
    const chart = burndown(series, { from: '2026-11-02', to: '2026-11-04', commitment: 5 });
    expect(chart.commitment).toBe(5);
    expect(chart.scopeAdded).toEqual([3, 0, 0]);
    expect(chart.remaining).toEqual([8, 3, 3]);
    expect(chart.ideal).toEqual([3.333333, 1.666667, 0]);
  });
});

describe('workingDays with weekdays', () => {
  it('counts only the weekdays given (0 Sunday … 6 Saturday)', () => {
    // 2026-11-01 is a Sunday.
    expect(workingDays('2026-11-01', '2026-11-08', [0, 6]).length).toBe(3);
    expect(workingDays('2026-11-01', '2026-11-08', [1, 2, 3, 4]).length).toBe(4);
    expect(workingDays('2026-11-01', '2026-11-08').length).toBe(5);
  });
});
