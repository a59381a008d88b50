import { describe, expect, it } from 'vitest';
import { buildPlan } from '../engine/build.js';
import { indexPlan } from '../engine/model.js';
import { csvField, jiraPriority, jiraRows, toJiraCsv } from './export.js';

function rows(markdown: string) {
  const plan = buildPlan(markdown, 'plan.md');
  return jiraRows(plan, indexPlan(plan)).map((row) => [row.item.id, row.issueId, row.type, row.parent, row.blockedBy]);
}

describe('csvField', () => {
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('')).toBe('');
  });
});

describe('jiraPriority', () => {
  it('maps the words plans use to Jira\'s five priorities', () => {
    expect(['Critical', 'P0', 'HIGH', 'P1', 'Medium', 'normal', 'Low', 'P3', 'P4', 'trivial', 'Must Have', 'whenever', undefined].map(jiraPriority)).toEqual([
      'Highest',
      'Highest',
      'High',
      'High',
      'Medium',
      'Medium',
      'Low',
      'Low',
      'Lowest',
      'Lowest',
      'Highest',
      '',
      '',
    ]);
  });
});

describe('jiraRows', () => {
  it('makes phases epics, their tasks standard issues and nested tasks sub-tasks, parents first', () => {
    const markdown = ['# P', '', '## Phase 1: Build', '', '- [ ] 1. Frame', '  - [ ] 1.1 Walls', '    - [ ] 1.1.1 Paint', '- [ ] 2. Roof (depends on 1)', ''].join('\n');
    expect(rows(markdown)).toEqual([
      ['phase-1', 1, 'Epic', null, []],
      ['1', 2, 'Task', 1, []],
      ['2', 3, 'Task', 1, [2]],
      ['1.1', 4, 'Sub-task', 2, []],
      ['1.1.1', 5, 'Sub-task', 2, []],
    ]);
  });

  it('a plan without epics has standard issues only, and checks are never rows', () => {
    const markdown = ['# P', '', '### US-1: Story', '**Points:** 3', '', '**Acceptance Criteria:**', '- [ ] It works', ''].join('\n');
    expect(rows(markdown)).toEqual([['US-1', 1, 'Story', null, []]]);
    const plan = buildPlan(markdown, 'plan.md');
    const csv = toJiraCsv(plan, indexPlan(plan));
    expect(csv.split('\r\n')[0]).toBe('Issue Id,Issue Type,Summary,Status,Resolution,Priority,Story Points,Assignee,Epic Name,Epic Link,Parent,Parent Id,Description');
    expect(csv.split('\r\n')[1]).toBe('1,Story,Story,To Do,,,3,,,,,,"Plan id: US-1\nPlan: plan.md line 3\n\nAcceptance criteria:\n- [ ] It works"');
  });
});
