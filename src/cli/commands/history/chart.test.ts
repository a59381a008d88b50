// Terminal charts: bar lengths to an eighth of a cell, sparklines scaled to their range.

import { describe, expect, it } from 'vitest';
import { blockBar, sparkline } from './chart.js';

describe('blockBar', () => {
  it('draws whole cells and an eighth-width end', () => {
    expect(blockBar(10, 10, 4)).toBe('████');
    expect(blockBar(5, 10, 3)).toBe('█▌');
    expect(blockBar(0, 10, 4)).toBe('');
    expect(blockBar(3, 0, 4)).toBe('');
  });
});

describe('sparkline', () => {
  it('maps the range onto eight levels, from a floor when given', () => {
    expect(sparkline([0, 7, 14])).toBe('▁▅█');
    expect(sparkline([8, 8, 11], 0)).toBe('▆▆█');
    expect(sparkline([3, 3])).toBe('▁▁');
    expect(sparkline([])).toBe('');
  });
});
