import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build.js';
import { applyEdits } from './apply.js';
import { setField, type EditableField } from './field.js';

function edit(text: string, id: string, field: EditableField, value: string | number): string {
  const plan = buildPlan(text, 'plan.md');
  return applyEdits(text, setField(plan, text, id, field, value), plan.hash);
}

const backlog = [
  '# Backlog',
  '',
  '## Phase 1: Quick Wins',
  '',
  '### OPS-001: Cache builds',
  '**Priority:** HIGH | **Points:** 3 | **Effort:** 6 hours  ',
  '',
  '### OPS-002: Rotate keys',
  '**Priority:** LOW',
  '',
  '### OPS-003: Trim images',
  '**Priority:** LOW | **Points:** 1',
  '',
].join('\r\n');

const tracker = [
  '# Tracker',
  '',
  '#### TASK-001: Ship it',
  '- **Status**: 🟡 In Progress',
  '- **Assignee**: Priya',
  '- **Story Points**: 5',
  '',
  '#### TASK-002: Guard it',
  '- **Status**: 📋 Todo',
  '',
].join('\n');

describe('setField', () => {
  it('rewrites only the number of an estimate, keeping its unit and the line around it', () => {
    expect(edit(backlog, 'OPS-001', 'hours', 8)).toBe(backlog.replace('6 hours  ', '8 hours  '));
    expect(edit(backlog, 'OPS-001', 'points', '5')).toBe(backlog.replace('**Points:** 3', '**Points:** 5'));
    expect(edit(backlog, 'OPS-001', 'points', 0.5)).toBe(backlog.replace('**Points:** 3', '**Points:** 0.5'));
  });

  it('appends a missing field to a `|`-separated line', () => {
    expect(edit(backlog, 'OPS-003', 'hours', 2)).toBe(backlog.replace('**Points:** 1', '**Points:** 1 | **Effort:** 2 hours'));
  });

  it('adds a missing field on a new line, labelled and shaped the way the plan writes it', () => {
    expect(edit(backlog, 'OPS-002', 'points', 2)).toBe(backlog.replace('**Priority:** LOW', '**Priority:** LOW\r\n**Points:** 2'));
    expect(edit(backlog, 'OPS-002', 'hours', 4)).toBe(backlog.replace('**Priority:** LOW', '**Priority:** LOW\r\n**Effort:** 4 hours'));
  });

  it('rewrites and adds bullet fields', () => {
    expect(edit(tracker, 'TASK-001', 'assignee', 'Marco Rossi')).toBe(tracker.replace('Priya', 'Marco Rossi'));
    expect(edit(tracker, 'TASK-002', 'assignee', 'Ana')).toBe(tracker.replace('- **Status**: 📋 Todo', '- **Status**: 📋 Todo\n- **Assignee**: Ana'));
    expect(edit(tracker, 'TASK-002', 'points', 3)).toBe(tracker.replace('- **Status**: 📋 Todo', '- **Status**: 📋 Todo\n- **Story Points**: 3'));
  });

  it('reads back as the new value', () => {
    const after = edit(tracker, 'TASK-002', 'points', 3);
    const item = buildPlan(after, 'plan.md').items.find((candidate) => candidate.id === 'TASK-002');
    expect(item?.points).toBe(3);
    const moved = buildPlan(edit(backlog, 'OPS-001', 'hours', 10), 'plan.md').items.find((candidate) => candidate.id === 'OPS-001');
    expect(moved?.hours).toBe(10);
  });

  it('refuses bad values', () => {
    const plan = buildPlan(tracker, 'plan.md');
    expect(() => setField(plan, tracker, 'TASK-001', 'points', -1)).toThrowError(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => setField(plan, tracker, 'TASK-001', 'hours', 'soon')).toThrowError(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => setField(plan, tracker, 'TASK-001', 'assignee', 'a\nb')).toThrowError(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => setField(plan, tracker, 'TASK-009', 'assignee', 'Ana')).toThrowError(expect.objectContaining({ code: 'unknown_id' }));
  });

  it('makes no edit when the value is already written', () => {
    const plan = buildPlan(tracker, 'plan.md');
    expect(setField(plan, tracker, 'TASK-001', 'points', 5).edits).toEqual([]);
  });
});
