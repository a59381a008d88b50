import { describe, expect, it } from 'vitest';
import type { BacklogFile } from './backlog-md.js';
import { compareIds, fromBacklogFiles, normaliseId } from './backlog-md.js';
import { allTasks } from './model.js';

function file(name: string, frontmatter: string, body = '', folder: BacklogFile['folder'] = 'tasks'): BacklogFile {
  return { path: `backlog/${folder}/${name}`, folder, text: `---\n${frontmatter}\n---\n${body}` };
}

describe('normaliseId and compareIds', () => {
  it('upper-cases the prefix and keeps dotted subtask numbers', () => {
    expect(normaliseId('task-12')).toBe('TASK-12');
    expect(normaliseId('task-12.1')).toBe('TASK-12.1');
    expect(normaliseId('7')).toBe('TASK-7');
    expect(normaliseId('not an id')).toBeNull();
  });

  it('orders by number, not by text', () => {
    expect(['TASK-10', 'TASK-2.1', 'TASK-2', 'TASK-1'].sort(compareIds)).toEqual(['TASK-1', 'TASK-2', 'TASK-2.1', 'TASK-10']);
  });
});

describe('fromBacklogFiles', () => {
  it('takes id and title from the file name when the frontmatter lacks them', () => {
    const plan = fromBacklogFiles({ root: 'backlog', archived: 0, files: [file('task-3 - Paint the dock.md', 'status: Done')] });
    expect(allTasks(plan).map((task) => [task.id, task.title, task.status])).toEqual([['TASK-3', 'Paint the dock', 'done']]);
  });

  it('nests subtasks at any depth under their parents, from parent_task_id or the dotted id', () => {
    const plan = fromBacklogFiles({
      root: 'backlog',
      archived: 0,
      files: [
        file('task-1 - A.md', 'id: task-1\ntitle: A'),
        file('task-1.1 - B.md', 'id: task-1.1\ntitle: B'),
        file('task-1.1.1 - C.md', 'id: task-1.1.1\ntitle: C\nparent_task_id: task-1.1'),
      ],
    });
    const top = plan.groups[0].tasks;
    expect(top.map((task) => task.id)).toEqual(['TASK-1']);
    expect(top[0].subtasks.map((task) => task.id)).toEqual(['TASK-1.1']);
    expect(top[0].subtasks[0].subtasks.map((task) => task.id)).toEqual(['TASK-1.1.1']);
  });

  it('reads numbered and plain acceptance criteria, and keeps other sections as notes', () => {
    const plan = fromBacklogFiles({
      root: 'backlog',
      archived: 0,
      files: [file('task-1 - A.md', 'id: task-1\ntitle: A', '\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n- [ ] #1 First\n- [x] Second\n<!-- AC:END -->\n\n## Implementation Plan\n\n1. Do it\n')],
    });
    const task = plan.groups[0].tasks[0];
    expect(task.acceptance).toEqual([
      { done: false, text: 'First' },
      { done: true, text: 'Second' },
    ]);
    expect(task.notes).toEqual([{ label: 'Implementation Plan', text: '1. Do it' }]);
  });

  it('refuses a subtask whose parent is missing, with the fix', () => {
    expect(() => fromBacklogFiles({ root: 'backlog', archived: 0, files: [file('task-4.1 - X.md', 'id: task-4.1\ntitle: X')] })).toThrow(
      'backlog/tasks/task-4.1 - X.md:2: TASK-4.1 is a subtask of TASK-4, which is not in backlog (archived or deleted?).',
    );
  });

  it('refuses a file without frontmatter, naming the file', () => {
    expect(() => fromBacklogFiles({ root: 'backlog', archived: 0, files: [{ path: 'backlog/tasks/t.md', folder: 'tasks', text: '# just text' }] })).toThrow(
      'backlog/tasks/t.md:1: no YAML frontmatter.',
    );
  });

  it('refuses two files with the same id', () => {
    expect(() => fromBacklogFiles({ root: 'backlog', archived: 0, files: [file('a.md', 'id: task-1\ntitle: A'), file('b.md', 'id: TASK-1\ntitle: B')] })).toThrow(
      'backlog/tasks/b.md:2: id TASK-1 is also used by backlog/tasks/a.md.',
    );
  });
});
