// Conformance on real plans written by other teams (../shared/corpus). The facts asserted here
// were counted by hand from the documents. Skips, saying so, where the corpus is not present.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../src/engine/build.js';
import { analyzePlan, measureTotal } from '../src/engine/analyze/index.js';
import { indexPlan, type Item, type Plan } from '../src/engine/model.js';

const corpusDir = join(import.meta.dirname, '../../shared/corpus');
const present = existsSync(corpusDir);
if (!present) console.warn(`corpus tests skipped: ${corpusDir} does not exist`);

const load = (prefix: string): Plan => {
  const name = readdirSync(corpusDir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no corpus file starting with ${prefix}`);
  return buildPlan(readFileSync(join(corpusDir, name), 'utf8'), name);
};

const item = (plan: Plan, id: string): Item => {
  const found = plan.items.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

const depIds = (target: Item): string[] => [...new Set(target.deps.flatMap((ref) => ref.ids))].sort();

describe.skipIf(!present)('corpus conformance', () => {
  it('000 checklist outline: 687 items, 61 done, nesting kept', () => {
    const plan = load('000_');
    const boxes = plan.items.filter((candidate) => candidate.checkbox);
    expect(boxes).toHaveLength(687);
    expect(boxes.filter((candidate) => candidate.status === 'done')).toHaveLength(61);
    const governance = plan.items.find((candidate) => candidate.title === 'Set up repository governance')!;
    expect(governance.status).toBe('done');
    expect(governance.children.map((id) => item(plan, id).status)).toEqual(['todo', 'done', 'done', 'done']);
    expect(plan.items.filter((candidate) => candidate.kind === 'phase')).toHaveLength(10);
  });

  it('001 tracker: statuses, points and blockers through mojibake', () => {
    const plan = load('001_');
    const tasks = plan.items.filter((candidate) => /^TASK-\d+$/.test(candidate.id));
    expect(tasks.map((task) => task.id)).toEqual(['TASK-001', 'TASK-002', 'TASK-003', 'TASK-004', 'TASK-005', 'TASK-006']);
    expect(tasks.map((task) => task.status)).toEqual(['in_progress', 'todo', 'todo', 'todo', 'deferred', 'deferred']);
    expect(tasks.map((task) => task.points)).toEqual([8, 5, 8, 13, 5, 8]);
    expect(depIds(item(plan, 'TASK-002'))).toEqual(['TASK-001']);
    expect(depIds(item(plan, 'TASK-001'))).toEqual([]);
  });

  it('002 agile breakdown: 4 epics, 29 stories, 411 points', () => {
    const plan = load('002_');
    const index = indexPlan(plan);
    expect(plan.items.filter((candidate) => candidate.kind === 'epic').map((epic) => epic.id)).toEqual(['EPIC-001', 'EPIC-002', 'EPIC-003', 'EPIC-004']);
    const stories = plan.items.filter((candidate) => candidate.kind === 'story');
    expect(stories.map((story) => story.id)).toEqual(Array.from({ length: 29 }, (_, i) => `US-${String(i + 1).padStart(3, '0')}`));
    expect(stories.reduce((sum, story) => sum + (story.points ?? 0), 0)).toBe(411);
    expect(measureTotal(plan, index, ['EPIC-001', 'EPIC-002', 'EPIC-003', 'EPIC-004'], 'points')).toBe(411);
    expect(depIds(item(plan, 'US-010'))).toEqual(['US-009']);
    expect(plan.sprints).toHaveLength(8);
    expect(plan.velocityHistory.map((entry) => entry.completed)).toEqual([82, 68, 78, 63, 73, 74, 83, 69]);
  });

  it('003 spec-kit: 87 tasks all done, 22 parallel, stories tagged, nothing next', () => {
    const plan = load('003_');
    const tasks = plan.items.filter((candidate) => /^T\d{3}$/.test(candidate.id));
    expect(tasks).toHaveLength(87);
    expect(tasks[0].id).toBe('T001');
    expect(tasks[86].id).toBe('T087');
    expect(tasks.every((task) => task.status === 'done')).toBe(true);
    expect(tasks.filter((task) => task.tags.includes('P'))).toHaveLength(22);
    const tagged = (tag: string): number => tasks.filter((task) => task.tags.includes(tag)).length;
    expect([tagged('US1'), tagged('US2'), tagged('US3'), tagged('US4')]).toEqual([33, 12, 9, 9]);
    expect(depIds(item(plan, 'US2'))).toEqual(['US1']);
    expect(analyzePlan(plan, { seed: 1 }).next).toEqual([]);
  });

  it('004 backlog: 32 items, 108 points, dependencies and groups', () => {
    const plan = load('004_');
    const backlog = plan.items.filter((candidate) => /^DEVOPS-\d+$/.test(candidate.id));
    expect(backlog.map((entry) => entry.id)).toEqual(Array.from({ length: 32 }, (_, i) => `DEVOPS-${String(i + 1).padStart(3, '0')}`));
    expect(backlog.reduce((sum, entry) => sum + (entry.points ?? 0), 0)).toBe(108);
    expect(depIds(item(plan, 'DEVOPS-006'))).toEqual(['DEVOPS-004', 'DEVOPS-005']);
    const phase2 = backlog.filter((entry) => entry.parent === 'phase-2').map((entry) => entry.id);
    expect(phase2).toHaveLength(10);
    expect(depIds(item(plan, 'DEVOPS-018'))).toEqual(phase2.filter((id) => id !== 'DEVOPS-018'));
    expect(item(plan, 'DEVOPS-018').deps[0].group).toBe('All Phase 2 items');
  });
});
