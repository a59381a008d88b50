import { describe, expect, it } from 'vitest';
import { bar, palette, percent, quantity, table, visibleLength, wantsColor } from './output.js';

describe('wantsColor', () => {
  it('colours a terminal only', () => {
    expect(wantsColor({ env: {}, isTTY: true })).toBe(true);
    expect(wantsColor({ env: {}, isTTY: false })).toBe(false);
  });

  it('lets --no-color and NO_COLOR win over everything', () => {
    expect(wantsColor({ color: false, env: { FORCE_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(wantsColor({ env: { NO_COLOR: '1', FORCE_COLOR: '1' }, isTTY: true })).toBe(false);
    // An empty NO_COLOR does not count, as the convention says.
    expect(wantsColor({ env: { NO_COLOR: '' }, isTTY: true })).toBe(true);
  });

  it('honours FORCE_COLOR and TERM=dumb', () => {
    expect(wantsColor({ env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(wantsColor({ env: { FORCE_COLOR: '0' }, isTTY: false })).toBe(false);
    expect(wantsColor({ env: { TERM: 'dumb' }, isTTY: true })).toBe(false);
  });
});

describe('formatting helpers', () => {
  it('aligns columns by visible width, ignoring escape codes', () => {
    const red = palette(true).red;
    expect(visibleLength(red('done'))).toBe(4);
    expect(table([
      ['ID', 'PTS', 'TITLE'],
      [red('T1'), '8', 'First'],
      ['T100', '13', 'Second'],
    ], new Set([1]))).toEqual(['ID    PTS  TITLE', `${red('T1')}      8  First`, 'T100   13  Second']);
  });

  it('counts a character outside the BMP once, coloured or not, and plain text by its length', () => {
    const red = palette(true).red;
    expect(visibleLength('plain text')).toBe(10);
    expect(visibleLength('ship 🚀 it')).toBe(9);
    expect(visibleLength(red('🚀🚀'))).toBe(2);
    expect(visibleLength(`${red('a')}b`)).toBe(2);
    expect(table([['🚀', 'x'], ['ab', 'y']])).toEqual(['🚀   x', 'ab  y']);
    expect(table([['1', 'T'], ['🚀🚀🚀', 'U']], new Set([0]))).toEqual(['  1  T', '🚀🚀🚀  U']);
  });

  it('writes nothing extra when colour is off', () => {
    const plain = palette(false);
    expect(plain.bold(plain.red('x'))).toBe('x');
  });

  it('formats quantities, percentages and bars', () => {
    expect(quantity(1, 'items')).toBe('1 item');
    expect(quantity(2.5, 'hours')).toBe('2.5 hours');
    expect(quantity(1, 'points')).toBe('1 point');
    expect(percent(1, 3)).toBe('33%');
    expect(percent(0, 0)).toBe('-');
    expect(bar(1, 4, 8)).toBe('[##------]');
  });
});
