import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dependencyGraph, findCycles } from './graph.js';
import { STATUSES } from '../model.js';
import { planWithIndex, type ItemSpec } from './testing.js';

describe('dependencyGraph: a diamond with hours', () => {
  // A(2h) -> B(3h), C(4h) -> D(1h). Longest chain A, C, D = 7 h; B can slip 1 h.
  const diamond = (aStatus: 'todo' | 'done'): ItemSpec[] => [
    { id: 'A', hours: 2, status: aStatus },
    { id: 'B', hours: 3, deps: ['A'] },
    { id: 'C', hours: 4, deps: ['A'] },
    { id: 'D', hours: 1, deps: ['B', 'C'] },
  ];

  it('finds ready, blocked, waves and order', () => {
    const { plan, index } = planWithIndex(diamond('todo'));
    const g = dependencyGraph(plan, index);
    expect(g.nodes).toEqual(['A', 'B', 'C', 'D']);
    expect(g.edges.get('D')).toEqual(['B', 'C']);
    expect(g.edges.get('A')).toEqual([]);
    expect(g.ready).toEqual(['A']);
    expect(g.blocked).toEqual(['B', 'C', 'D']);
    expect(g.waves).toEqual([['A'], ['B', 'C'], ['D']]);
    expect(g.order).toEqual(['A', 'B', 'C', 'D']);
    expect(g.cycles).toEqual([]);
  });

  it('computes the critical path, earliest starts and slack', () => {
    const { plan, index } = planWithIndex(diamond('todo'));
    const { critical } = dependencyGraph(plan, index);
    expect(critical.unit).toBe('hours');
    expect(critical.length).toBe(7);
    expect(critical.path).toEqual(['A', 'C', 'D']);
    expect(Object.fromEntries(critical.earliestStart)).toEqual({ A: 0, B: 2, C: 2, D: 6 });
    expect(Object.fromEntries(critical.latestStart)).toEqual({ A: 0, B: 3, C: 2, D: 6 });
    expect(Object.fromEntries(critical.slack)).toEqual({ A: 0, B: 1, C: 0, D: 0 });
  });

  it('gives done work no weight and no place on the path', () => {
    const { plan, index } = planWithIndex(diamond('done'));
    const g = dependencyGraph(plan, index);
    expect(g.ready).toEqual(['B', 'C']);
    expect(g.waves).toEqual([['B', 'C'], ['D']]);
    expect(g.critical.length).toBe(5);
    expect(g.critical.path).toEqual(['C', 'D']);
    expect(g.critical.slack.has('A')).toBe(false);
    expect(g.critical.slack.get('B')).toBe(1);
  });

  it('falls back to points, then to one per item', () => {
    const points = planWithIndex([
      { id: 'A', points: 3 },
      { id: 'B', points: 5, deps: ['A'] },
      { id: 'C', points: 2 },
    ]);
    const byPoints = dependencyGraph(points.plan, points.index).critical;
    expect(byPoints.unit).toBe('points');
    expect(byPoints.length).toBe(8);
    expect(byPoints.slack.get('C')).toBe(6);
    const plain = planWithIndex([{ id: 'A' }, { id: 'B', deps: ['A'] }, { id: 'C' }]);
    const byItems = dependencyGraph(plain.plan, plain.index).critical;
    expect(byItems.unit).toBe('items');
    expect(byItems.length).toBe(2);
    expect(byItems.path).toEqual(['A', 'B']);
    expect(byItems.slack.get('C')).toBe(1);
  });
});

