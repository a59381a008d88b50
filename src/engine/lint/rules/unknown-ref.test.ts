import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';
import { saysNone } from './unknown-ref.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'unknown-ref');

const backlog = (deps: string) => `# Garden - Backlog

## Phase 1: Beds

### GARD-001: Build the raised beds
**Priority:** HIGH | **Points:** 5

**Dependencies:** None currently

### GARD-002: Fill the beds with soil
**Priority:** HIGH | **Points:** 3

**Dependencies:** ${deps}
`;

describe('unknown-ref', () => {
  it('stays silent for resolved ids, "None" and groups with members', () => {
    expect(findings(backlog('GARD-001'))).toEqual([]);
    expect(findings(backlog('None'))).toEqual([]);
    expect(findings(backlog('All Phase 1 items'))).toEqual([]);
  });

  it('reports an id that matches no item, naming it', () => {
    const result = findings(backlog('GARD-001, GARD-099'));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 13, itemId: 'GARD-002', actual: 'GARD-099', severity: 'warning' });
    expect(result[0].message).toBe('GARD-002 depends on "GARD-001, GARD-099", but "GARD-099" matches no item in the plan.');
  });

  it('recognises the ways plans write "no dependency"', () => {
    for (const raw of ['None', 'none currently', 'N/A', '-', '—', '', 'No dependencies']) expect(saysNone(raw)).toBe(true);
    for (const raw of ['GARD-099', 'the billing service']) expect(saysNone(raw)).toBe(false);
  });
});
