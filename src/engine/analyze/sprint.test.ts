import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RoleCapacity } from '../model.js';
import { forecast, matchRole, planVelocity, seededRandom, sprintReport } from './sprint.js';
import { makeSprint, planWithIndex, type ItemSpec } from './testing.js';

const roles: RoleCapacity[] = [
  { role: 'DevOps Engineer', hoursPerWeek: 16, hoursPerSprint: 32, line: 3 },
  { role: 'Backend Developer', hoursPerWeek: 30, hoursPerSprint: 60, line: 4 },
  { role: 'QA Engineer', hoursPerSprint: 40, line: 5 },
];

const stories: ItemSpec[] = [
  { id: 'US-1', kind: 'story', points: 21, status: 'in_progress' },
  { id: 'US-1a', parent: 'US-1', hours: 8, status: 'done' },
  { id: 'US-1b', parent: 'US-1', hours: 6 },
  { id: 'US-2', kind: 'story', points: 13, status: 'done' },
  { id: 'US-3', kind: 'story', points: 8, status: 'done' },
  { id: 'US-4', kind: 'story', points: 5, status: 'deferred' },
];

describe('matchRole', () => {
  it('matches by name, first word or prefix, ignoring case', () => {
    expect(matchRole('DevOps', roles)?.role).toBe('DevOps Engineer');
    expect(matchRole('backend', roles)?.role).toBe('Backend Developer');
    expect(matchRole('Backend Dev', roles)?.role).toBe('Backend Developer');
    expect(matchRole('QA Engineer', roles)?.role).toBe('QA Engineer');
    expect(matchRole('Design', roles)).toBeUndefined();
  });
});

describe('sprintReport', () => {
  const sprint1 = makeSprint('sprint-1', {
    capacity: 40,
    commitments: [
      { ids: ['US-1'], points: 21, hoursByRole: { DevOps: 30 } },
      { ids: ['US-2'], hoursByRole: { devops: 4, Backend: 5 } },
      { ids: [], points: 10 },
    ],
  });
  const sprint2 = makeSprint('sprint-2', {
    commitments: [
      { ids: ['US-1'], continued: true },
      { ids: ['US-3', 'US-4'], hoursByRole: { Design: 3 } },
    ],
  });
  const { plan, index } = planWithIndex({ items: stories, sprints: [sprint1, sprint2], extra: { roleCapacity: roles } });
  const report = sprintReport(plan, index);

  it('adds written points, item points and buffers against capacity', () => {
    const [first] = report.sprints;
    expect(first.committed).toBe(44); // 21 written + 13 from US-2 + 10 buffer
    expect(first.capacity).toBe(40);
    expect(first.overBy).toBe(4);
    expect(first.overCapacity).toBe(true);
    expect(first.done).toBe(13);
    expect(first.items).toEqual(['US-1', 'US-2']);
  });

  it('weighs hours per role against the role’s capacity', () => {
    const [first] = report.sprints;
    expect(first.roles).toEqual([
      { role: 'DevOps Engineer', writtenAs: ['DevOps', 'devops'], hours: 34, capacity: 32, overBy: 2, overCapacity: true },
      { role: 'Backend Developer', writtenAs: ['Backend'], hours: 5, capacity: 60, overBy: 0, overCapacity: false },
    ]);
    expect(first.rolesOverCapacity).toEqual(['DevOps Engineer']);
  });

  it('counts continued work as no new points and leaves shelved items out', () => {
    const [, second] = report.sprints;
    expect(second.committed).toBe(8); // US-1 continued: 0; US-4 deferred: left out
    expect(second.capacity).toBeUndefined();
    expect(second.overCapacity).toBe(false);
    expect(second.done).toBe(8);
    expect(second.roles).toEqual([{ role: 'Design', writtenAs: ['Design'], hours: 3, capacity: undefined, overBy: 0, overCapacity: false }]);
  });
});

