import { describe, expect, it } from 'vitest';
import { ScrumdownError } from '../../errors.js';
import { allTasks } from './model.js';
import { fromTaskmaster, looksLikeTaskmaster } from './taskmaster.js';

function failure(run: () => unknown): ScrumdownError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScrumdownError);
    return error as ScrumdownError;
  }
  throw new Error('expected a ScrumdownError');
}

describe('fromTaskmaster', () => {
  it('maps every Taskmaster status and capitalises priorities', () => {
    const words = ['pending', 'in-progress', 'review', 'done', 'blocked', 'deferred', 'cancelled'];
    const plan = fromTaskmaster('t.json', { tasks: words.map((status, i) => ({ id: i + 1, title: status, status, priority: 'high' })) });
    expect(plan.groups[0].tasks.map((task) => task.status)).toEqual(['todo', 'in_progress', 'review', 'done', 'blocked', 'deferred', 'cancelled']);
    expect(plan.groups[0].tasks[0].priority).toBe('High');
    expect(plan.warnings).toEqual([]);
  });

  it('reads a plain number in a subtask as a sibling first, then as a top-level task', () => {
    const plan = fromTaskmaster('t.json', {
      tasks: [
        { id: 1, title: 'one' },
        {
          id: 2,
          title: 'two',
          dependencies: ['1.1'],
          subtasks: [
            { id: 1, title: 'a' },
            { id: 2, title: 'b', dependencies: [1, 3] },
          ],
        },
        { id: 3, title: 'three' },
      ],
    });
    const byId = new Map(allTasks(plan).map((task) => [task.id, task]));
    // 1 is the sibling TASK-2.1; 3 has no sibling, so it is task 3.
    expect(byId.get('TASK-2.2')?.dependsOn).toEqual(['TASK-2.1', 'TASK-3']);
    // "1.1" names subtask 1 of task 1, which does not exist.
    expect(byId.get('TASK-2')?.dependsOn).toEqual([]);
    expect(plan.warnings).toEqual(['TASK-2 depends on 1.1, which t.json does not have; the dependency is left out.']);
  });

  it('warns about an unknown status and writes it as To Do', () => {
    const plan = fromTaskmaster('t.json', { tasks: [{ id: 1, title: 'x', status: 'someday-maybe' }] });
    expect(plan.groups[0].tasks[0].status).toBe('todo');
    expect(plan.warnings[0]).toContain('status "someday-maybe"');
  });

  it('picks master, the only tag, or the tag asked for; refuses an ambiguous file', () => {
    const tagged = { master: { tasks: [{ id: 1, title: 'm' }] }, other: { tasks: [{ id: 1, title: 'o' }] } };
    expect(fromTaskmaster('t.json', tagged).groups[0].tasks[0].title).toBe('m');
    expect(fromTaskmaster('t.json', tagged, { tag: 'other' }).groups[0].tasks[0].title).toBe('o');
    expect(fromTaskmaster('t.json', { feature: { tasks: [{ id: 1, title: 'f' }] } }).groups[0].tasks[0].title).toBe('f');
    expect(failure(() => fromTaskmaster('t.json', { a: { tasks: [] }, b: { tasks: [] } })).message).toBe('t.json has several tags and none is "master": a, b. Choose one with --tag.');
    expect(failure(() => fromTaskmaster('t.json', tagged, { tag: 'nope' })).message).toBe('t.json has no tag "nope". Its tags: master, other.');
  });

  it('names the JSON path of a bad field and of a repeated id', () => {
    const bad = failure(() => fromTaskmaster('t.json', { master: { tasks: [{ id: 1, title: 'a', subtasks: [{ id: 1 }] }] } }));
    expect(bad.code).toBe('unsupported_format');
    expect(bad.message).toMatch(/^t\.json: \$\.master\.tasks\[0\]\.subtasks\[0\]\.title: expected string, received undefined/);
    const repeated = failure(() => fromTaskmaster('t.json', { tasks: [{ id: 4, title: 'a' }, { id: '4', title: 'b' }] }));
    expect(repeated.message).toBe('t.json: $.tasks[1].id: task id 4 is used twice (also at $.tasks[0].id). Give each task its own id.');
  });

  it('recognises both layouts and nothing else', () => {
    expect(looksLikeTaskmaster({ tasks: [] })).toBe(true);
    expect(looksLikeTaskmaster({ master: { tasks: [] } })).toBe(true);
    expect(looksLikeTaskmaster([{ number: 1 }])).toBe(false);
    expect(looksLikeTaskmaster({ tasks: 'no' })).toBe(false);
  });
});
