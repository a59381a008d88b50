import { describe, expect, it } from 'vitest';
import { ScrumdownError } from '../errors.js';
import { parseStatusWord } from './status-word.js';

describe('parseStatusWord', () => {
  it('reads every status and the agreed spellings of in_progress', () => {
    expect(['todo', 'in_progress', 'review', 'done', 'blocked', 'deferred', 'cancelled'].map(parseStatusWord)).toEqual([
      'todo',
      'in_progress',
      'review',
      'done',
      'blocked',
      'deferred',
      'cancelled',
    ]);
    expect(['in-progress', 'In Progress', 'doing', 'WIP', ' wip '].map(parseStatusWord)).toEqual(Array(5).fill('in_progress'));
  });

  it('refuses unknown words and lists the valid ones', () => {
    let caught: unknown;
    try {
      parseStatusWord('finshed');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScrumdownError);
    expect((caught as ScrumdownError).code).toBe('unknown_status');
    expect((caught as ScrumdownError).message).toContain('todo, in_progress, review, done, blocked, deferred, cancelled');
  });

  it('does not read object keys as statuses', () => {
    expect(() => parseStatusWord('constructor')).toThrow(ScrumdownError);
    expect(() => parseStatusWord('')).toThrow(ScrumdownError);
  });
});
