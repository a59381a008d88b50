import { describe, expect, it } from 'vitest';
import { writePlanMarkdown } from './markdown.js';
import type { ConvertedPlan, ConvertedTask } from './model.js';
import { verifyReadBack } from './verify.js';

function task(id: string, extra: Partial<ConvertedTask> = {}): ConvertedTask {
  return { id, sourceId: id, title: `Title ${id}`, status: 'todo', labels: [], dependsOn: [], notes: [], acceptance: [], subtasks: [], ...extra };
}

function plan(tasks: ConvertedTask[]): ConvertedPlan {
  return { title: 'P', origin: 'o', groups: [{ epicId: 'EPIC-1', title: 'E', tasks }], warnings: [] };
}

describe('verifyReadBack', () => {
  it('finds nothing to say about a plan that reads back whole', () => {
    const converted = plan([
      task('TASK-1', { status: 'review', priority: 'High', points: 3, subtasks: [task('TASK-1.1', { status: 'blocked', dependsOn: ['TASK-2'] })] }),
      task('TASK-2', { status: 'done', dependsOn: ['TASK-1.1'] }),
    ]);
    expect(verifyReadBack(converted, writePlanMarkdown(converted))).toEqual({ missing: [], differences: [] });
  });

  it('reports a subtask title the engine reads as metadata', () => {
    const converted = plan([task('TASK-1', { subtasks: [task('TASK-1.1', { title: 'Tune the cache (2h)' })] })]);
    const { differences } = verifyReadBack(converted, writePlanMarkdown(converted));
    expect(differences).toEqual([]);
    const odd = plan([task('TASK-1', { subtasks: [task('TASK-1.1', { title: '1. First step' })] })]);
    expect(verifyReadBack(odd, writePlanMarkdown(odd)).differences).toEqual(['TASK-1.1: the title reads back as "First step", not "1. First step".']);
  });

  it('reports a task the written text lost', () => {
    const converted = plan([task('TASK-1')]);
    expect(verifyReadBack(converted, '# P\n').missing).toEqual(['TASK-1']);
  });
});
