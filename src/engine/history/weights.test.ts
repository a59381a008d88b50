import { describe, expect, it } from 'vitest';
import { chartWeights } from './weights.js';

describe('chartWeights', () => {
  it('leaves checks out, counts actionable items once and points only on carriers', () => {
    const weights = chartWeights([
      { id: 'E1', kind: 'epic', parent: null, points: 20 },
      { id: 'S1', kind: 'story', parent: 'E1', points: 5 },
      { id: 'S1-ac1', kind: 'check', parent: 'S1', points: null },
      { id: 'S2', kind: 'story', parent: 'E1', points: 8 },
      { id: 'S2.1', kind: 'task', parent: 'S2' },
      { id: 'E2', kind: 'epic', parent: null, points: 13 },
      { id: 'S3', kind: 'story', parent: 'E2' },
    ]);
    expect(weights.map((w) => [w.charted, w.counted, w.points, w.pointsBelow])).toEqual([
      [true, false, null, true], // the epic's 20 is a declared total: its stories carry points
      [true, true, 5, false], // a story with only checks below is actionable
      [false, false, null, false],
      [true, false, 8, false], // a parent task below, no points below: it carries its 8
      [true, true, null, false],
      [true, false, 13, false], // no points below: the epic carries its own
      [true, true, null, false],
    ]);
  });

  it('takes an unknown parent or an item naming itself as a root', () => {
    const weights = chartWeights([
      { id: 'A', kind: 'task', parent: 'A', points: 1 },
      { id: 'B', kind: 'task', parent: 'missing', points: 2 },
    ]);
    expect(weights.map((w) => [w.counted, w.points])).toEqual([
      [true, 1],
      [true, 2],
    ]);
  });
});
