import { describe, expect, it } from 'vitest';
import { isIgnored, isPlanPath } from './ignore.js';

describe('isPlanPath', () => {
  it('takes Markdown files, in subfolders too', () => {
    expect(isPlanPath('tasks.md')).toBe(true);
    expect(isPlanPath('specs/auth/tasks.md')).toBe(true);
    expect(isPlanPath('Plan.MARKDOWN')).toBe(true);
    expect(isPlanPath('notes.txt')).toBe(false);
  });

  it.each([
    '.git/COMMIT_EDITMSG.md',
    'node_modules/pkg/README.md',
    'docs/node_modules/x.md',
    '.scrumdown/base/abc.md',
    '.tasks.md.swp',
    'tasks.md.swp',
    'tasks.md~',
    '.#tasks.md',
    '#tasks.md#',
    '4913',
    'sub/4913',
    '.tasks.md.1234.abcd.tmp',
    'tasks.md.bak',
    '.hidden/tasks.md',
  ])('ignores %s', (path) => {
    expect(isPlanPath(path)).toBe(false);
  });

  it('ignores the folders themselves', () => {
    expect(isIgnored('.git')).toBe(true);
    expect(isIgnored('node_modules')).toBe(true);
    expect(isIgnored('specs')).toBe(false);
  });
});
