import { describe, expect, it } from 'vitest';
import { jsonPath, lineColumn, parseJsonSource } from './source-file.js';

describe('source-file', () => {
  it('gives 1-based line and column of an offset', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });

  it('writes zod paths as JSON paths', () => {
    expect(jsonPath(['master', 'tasks', 3, 'id'])).toBe('$.master.tasks[3].id');
    expect(jsonPath(['feature-x', 0])).toBe('$["feature-x"][0]');
    expect(jsonPath([])).toBe('$');
  });

  it('points at the line and column of a JSON syntax error', () => {
    expect(() => parseJsonSource('x.json', '{\n  "a": 1,\n  "b" 2\n}')).toThrow(/^x\.json:3:7: not valid JSON/);
  });
});
