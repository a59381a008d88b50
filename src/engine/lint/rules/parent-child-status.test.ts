import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../build.js';
import { lintPlan } from '../index.js';

const findings = (text: string) => lintPlan(buildPlan(text)).filter((f) => f.rule === 'parent-child-status');

const outline = (parent: string, children: [string, string, string]) => `# Garden Tasks

## Phase 1: Beds (Sprint 1)

### 1.1 Raised beds
- [${parent}] Build the beds
  - [${children[0]}] Cut the boards
  - [${children[1]}] Screw the frames
  - [${children[2]}] Line the bottoms
- [ ] Order soil
`;

describe('parent-child-status', () => {
  it('stays silent when parent and children agree', () => {
    expect(findings(outline('x', ['x', 'x', 'x']))).toEqual([]);
    expect(findings(outline(' ', ['x', ' ', ' ']))).toEqual([]);
    expect(findings(outline(' ', [' ', ' ', ' ']))).toEqual([]);
  });

  it('reports a checked parent with an unchecked child, once for the parent', () => {
    const result = findings(outline('x', ['x', ' ', ' ']));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 6, severity: 'warning', itemId: '1.1.1', expected: 0, actual: 2 });
    expect(result[0].message).toBe(
      '1.1.1 "Build the beds" is marked done, but 2 of its 3 child items are still open: 1.1.1.2 "Screw the frames" (line 8, todo) and 1 more.',
    );
  });

  it('notes (info) an unchecked parent whose children are all checked', () => {
    const result = findings(outline(' ', ['x', 'x', 'x']));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ line: 6, severity: 'info', itemId: '1.1.1' });
  });

  it('leaves checks (acceptance criteria) to status-conflict', () => {
    const tracker = `# Tracker

#### TASK-001: Ship it
- **Status**: Done
- **Story Points**: 3

**Acceptance Criteria**:
- [ ] It works
`;
    expect(findings(tracker)).toEqual([]);
  });
});
