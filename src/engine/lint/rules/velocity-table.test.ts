import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'velocity-table');

const table = (rows: string[], total: string) => `# Velocity

| Sprint | Planned Points | Completed Points | Velocity | Completion Rate |
|--------|----------------|------------------|----------|-----------------|
${rows.join('\n')}
${total}
`;

const good = ['| Sprint 1 | 40 | 38 | 38 | 95% |', '| Sprint 2 | 30 | 29 | 29 | 97% |', '| Sprint 3 | 35 | 34 | 34 | 97% |'];

describe('velocity-table', () => {
  it('stays silent on a correct table (sums, rounded average, rates within a point)', () => {
    // 101 / 3 = 33.67 -> 34 avg; 101 / 105 = 96.2%; 29 / 30 = 96.7% written 97%.
    expect(findings(table(good, '| **Total** | **105** | **101** | **34 avg** | **96%** |'))).toEqual([]);
  });

  it('reports a Total cell that is not the sum of the rows', () => {
    const result = findings(table(good, '| **Total** | **105** | **100** | **34 avg** | **96%** |'));
    expect(result.map((f) => [f.line, f.expected, f.actual])).toEqual([[8, 100, 101]]);
    expect(result[0].message).toContain('Completed Points total is written as 100, but the 3 sprints above add up to 101');
  });

  it('reports an avg cell that is not the average', () => {
    const result = findings(table(good, '| **Total** | **105** | **101** | **36 avg** | **96%** |'));
    expect(result.map((f) => [f.line, f.expected, f.actual])).toEqual([[8, 36, 33.67]]);
  });

  it('reports a completion rate that is not completed / planned', () => {
    const rows = [...good];
    rows[1] = '| Sprint 2 | 30 | 29 | 29 | 90% |';
    const result = findings(table(rows, ''));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 6, expected: 90, actual: 96.7, severity: 'warning' });
    expect(result[0].message).toBe('Sprint 2: Completion Rate is written as 90%, but 29 of 30 planned points is 96.7%.');
  });
});