describe('dependencyGraph: inherited and group dependencies', () => {
  // Phase P2 depends on phase P1: every task in P2 waits for every task in P1.
  const phases = (f2: 'todo' | 'done'): ItemSpec[] => [
    { id: 'P1', kind: 'phase', status: 'in_progress' },
    { id: 'F1', parent: 'P1', status: 'done' },
    { id: 'F2', parent: 'P1', status: f2 },
    { id: 'F2a', kind: 'check', parent: 'F2' },
    { id: 'P2', kind: 'phase', deps: ['P1'] },
    { id: 'U1', parent: 'P2', deps: ['P2', 'U1'] },
    { id: 'U2', parent: 'P2', deps: ['U1'] },
  ];

  it('expands a dependency on a phase to its tasks, never its checks', () => {
    const { plan, index } = planWithIndex(phases('todo'));
    const g = dependencyGraph(plan, index);
    expect(g.nodes).toEqual(['F1', 'F2', 'U1', 'U2']);
    // U1's own references (its phase, itself) are dropped; it inherits the phase's.
    expect(g.edges.get('U1')).toEqual(['F1', 'F2']);
    expect(g.edges.get('U2')).toEqual(['U1', 'F1', 'F2']);
    expect(g.dependents('F1')).toEqual(['U1', 'U2']);
    expect(g.dependents('U1')).toEqual(['U2']);
    expect(g.dependents('U2')).toEqual([]);
    expect(g.dependents('P1')).toEqual([]);
    expect(g.ready).toEqual(['F2']);
    expect(g.blocked).toEqual(['U1', 'U2']);
    expect(g.waves).toEqual([['F2'], ['U1'], ['U2']]);
  });

  it('releases the phase when its last task is done', () => {
    const { plan, index } = planWithIndex(phases('done'));
    const g = dependencyGraph(plan, index);
    expect(g.ready).toEqual(['U1']);
    expect(g.blocked).toEqual(['U2']);
  });

  it('leaves shelved tasks out of a dependency on their phase', () => {
    const { plan, index } = planWithIndex([
      { id: 'P1', kind: 'phase' },
      { id: 'A', parent: 'P1', status: 'done' },
      { id: 'ICE', parent: 'P1', status: 'deferred' },
      { id: 'DROP', parent: 'P1', status: 'cancelled' },
      { id: 'P2', kind: 'phase', deps: ['P1'] },
      { id: 'B', parent: 'P2' },
      { id: 'C', deps: ['ICE'] },
    ]);
    const g = dependencyGraph(plan, index);
    expect(g.edges.get('B')).toEqual(['A']);
    expect(g.edges.get('C')).toEqual(['ICE']);
    expect(g.dependents('ICE')).toEqual(['C']);
    expect(g.dependents('A')).toEqual(['B']);
    expect(g.ready).toEqual(['B']);
    expect(g.blocked).toEqual(['C']);
    expect(g.waves).toEqual([['B']]);
  });

  it('drops a parent’s dependency on its own child', () => {
    const { plan, index } = planWithIndex([
      { id: 'S', kind: 'story', deps: ['t1'] },
      { id: 't1', parent: 'S' },
      { id: 't2', parent: 'S' },
    ]);
    const g = dependencyGraph(plan, index);
    expect(g.ready).toEqual(['t1', 't2']);
    expect(g.cycles).toEqual([]);
  });

  it('leaves shelved work neither ready nor blocked, and blocks what waits for it', () => {
    const { plan, index } = planWithIndex([
      { id: 'ICE', status: 'deferred' },
      { id: 'DROP', status: 'cancelled' },
      { id: 'W1', deps: ['ICE'] },
      { id: 'W2', deps: ['DROP'] },
      { id: 'X', status: 'blocked' },
      { id: 'R', status: 'review' },
    ]);
    const g = dependencyGraph(plan, index);
    expect(g.ready).toEqual(['W2']);
    expect(g.blocked).toEqual(['W1', 'X']);
    expect(g.waves).toEqual([['W2', 'X', 'R']]);
    expect([...g.critical.slack.keys()]).toEqual(['W1', 'W2', 'X', 'R']);
  });
});

