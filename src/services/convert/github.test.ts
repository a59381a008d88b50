import { describe, expect, it } from 'vitest';
import { bodyDependencies, fromGithubIssues, readLabels } from './github.js';

describe('bodyDependencies', () => {
  it('reads "depends on" and "blocked by" lists, with or without a colon', () => {
    expect(bodyDependencies('Depends on #4\nBlocked by: #7, #9 and #12')).toEqual([4, 7, 9, 12]);
    expect(bodyDependencies('depends on #3 & #3')).toEqual([3]);
  });

  it('ignores issue numbers that are only mentioned', () => {
    expect(bodyDependencies('See #5; fixes #6; related to #7')).toEqual([]);
  });
});

describe('readLabels', () => {
  it('takes priority, points and status labels out and keeps the rest', () => {
    expect(readLabels(['bug', 'priority: critical', 'sp: 8', 'status: blocked', 'ui'])).toEqual({ priority: 'Critical', points: 8, status: 'blocked', labels: ['bug', 'ui'] });
    expect(readLabels(['P1', '2 points', 'in progress'])).toEqual({ priority: 'P1', points: 2, status: 'in_progress', labels: [] });
  });

  it('does not read ordinary words as statuses', () => {
    expect(readLabels(['good first issue', 'later-release', 'testing'])).toEqual({ labels: ['good first issue', 'later-release', 'testing'] });
  });
});

describe('fromGithubIssues', () => {
  it('leaves out pull requests and reads REST-style lower-case state', () => {
    const plan = fromGithubIssues('i.json', [
      { number: 1, title: 'issue', state: 'closed', state_reason: 'completed' },
      { number: 2, title: 'a pull request', state: 'open', pull_request: { url: 'x' } },
    ]);
    expect(plan.groups).toEqual([expect.objectContaining({ epicId: null, title: 'Issues' })]);
    expect(plan.groups[0].tasks.map((task) => [task.id, task.status])).toEqual([['TASK-1', 'done']]);
    expect(plan.warnings).toEqual(['pull requests in i.json were left out: 1.']);
  });

  it('refuses a repeated issue number and an object that is not an array', () => {
    expect(() => fromGithubIssues('i.json', [{ number: 3, title: 'a', state: 'OPEN' }, { number: 3, title: 'b', state: 'OPEN' }])).toThrow(
      'i.json: $[1].number: issue #3 appears twice (also at $[0]). Export the issues again.',
    );
    expect(() => fromGithubIssues('i.json', { issues: [] })).toThrow('i.json: $: expected an array of issues (found object).');
  });
});
