import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'cycle');

const backlog = (firstDeps: string) => `# Garden - Backlog

### GARD-001: Build the raised beds
**Points:** 5

**Dependencies:** ${firstDeps}

### GARD-002: Fill the beds with soil
**Points:** 3

**Dependencies:** GARD-001

### GARD-003: Plant the seedlings
**Points:** 2

**Dependencies:** GARD-002
`;

describe('cycle', () => {
  it('stays silent for a chain without a loop', () => {
    expect(findings(backlog('None'))).toEqual([]);
  });

  it('reports an item that depends on itself', () => {
    const result = findings(backlog('GARD-001'));
    expect(result).toEqual([expect.objectContaining({ rule: 'cycle', severity: 'error', line: 3, itemId: 'GARD-001', message: 'GARD-001 depends on itself.' })]);
  });

  it('reports one finding per cycle, on its first item, listing the ring', () => {
    const result = findings(backlog('GARD-003'));
    expect(result).toHaveLength(1);
    const [finding] = result;
    expect(finding.severity).toBe('error');
    const ring = /cycle: (.*);/.exec(finding.message)?.[1].split(' → ') ?? [];
    expect(ring).toHaveLength(4);
    expect(new Set(ring)).toEqual(new Set(['GARD-001', 'GARD-002', 'GARD-003']));
    expect(ring[0]).toBe(ring[3]);
    expect(finding.itemId).toBe(ring[0]);
    expect(finding.line).toBe({ 'GARD-001': 3, 'GARD-002': 8, 'GARD-003': 13 }[ring[0]]);
  });
});
