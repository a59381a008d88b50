// The builder on the project's own fixtures, one per dialect, with answers worked out by hand.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from './build.js';
import type { Item, Plan } from './model.js';

const fixture = (name: string): Plan => {
  const path = join(import.meta.dirname, '../../test/fixtures', name);
  return buildPlan(readFileSync(path, 'utf8'), path);
};

const byId = (plan: Plan, id: string): Item => {
  const item = plan.items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item ${id}; ids: ${plan.items.map((i) => i.id).join(', ')}`);
  return item;
};

const depIds = (item: Item): string[] => [...new Set(item.deps.flatMap((ref) => ref.ids))];

describe('checklist outline', () => {
  const plan = fixture('checklist.md');

  it('reads nested checkboxes under phases with outline-derived ids', () => {
    const boxes = plan.items.filter((item) => item.checkbox);
    expect(boxes).toHaveLength(15);
    expect(boxes.filter((item) => item.status === 'done').map((item) => item.id)).toEqual(['1.1.1', '1.1.1.1', '1.1.1.2', '1.1.2', '1.1.2.1', '1.1.3.1']);
    expect(byId(plan, '1.1.2.2')).toMatchObject({ parent: '1.1.2', kind: 'subtask', title: 'Tamp the gravel layer', status: 'todo' });
    // Four-space and tab nesting both make children.
    expect(byId(plan, '1.1.3').children).toEqual(['1.1.3.1', '1.1.3.2']);
    expect(byId(plan, '2.1.1').children).toEqual(['2.1.1.1', '2.1.1.2']);
  });

  it('makes phase headings items whose status rolls up', () => {
    expect(byId(plan, 'phase-1')).toMatchObject({ kind: 'phase', status: 'in_progress', statusSource: 'rollup', parent: null });
    expect(byId(plan, 'phase-2')).toMatchObject({ status: 'todo', aliases: ['PHASE 2'] });
    expect(byId(plan, 'phase-1').fields.sprint.value).toBe('Sprint 1');
  });

  it('never reads code fences, blockquotes, tables or plain bullets as tasks', () => {
    const titles = plan.items.map((item) => item.title);
    expect(titles.some((title) => /example inside|quoted checkbox|not a task|gloves/.test(title))).toBe(false);
    expect(plan.tables).toHaveLength(1);
  });
});

describe('spec-kit tasks', () => {
  const plan = fixture('spec-kit.md');

  it('reads T-ids, [P] and [USn] tags, and user-story phases', () => {
    expect(plan.items.filter((item) => /^T\d+$/.test(item.id))).toHaveLength(11);
    expect(plan.items.filter((item) => item.tags.includes('P')).map((item) => item.id)).toEqual(['T002', 'T003', 'T006', 'T007', 'T010']);
    expect(byId(plan, 'US1')).toMatchObject({ kind: 'story', priority: 'P1', aliases: ['PHASE 3'] });
    expect(byId(plan, 'T008').parent).toBe('US1');
    expect(byId(plan, 'T001').status).toBe('done');
  });

  it('reads inline and prose dependencies', () => {
    expect(depIds(byId(plan, 'T005'))).toEqual(['T004']);
    expect(depIds(byId(plan, 'T008'))).toEqual(['T006', 'T007']);
    // "Independent Test" is spec-kit's acceptance criterion for a story.
    expect(byId(plan, 'US1').hasAcceptance).toBe(true);
    expect(byId(plan, 'US2').hasAcceptance).toBe(false);
    expect(depIds(byId(plan, 'phase-2'))).toEqual(['phase-1']);
    expect(depIds(byId(plan, 'US1'))).toEqual(['phase-2']);
    expect(depIds(byId(plan, 'US2'))).toEqual(['US1']);
  });
});

describe('Kiro tasks', () => {
  const plan = fixture('kiro.md');

  it('reads numbered tasks, in-progress boxes and the optional marker', () => {
    expect(plan.items.map((item) => item.id)).toEqual(['1', '2', '2.1', '2.2', '2.3', '3', '3.1', '3.2', '4']);
    expect(byId(plan, '2')).toMatchObject({ status: 'in_progress', statusSource: 'checkbox' });
    expect(byId(plan, '3.2').status).toBe('in_progress');
    expect(byId(plan, '2.3').tags).toEqual(['optional']);
    expect(byId(plan, '2.3').checkbox?.optional).toBe(true);
  });

  it('reads _Requirements_ and _Depends_ detail lines', () => {
    expect(byId(plan, '2.1').fields.requirements.value).toBe('2.1, 2.2');
    expect(depIds(byId(plan, '2.2'))).toEqual(['2.1']);
    expect(depIds(byId(plan, '3.1'))).toEqual(['2.2']);
    expect(depIds(byId(plan, '4'))).toEqual(['3']);
  });
});

describe('backlog items', () => {
  const plan = fixture('backlog.md');

  it('reads ids from headings and several fields from one line', () => {
    expect(byId(plan, 'BILL-002')).toMatchObject({ kind: 'story', priority: 'MEDIUM', points: 5, hours: 8, parent: 'phase-1' });
    const stories = plan.items.filter((item) => item.kind === 'story');
    expect(stories.map((item) => item.points)).toEqual([3, 5, 2, 8, 3, 2]);
  });

  it('rolls a heading item up from its acceptance checks', () => {
    expect(byId(plan, 'BILL-001')).toMatchObject({ status: 'done', statusSource: 'rollup', hasAcceptance: true });
    expect(byId(plan, 'BILL-001.ac1')).toMatchObject({ kind: 'check', checklist: 'Acceptance Criteria' });
    expect(byId(plan, 'BILL-002').status).toBe('todo');
  });

  it('resolves lists, groups, and keeps unknown references', () => {
    expect(depIds(byId(plan, 'BILL-003'))).toEqual(['BILL-001', 'BILL-002']);
    expect(depIds(byId(plan, 'BILL-004'))).toEqual(['phase-1']);
    expect(depIds(byId(plan, 'BILL-006'))).toEqual(['BILL-004', 'BILL-005']);
    expect(byId(plan, 'BILL-005').deps[0]).toMatchObject({ ids: ['BILL-004'], unresolved: ['BILL-099'] });
    expect(byId(plan, 'BILL-001').deps).toEqual([]);
  });

  it('keeps the totals and summaries the document states', () => {
    const totals = plan.declaredTotals.map((total) => [total.line, total.value, total.approximate, total.scope.type]);
    expect(totals).toContainEqual([4, 25, true, 'section']);
    expect(totals).toContainEqual([8, 10, false, 'item']);
    expect(totals).toContainEqual([42, 15, false, 'item']);
    expect(plan.summaries).toEqual([
      { line: 77, field: 'priority', value: 'High', ids: ['BILL-001', 'BILL-004'] },
      { line: 82, field: 'priority', value: 'Low', ids: ['BILL-003', 'BILL-005'] },
    ]);
  });
});

describe('tracker items', () => {
  const plan = fixture('tracker.md');

  it('reads statuses from words, with emoji and mojibake', () => {
    const tasks = plan.items.filter((item) => item.kind === 'task');
    expect(tasks.map((item) => [item.id, item.status, item.points])).toEqual([
      ['TASK-101', 'in_progress', 5],
      ['TASK-102', 'todo', 8],
      ['TASK-103', 'done', 2],
      ['TASK-104', 'deferred', 13],
    ]);
    expect(byId(plan, 'TASK-101')).toMatchObject({ assignee: 'Priya', priority: 'High' });
    expect(byId(plan, 'TASK-101').fields.epic.value).toBe('Offline Mode');
    expect(byId(plan, 'TASK-104').priority).toBe('Low');
  });

  it('reads blockers as dependencies and checklists as checks', () => {
    expect(depIds(byId(plan, 'TASK-102'))).toEqual(['TASK-101']);
    expect(byId(plan, 'TASK-101').deps).toEqual([]);
    expect(byId(plan, 'TASK-101').children).toEqual(['TASK-101.ac1', 'TASK-101.ac2', 'TASK-101.tt1', 'TASK-101.tt2']);
  });

  it('learns how the document writes each status', () => {
    expect(plan.style.statusWords).toMatchObject({ in_progress: '🟡 In Progress', todo: 'ðŸ“‹ Todo', done: '✅ Done', deferred: '🧊 Icebox', blocked: '⛔ Blocked' });
  });

  it('reads sprint metrics as declared totals over the whole plan', () => {
    const metrics = plan.declaredTotals.filter((total) => total.line >= 71);
    expect(metrics.map((total) => [total.value, total.statuses ?? null])).toEqual([
      [15, null],
      [2, ['done']],
      [5, ['in_progress', 'review']],
    ]);
  });
});

describe('agile breakdown', () => {
  const plan = fixture('agile.md');

  it('reads epics and stories with their ids from field lines', () => {
    expect(plan.items.filter((item) => item.kind === 'epic').map((item) => [item.id, item.points])).toEqual([
      ['EPIC-001', 34],
      ['EPIC-002', 18],
    ]);
    expect(plan.items.filter((item) => item.kind === 'story').map((item) => item.id)).toEqual(['US-001', 'US-002', 'US-003', 'US-004']);
    expect(byId(plan, 'US-001').aliases).toEqual(['STORY 1.1']);
    expect(depIds(byId(plan, 'US-004'))).toEqual(['EPIC-001']);
  });

  it('reads numbered tasks with hours and roles, and subtasks', () => {
    expect(byId(plan, 'US-001.1')).toMatchObject({ kind: 'task', hours: 6, roles: ['Backend'], title: 'Integrate the camera library' });
    expect(byId(plan, 'US-001.3').roles).toEqual(['QA']);
    expect(byId(plan, 'ST-1.1.1')).toMatchObject({ kind: 'subtask', hours: 2, parent: 'US-001' });
  });

  it('keeps a numbered task id when the task carries a checkbox', () => {
    const ticked = buildPlan('### Story 1.1: X\n**Story ID:** US-001\n\n**Tasks:**\n1. [x] **Do A** (3 hrs) - Backend\n2. **Do B** (2 hrs) - QA\n');
    expect(ticked.items.map((item) => [item.id, item.status, item.hours])).toEqual([
      ['US-001', 'in_progress', undefined],
      ['US-001.1', 'done', 3],
      ['US-001.2', 'todo', 2],
    ]);
  });

  it('reads Gherkin in fences as acceptance text, never as checks', () => {
    expect(plan.items.some((item) => item.kind === 'check')).toBe(false);
    expect(byId(plan, 'US-001').hasAcceptance).toBe(true);
    expect(byId(plan, 'US-003').hasAcceptance).toBe(false);
  });

  it('reads capacity, sprints, sums, velocity and the dependency matrix', () => {
    expect(plan.roleCapacity.map((role) => [role.role, role.hoursPerWeek, role.hoursPerSprint])).toEqual([
      ['Backend Developer', 20, 40],
      ['QA Engineer', 10, 20],
    ]);
    expect(plan.sprints.map((sprint) => [sprint.id, sprint.capacityPoints?.number, sprint.velocity?.number, sprint.items])).toEqual([
      ['sprint-1', 20, 19, ['US-001', 'US-002']],
      ['sprint-2', 25, 22, ['US-003', 'US-004']],
    ]);
    expect(plan.sprints[0].commitments.map((c) => [c.points, c.hoursByRole])).toEqual([
      [13, { Backend: 14, QA: 4 }],
      [8, { Backend: 5 }],
    ]);
    expect(plan.writtenSums.map((sum) => [sum.terms, sum.total])).toEqual([
      [[6, 8, 5], 19],
      [[10, 12, 4], 25],
    ]);
    expect(plan.velocityHistory.map((entry) => [entry.planned, entry.completed])).toEqual([
      [20, 19],
      [25, 22],
    ]);
    expect(plan.matrix.map((row) => [row.itemId, row.dependsOn.ids])).toEqual([
      ['US-002', ['US-001']],
      ['US-003', ['US-001']],
      ['US-004', ['EPIC-001']],
    ]);
  });
});

describe('mixed dialects in one file', () => {
  const plan = fixture('mixed.md');

  it('reads spec-kit, backlog and Kiro items side by side', () => {
    expect(plan.items.map((item) => [item.id, item.dialect])).toEqual([
      ['phase-1', 'checklist'],
      ['T001', 'spec-kit'],
      ['T002', 'spec-kit'],
      ['REL-010', 'backlog'],
      ['REL-010.1', 'checklist'],
      ['REL-010.2', 'checklist'],
      ['phase-2', 'checklist'],
      ['1', 'kiro'],
      ['2', 'kiro'],
      ['2.1', 'kiro'],
    ]);
    expect(byId(plan, 'REL-010')).toMatchObject({ status: 'review', statusSource: 'field', points: 3 });
    expect(depIds(byId(plan, '1'))).toEqual(['T002']);
    expect(depIds(byId(plan, '2'))).toEqual(['1']);
  });
});

describe('text conventions', () => {
  it('keeps offsets right under CRLF and a byte-order mark', () => {
    const text = '\uFEFF# Plan\r\n\r\n- [ ] First\r\n- [x] Second\r\n';
    const plan = buildPlan(text);
    expect(plan.style).toMatchObject({ eol: '\r\n', bom: true });
    const second = plan.items[1];
    expect(text[second.checkbox!.offset]).toBe('x');
    expect(second.title).toBe('Second');
  });

  it('reports duplicate ids and keeps both items', () => {
    const plan = buildPlan('### ABC-1: One\n**Points:** 1\n\n### ABC-1: Two\n**Points:** 2\n');
    expect(plan.items.map((item) => item.id)).toEqual(['ABC-1', 'ABC-1~2']);
    expect(plan.findings).toMatchObject([{ rule: 'duplicate-id', severity: 'error', line: 4, itemId: 'ABC-1~2' }]);
  });

  it('keeps reading tasks after a code fence nested in a task', () => {
    const plan = buildPlan('- [ ] 1. Parser\n  - [ ] 1.1 Tokens\n    ```ts\n    - [ ] not a task\n    ```\n- [x] 2. Renderer\n');
    expect(plan.items.map((item) => [item.id, item.status])).toEqual([
      ['1', 'todo'],
      ['1.1', 'todo'],
      ['2', 'done'],
    ]);
    expect(plan.findings).toEqual([]);
  });

  it('skips task lines inside an HTML block', () => {
    const plan = buildPlan('<details>\n- [ ] hidden in raw HTML\n</details>\n\n- [ ] T001 Visible\n');
    expect(plan.items.map((item) => item.id)).toEqual(['T001']);
  });

  it('names an unterminated fence', () => {
    const plan = buildPlan('# P\n\n```\n- [ ] hidden\n');
    expect(plan.items).toEqual([]);
    expect(plan.findings[0]).toMatchObject({ rule: 'unterminated-fence', line: 3 });
  });

  it('keeps derived ids short on very deep outlines', () => {
    const deep = Array.from({ length: 60 }, (_, depth) => `${'  '.repeat(depth)}- [ ] level ${depth}`).join('\n');
    const plan = buildPlan(`## 1 Deep\n${deep}\n`);
    expect(plan.items).toHaveLength(60);
    expect(Math.max(...plan.items.map((item) => item.id.length))).toBeLessThanOrEqual(60);
    expect(new Set(plan.items.map((item) => item.id)).size).toBe(60);
    expect(plan.items[0].endLine).toBe(61);
  });

  it('builds an empty plan from empty or hostile input', () => {
    expect(buildPlan('').items).toEqual([]);
    expect(() => buildPlan('\u0000\uFFFD\uD800- [ ] x\n'.repeat(100))).not.toThrow();
  });
});
