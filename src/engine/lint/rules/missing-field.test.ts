import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'missing-field');

const item = (n: number, deps: boolean, notes: boolean) => `### GARD-00${n}: Item ${n}
**Priority:** HIGH | **Points:** ${n}
${notes ? '\n**Technical Notes:**\n- Use cedar\n' : ''}${deps ? '\n**Dependencies:** None\n' : ''}`;

const phase = (items: string[]) => `# Garden - Backlog

## Phase 1: Beds

${items.join('\n')}
`;

describe('missing-field', () => {
  it('stays silent when siblings state the same fields', () => {
    expect(findings(phase([item(1, true, true), item(2, true, true), item(3, true, true)]))).toEqual([]);
  });

  it('stays silent with fewer than three siblings, or when two lack the field', () => {
    expect(findings(phase([item(1, false, true), item(2, true, true)]))).toEqual([]);
    expect(findings(phase([item(1, false, true), item(2, false, true), item(3, true, true), item(4, true, true)]))).toEqual([]);
  });

  it('ignores bold labels that only introduce prose (no value on the line)', () => {
    expect(findings(phase([item(1, true, false), item(2, true, true), item(3, true, true)]))).toEqual([]);
  });

  it('does not ask an open item for a status field its finished siblings state', () => {
    const withStatus = (n: number, status: string | null) =>
      `### GARD-00${n}: Item ${n}\n**Priority:** HIGH | **Points:** ${n}${status ? ` | **Status:** ${status}` : ''}\n`;
    expect(findings(phase([withStatus(1, 'Done'), withStatus(2, 'In Progress'), withStatus(3, null)]))).toEqual([]);
  });

  it('reports the one sibling that lacks a field all the others state', () => {
    const result = findings(phase([item(1, false, true), item(2, true, true), item(3, true, true)]));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 5, itemId: 'GARD-001', expected: 'Dependencies', severity: 'warning' });
    expect(result[0].message).toContain('has no Dependencies field, though the other 2');
  });
});
