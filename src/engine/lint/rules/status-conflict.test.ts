import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'status-conflict');

const tracker = (status: string, second: string) => `# Tracker

#### TASK-001: Ship the release
- **Status**: ${status}
- **Story Points**: 3

**Acceptance Criteria**:
- [x] The build is green
- [${second}] The notes are published
`;

const checklist = (box: string, status: string) => `# Tasks

- [${box}] 1. Deploy the service
  - **Status**: ${status}
- [ ] 2. Announce the window
`;

describe('status-conflict', () => {
  it('stays silent when a done item has every check done, or an open item has some open', () => {
    expect(findings(tracker('Done', 'x'))).toEqual([]);
    expect(findings(tracker('In Progress', ' '))).toEqual([]);
  });

  it('stays silent when checkbox and status field agree', () => {
    expect(findings(checklist('x', 'Done'))).toEqual([]);
    expect(findings(checklist(' ', 'In Progress'))).toEqual([]);
    expect(findings(checklist(' ', 'Todo'))).toEqual([]);
  });

  it('reports a done item with open checks, naming the first', () => {
    const result = findings(tracker('✅ Done', ' '));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 3, itemId: 'TASK-001', expected: 0, actual: 1, severity: 'warning' });
    expect(result[0].message).toContain('1 of its 2 checks is still open: "The notes are published"');
    expect(result[0].message).toContain('on line 9');
  });

  it('reports a ticked checkbox beside a status field that is not done, and the reverse', () => {
    const ticked = findings(checklist('x', 'In Progress'));
    expect(ticked).toHaveLength(1);
    expect(ticked[0]).toMatchObject({ line: 3, itemId: '1', expected: 'in_progress', actual: 'done' });
    expect(ticked[0].message).toBe('1 "Deploy the service" has checkbox [x] (done), but its Status field says "In Progress" (in progress).');
    expect(findings(checklist(' ', 'Done'))).toHaveLength(1);
  });
});