describe('scale', () => {
  it('walks a 100,000-item chain in linear time', () => {
    const chain: ItemSpec[] = [];
    for (let i = 0; i < 100_000; i++) chain.push({ id: `T${i}`, hours: 1, deps: i === 0 ? [] : [`T${i - 1}`] });
    const { plan, index } = planWithIndex(chain);
    // Processor time, not wall time, and the better of two runs, so a busy machine does not
    // fail the test; a quadratic step would take minutes here.
    const timed = () => {
      const started = process.cpuUsage();
      const graph = dependencyGraph(plan, index);
      const spent = process.cpuUsage(started);
      return { graph, ms: (spent.user + spent.system) / 1000 };
    };
    const first = timed();
    const second = timed();
    const g = second.graph;
    const elapsedMs = Math.min(first.ms, second.ms);
    expect(g.ready).toEqual(['T0']);
    expect(g.blocked).toHaveLength(99_999);
    expect(g.critical.length).toBe(100_000);
    expect(g.critical.path).toHaveLength(100_000);
    expect(g.critical.slack.get('T50000')).toBe(0);
    expect(g.critical.earliestStart.get('T99999')).toBe(99_999);
    expect(g.waves).toHaveLength(100_000);
    expect(g.order[99_999]).toBe('T99999');
    // A generous bound: it only has to tell linear work (well under a second) from quadratic (minutes).
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it('finds a 100,000-item cycle without recursion', () => {
    const ring: ItemSpec[] = [];
    for (let i = 0; i < 100_000; i++) ring.push({ id: `R${i}`, deps: [`R${(i + 99_999) % 100_000}`] });
    const { plan, index } = planWithIndex(ring);
    const cycles = findCycles(plan, index);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(100_000);
    expect(cycles[0].slice(0, 3)).toEqual(['R0', 'R99999', 'R99998']);
  });

  it('handles 100,000 levels of nesting with a dependency at the top', () => {
    const deep: ItemSpec[] = [{ id: 'GATE' }];
    for (let i = 0; i < 100_000; i++) deep.push({ id: `N${i}`, parent: i === 0 ? null : `N${i - 1}`, deps: i === 0 ? ['GATE'] : [] });
    const { plan, index } = planWithIndex(deep);
    const g = dependencyGraph(plan, index);
    expect(g.nodes).toEqual(['GATE', 'N99999']);
    expect(g.edges.get('N99999')).toEqual(['GATE']);
    expect(g.ready).toEqual(['GATE']);
    expect(g.critical.path).toEqual(['GATE', 'N99999']);
  });
});

describe('properties on random plans', () => {
  // A random forest of up to 40 items (each parent earlier than its child) with random
  // dependencies, some on parents, some forming cycles.
  const randomPlan = fc
    .array(
      fc.record({
        parent: fc.option(fc.nat(), { nil: undefined }),
        status: fc.constantFrom(...STATUSES),
        hours: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
        deps: fc.array(fc.nat(), { maxLength: 3 }),
        check: fc.boolean(),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((rows) => {
      const specs: ItemSpec[] = rows.map((row, i) => ({
        id: `I${i}`,
        status: row.status,
        hours: row.hours,
        parent: i > 0 && row.parent !== undefined ? `I${row.parent % i}` : null,
        deps: row.deps.map((d) => `I${d % rows.length}`),
      }));
      // Checks only as leaves under a non-check parent.
      rows.forEach((row, i) => {
        const spec = specs[i];
        const hasChildren = specs.some((s) => s.parent === spec.id);
        const parentIsCheck = spec.parent ? specs[Number(spec.parent.slice(1))].kind === 'check' : true;
        if (row.check && !hasChildren && !parentIsCheck) {
          spec.kind = 'check';
          spec.deps = [];
        }
      });
      return specs;
    });

  it('agrees with a direct reading of ready and blocked, and keeps order, waves and slack consistent', () => {
    fc.assert(
      fc.property(randomPlan, (specs) => {
        const { plan, index } = planWithIndex(specs);
        const g = dependencyGraph(plan, index);
        const status = (id: string) => index.byId.get(id)?.status;
        const finished = (id: string) => status(id) === 'done' || status(id) === 'cancelled';
        for (const id of g.nodes) {
          const deps = g.edges.get(id) ?? [];
          const s = status(id);
          const isReady = (s === 'todo' || s === 'in_progress') && deps.every(finished);
          const openish = s !== 'done' && s !== 'cancelled' && s !== 'deferred';
          const isBlocked = s === 'blocked' || (openish && !deps.every(finished));
          if (g.ready.includes(id) !== isReady) return false;
          if (g.blocked.includes(id) !== isBlocked) return false;
          if (deps.includes(id)) return false;
          for (const d of deps) if (!g.nodes.includes(d)) return false;
          const waiting = g.nodes.filter((other) => (g.edges.get(other) ?? []).includes(id));
          if (g.dependents(id).join() !== waiting.join()) return false;
        }
        if (g.order.length !== g.nodes.length || new Set(g.order).size !== g.order.length) return false;
        const inCycle = new Set<string>();
        // Members of a cycle: nodes that reach themselves through edges.
        for (const id of g.nodes) {
          const seen = new Set<string>();
          const stack = [...(g.edges.get(id) ?? [])];
          while (stack.length > 0) {
            const v = stack.pop() as string;
            if (v === id) inCycle.add(id);
            if (seen.has(v)) continue;
            seen.add(v);
            stack.push(...(g.edges.get(v) ?? []));
          }
        }
        if ((inCycle.size === 0) !== (g.cycles.length === 0)) return false;
        const position = new Map(g.order.map((id, i) => [id, i]));
        const wave = new Map<string, number>();
        g.waves.forEach((ids, w) => ids.forEach((id) => wave.set(id, w)));
        for (const id of g.nodes) {
          for (const d of g.edges.get(id) ?? []) {
            // Dependencies come first unless both sit in the same tangle.
            if (!(inCycle.has(id) && inCycle.has(d)) && (position.get(d) as number) > (position.get(id) as number)) return false;
            if (wave.has(id) && wave.has(d) && (wave.get(d) as number) >= (wave.get(id) as number)) return false;
            if (wave.has(id) && !finished(d) && !wave.has(d)) return false;
          }
          if (inCycle.has(id) && wave.has(id)) return false;
        }
        if (g.cycles.length === 0) {
          // Earliest starts and length against a direct longest-path over the effective edges.
          const unit = g.critical.unit;
          const weight = (id: string) => {
            const item = index.byId.get(id);
            if (!item || item.status === 'done' || item.status === 'cancelled' || item.status === 'deferred') return 0;
            return unit === 'items' ? 1 : (item[unit] ?? 0);
          };
          const finish = new Map<string, number>();
          const finishOf = (id: string): number => {
            const known = finish.get(id);
            if (known !== undefined) return known;
            let start = 0;
            for (const d of g.edges.get(id) ?? []) start = Math.max(start, finishOf(d));
            finish.set(id, start + weight(id));
            return start + weight(id);
          };
          let longest = 0;
          for (const id of g.nodes) longest = Math.max(longest, finishOf(id));
          if (Math.abs(longest - g.critical.length) > 1e-9) return false;
          for (const [id, es] of g.critical.earliestStart) if (Math.abs(finishOf(id) - weight(id) - es) > 1e-9) return false;
          const pathLength = g.critical.path.reduce((sum, id) => sum + weight(id), 0);
          if (Math.abs(pathLength - g.critical.length) > 1e-9) return false;
        }
        for (const slack of g.critical.slack.values()) if (slack < -1e-9) return false;
        for (const id of g.critical.path) if (Math.abs(g.critical.slack.get(id) as number) > 1e-9) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
