import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff.js';

const names = { oldName: 'plan.md', newName: 'plan.md' };

function lines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `line ${i + 1}`);
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('shows one changed line with three lines of context each side', () => {
    const before = lines(10);
    const after = [...before];
    after[4] = 'line five changed';
    expect(unifiedDiff(before.join('\n') + '\n', after.join('\n') + '\n', names)).toBe(
      [
        '--- plan.md',
        '+++ plan.md',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five changed',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    );
  });

  it('keeps distant changes in separate hunks and merges close ones', () => {
    const before = lines(30);
    const after = [...before];
    after[1] = 'two';
    after[7] = 'eight'; // gap of 5 unchanged lines (<= 6): same hunk
    after[25] = 'twenty-six';
    const diff = unifiedDiff(before.join('\n') + '\n', after.join('\n') + '\n', names);
    const headers = diff.split('\n').filter((line) => line.startsWith('@@'));
    expect(headers).toEqual(['@@ -1,11 +1,11 @@', '@@ -23,7 +23,7 @@']);
  });

  it('handles inserted and deleted lines', () => {
    const diff = unifiedDiff('a\nb\nc\n', 'a\nc\nd\n', names);
    expect(diff).toBe(['--- plan.md', '+++ plan.md', '@@ -1,3 +1,3 @@', ' a', '-b', ' c', '+d', ''].join('\n'));
  });

  it('numbers an empty old range from the line before it', () => {
    expect(unifiedDiff('', 'new\n', names)).toBe(['--- plan.md', '+++ plan.md', '@@ -0,0 +1 @@', '+new', ''].join('\n'));
  });

  it('marks a last line without a newline', () => {
    expect(unifiedDiff('a\nb', 'a\nc', names)).toBe(
      ['--- plan.md', '+++ plan.md', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+c', '\\ No newline at end of file', ''].join('\n'),
    );
  });

  it('shows CRLF lines without the carriage return', () => {
    expect(unifiedDiff('- [ ] a\r\n', '- [x] a\r\n', names)).toBe(['--- plan.md', '+++ plan.md', '@@ -1 +1 @@', '-- [ ] a', '+- [x] a', ''].join('\n'));
  });

  it('stays fast and exact on a large text with a few changes', () => {
    const before = lines(200_000);
    const after = [...before];
    after[1000] = 'x';
    after[150_000] = 'y';
    const started = performance.now();
    const diff = unifiedDiff(before.join('\n'), after.join('\n'), names);
    // Linear work takes milliseconds; the bound only catches a quadratic diff on a busy machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(diff.split('\n').filter((line) => line.startsWith('-') && !line.startsWith('---'))).toEqual(['-line 1001', '-line 150001']);
  });

  it('falls back to replacing the block when texts share nothing', () => {
    const diff = unifiedDiff(lines(3).join('\n') + '\n', ['x', 'y'].join('\n') + '\n', names);
    expect(diff).toBe(['--- plan.md', '+++ plan.md', '@@ -1,3 +1,2 @@', '-line 1', '-line 2', '-line 3', '+x', '+y', ''].join('\n'));
  });
});