describe('planVelocity', () => {
  it('prefers the velocity history', () => {
    const { plan, index } = planWithIndex({
      items: stories,
      sprints: [makeSprint('s1', { velocity: 99 })],
      extra: {
        velocityHistory: [
          { sprint: 'Sprint 1', completed: 20, line: 1 },
          { sprint: 'Sprint 2', completed: 26, line: 2 },
          { sprint: 'Sprint 3', completed: 23, line: 3 },
        ],
      },
    });
    expect(planVelocity(plan, index)).toEqual({
      source: 'history',
      values: [20, 26, 23],
      sprints: ['Sprint 1', 'Sprint 2', 'Sprint 3'],
      average: 23,
      min: 20,
      max: 26,
      count: 3,
    });
  });

  it('then the velocity sprints record', () => {
    const { plan, index } = planWithIndex({ items: stories, sprints: [makeSprint('s1', { velocity: 30 }), makeSprint('s2', { velocity: 34 })] });
    expect(planVelocity(plan, index)).toMatchObject({ source: 'recorded', values: [30, 34], average: 32 });
  });

  it('then sprints whose committed items are all done', () => {
    const { plan, index } = planWithIndex({
      items: stories,
      sprints: [makeSprint('s1', { commitments: [{ ids: ['US-2', 'US-3'] }] }), makeSprint('s2', { commitments: [{ ids: ['US-1'] }] })],
    });
    expect(planVelocity(plan, index)).toMatchObject({ source: 'closed-sprints', values: [21], sprints: ['s1'], count: 1 });
  });

  it('says when there is nothing to go on', () => {
    const { plan, index } = planWithIndex({ items: stories });
    expect(planVelocity(plan, index)).toMatchObject({ source: 'none', count: 0, average: null });
  });
});

describe('forecast', () => {
  it('needs exactly ceil(R / v) sprints at a constant velocity', () => {
    expect(forecast(95, [10], { seed: 7 })).toMatchObject({ p50: 10, p85: 10, p95: 10 });
    expect(forecast(100, [10, 10], { seed: 7 })).toMatchObject({ p50: 10, p85: 10, p95: 10 });
    expect(forecast(1, [0.1], { seed: 7, trials: 10 })).toMatchObject({ p50: 10 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 100 }), (remaining, v) => {
        const f = forecast(remaining, [v, v, v], { seed: 1, trials: 20 });
        return f.p50 === Math.ceil(remaining / v) && f.p95 === Math.ceil(remaining / v);
      }),
    );
  });

  it('is deterministic for a seed', () => {
    const a = forecast(300, [20, 35, 50, 41], { seed: 42 });
    const b = forecast(300, [20, 35, 50, 41], { seed: 42 });
    expect(a).toEqual(b);
    const c = forecast(300, [20, 35, 50, 41], { seed: 43 });
    expect(c.distribution).not.toEqual(a.distribution);
  });

  it('orders its percentiles and stays within the possible range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
        fc.integer(),
        (remaining, velocities, seed) => {
          const f = forecast(remaining, velocities, { seed, trials: 200 });
          const fastest = Math.ceil(remaining / Math.max(...velocities));
          const slowest = Math.ceil(remaining / Math.min(...velocities));
          return (
            f.p50 !== null &&
            f.p85 !== null &&
            f.p95 !== null &&
            fastest <= f.p50 &&
            f.p50 <= f.p85 &&
            f.p85 <= f.p95 &&
            f.p95 <= slowest &&
            Math.abs(f.distribution[f.distribution.length - 1].cumulative - 1) < 1e-9
          );
        },
      ),
    );
  });

  it('spreads between the extremes for mixed velocities', () => {
    const f = forecast(100, [10, 50], { seed: 5 });
    // Each sprint burns 10 or 50: two sprints only when both draws are 50 (1 in 4).
    const two = f.distribution.find((step) => step.sprints === 2);
    expect(two?.probability).toBeGreaterThan(0.22);
    expect(two?.probability).toBeLessThan(0.28);
    expect(f.p95).toBeGreaterThan(f.p50 as number);
  });

  it('needs no sprints for no remaining work', () => {
    expect(forecast(0, [], { seed: 1 })).toMatchObject({ p50: 0, p85: 0, p95: 0, distribution: [{ sprints: 0, probability: 1, cumulative: 1 }] });
  });

  it('explains a missing forecast', () => {
    const f = forecast(40, [], { seed: 1 });
    expect(f.p50).toBeNull();
    expect(f.reason).toMatch(/No velocity/);
    expect(forecast(40, [0, -3], { seed: 1 }).p50).toBeNull();
    expect(forecast(1e12, [1], { seed: 1 }).reason).toMatch(/over 10000 sprints/);
  });

  it('draws from a seeded generator in [0, 1)', () => {
    const random = seededRandom(123);
    const draws = Array.from({ length: 1000 }, () => random());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(123)()).toBe(draws[0]);
  });
});
