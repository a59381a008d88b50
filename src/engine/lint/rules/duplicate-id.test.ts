import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan, RULES } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'duplicate-id');

const backlog = (secondId: string) => `# Garden - Backlog

### GARD-001: Build the raised beds
**Points:** 5

### ${secondId}: Fill the beds with soil
**Points:** 3
`;

describe('duplicate-id', () => {
  it('is a declared rule with error severity', () => {
    expect(RULES.find((rule) => rule.id === 'duplicate-id')).toMatchObject({ severity: 'error' });
  });

  it('stays silent when ids are unique', () => {
    expect(findings(backlog('GARD-002'))).toEqual([]);
  });

  it("reports a repeated id exactly once (the reader's finding, not a second copy)", () => {
    const result = findings(backlog('GARD-001'));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 6, severity: 'error' });
    expect(result[0].message).toContain('GARD-001');
  });
});
