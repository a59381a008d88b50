import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../engine/build.js';
import { labelWord, quote, writePlanMarkdown } from './markdown.js';
import type { ConvertedTask } from './model.js';

function task(id: string, extra: Partial<ConvertedTask> = {}): ConvertedTask {
  return { id, sourceId: id, title: `Title of ${id}`, status: 'todo', labels: [], dependsOn: [], notes: [], acceptance: [], subtasks: [], ...extra };
}

describe('writePlanMarkdown', () => {
  it('writes a subtask 300 levels deep without recursing, and the engine reads every level back', () => {
    const root = task('TASK-1');
    let current = root;
    let id = 'TASK-1';
    for (let depth = 0; depth < 300; depth++) {
      id = `${id}.1`;
      const child = task(id);
      current.subtasks.push(child);
      current = child;
    }
    const markdown = writePlanMarkdown({ title: 'Deep', origin: 'Made by hand.', groups: [{ epicId: null, title: 'Tasks', tasks: [root] }], warnings: [] });
    const plan = buildPlan(markdown);
    expect(plan.items).toHaveLength(301);
    expect(plan.items[300].id).toBe(id);
    expect(plan.items[300].parent).toBe(plan.items[299].id);
  });

  it('quotes prose so that headings, boxes and fields in it are not read', () => {
    const markdown = writePlanMarkdown({
      title: 'P',
      origin: 'o',
      groups: [{ epicId: null, title: 'Tasks', tasks: [task('TASK-1', { notes: [{ label: null, text: '## Heading\n- [ ] box\n**Status:** Done\n```\nopen fence' }] })] }],
      warnings: [],
    });
    const plan = buildPlan(markdown);
    expect(plan.items.map((item) => [item.id, item.status])).toEqual([['TASK-1', 'todo']]);
  });

  it('keeps titles and field values on one line, without bold markers or field separators', () => {
    const markdown = writePlanMarkdown({
      title: 'P',
      origin: 'o',
      groups: [{ epicId: null, title: 'Tasks', tasks: [task('TASK-1', { title: 'Two\nlines **bold**', assignee: 'a | **b**' })] }],
      warnings: [],
    });
    expect(markdown).toContain('### TASK-1: Two lines bold\n');
    const item = buildPlan(markdown).items[0];
    expect(item.title).toBe('Two lines bold');
    expect(item.assignee).toBe('a / b');
  });
});

describe('titles', () => {
  it('an empty title is written as "(no title)", in a heading and in a subtask', () => {
    const markdown = writePlanMarkdown({
      title: 'P',
      origin: 'o',
      groups: [{ epicId: null, title: 'Tasks', tasks: [task('TASK-1', { title: '  ', subtasks: [task('TASK-1.1', { title: '' })] })] }],
      warnings: [],
    });
    expect(buildPlan(markdown).items.map((item) => [item.id, item.title])).toEqual([
      ['TASK-1', '(no title)'],
      ['TASK-1.1', '(no title)'],
    ]);
  });
});

describe('quote and labelWord', () => {
  it('quotes blank lines as a bare >, under an indent', () => {
    expect(quote('a\n\nb  \r\n', '  ')).toEqual(['  > a', '  >', '  > b']);
  });

  it('joins a label\'s words with dashes', () => {
    expect(labelWord('good first issue')).toBe('good-first-issue');
    expect(labelWord('a,b')).toBe('a-b');
  });
});
