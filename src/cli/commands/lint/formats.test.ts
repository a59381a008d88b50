import { describe, expect, it } from 'vitest';
import { toGithub } from './github.js';
import { toSarif } from './sarif.js';

describe('toGithub', () => {
  it('escapes the message and the properties', () => {
    const line = toGithub([{ rule: 'declared-total', severity: 'warning', line: 3, message: '100% off,\nreally', file: 'plans/a:b,c.md' }], 'x.md');
    expect(line).toBe('::warning file=plans/a%3Ab%2Cc.md,line=3,title=scrumdown declared-total::100%25 off,%0Areally');
  });

  it('uses notice for info and leaves out line 0', () => {
    expect(toGithub([{ rule: 'r', severity: 'info', line: 0, message: 'm' }], 'plan.md')).toBe('::notice file=plan.md,title=scrumdown r::m');
  });
});

describe('toSarif', () => {
  it('points each result at its rule and keeps the numbers as properties', () => {
    const log = toSarif(
      [{ rule: 'b', severity: 'info', line: 0, message: 'whole plan', itemId: 'X', expected: 10, actual: 8 }],
      [
        { id: 'a', severity: 'error', description: 'A' },
        { id: 'b', severity: 'info', description: 'B' },
      ],
      'docs/plan file.md',
      '1.2.3',
    ) as { runs: Array<{ tool: { driver: { version: string } }; results: Array<Record<string, unknown>> }> };
    expect(log.runs[0].tool.driver.version).toBe('1.2.3');
    expect(log.runs[0].results[0]).toEqual({
      ruleId: 'b',
      ruleIndex: 1,
      level: 'note',
      message: { text: 'whole plan' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/plan%20file.md' }, region: { startLine: 1 } } }],
      properties: { itemId: 'X', expected: 10, actual: 8 },
    });
  });
});
