// Group and parent dependencies ("All previous phases", a dependency on a phase) stand for every
// actionable item under them. Expanded item by item they make N²/2 pairs; these tests hold the
// graph, `next` and the builder to linear work while keeping the expanded answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../build.js';
import { lintPlan } from '../lint/index.js';
import { indexPlan, STATUSES } from '../model.js';
import { dependencyGraph } from './graph.js';
import { analyzePlan } from './index.js';
import { nextItems } from './next.js';
import { planWithIndex, type ItemSpec } from './testing.js';

/** `phases` phases of `perPhase` backlog items; every item after phase 1 waits for all earlier phases. */
function phasedPlan(phases: number, perPhase: number, done = 0): string {
  const lines = ['# Rollout', ''];
  let k = 0;
  for (let p = 1; p <= phases; p++) {
    lines.push(`## Phase ${p}: Stage ${p}`, '');
    for (let j = 0; j < perPhase; j++) {
      k++;
      const id = `OPS-${String(k).padStart(5, '0')}`;
      lines.push(`### ${id}: Item ${k}`, `**Points:** 3 | **Status:** ${k <= done ? 'Done' : 'Todo'}`, '');
      lines.push(`**Dependencies:** ${p === 1 ? 'None' : 'All previous phases'}`, '');
    }
  }
  return lines.join('\n');
}

describe('group dependencies on a small plan, worked by hand', () => {
  // Phase 1: OPS-00001 (done), OPS-00002; phase 2: OPS-00003, OPS-00004; phase 3: OPS-00005, OPS-00006.
  const plan = buildPlan(phasedPlan(3, 2, 1));
  const index = indexPlan(plan);
  const graph = dependencyGraph(plan, index);

  it('resolves "All previous phases" to the phases, not to every item', () => {
    const deps = index.byId.get('OPS-00005')!.deps;
    expect(deps).toHaveLength(1);
    expect(deps[0].ids).toEqual(['phase-1', 'phase-2']);
    expect(deps[0].group).toBe('All previous phases');
  });

  it('expands the phases to their items in the waits-for lists, on request', () => {
    expect(graph.edges.get('OPS-00002')).toEqual([]);
    expect(graph.edges.get('OPS-00003')).toEqual(['OPS-00001', 'OPS-00002']);
    expect(graph.edges.get('OPS-00006')).toEqual(['OPS-00001', 'OPS-00002', 'OPS-00003', 'OPS-00004']);
    expect(graph.edges.get('phase-1')).toBeUndefined();
    expect(graph.edges.has('OPS-00006')).toBe(true);
    expect(graph.edges.has('phase-2')).toBe(false);
    expect(graph.edges.size).toBe(6);
    expect([...graph.edges.keys()]).toEqual(graph.nodes);
    expect([...graph.edges].map(([id, waits]) => [id, waits.length])).toEqual([
      ['OPS-00001', 0],
      ['OPS-00002', 0],
      ['OPS-00003', 2],
      ['OPS-00004', 2],
      ['OPS-00005', 4],
      ['OPS-00006', 4],
    ]);
    expect(() => graph.edges.set('OPS-00001', [])).toThrow(TypeError);
  });

  it('ranks by what each ready item unblocks: all four later items', () => {
    expect(graph.ready).toEqual(['OPS-00002']);
    const next = nextItems(plan, index, graph);
    expect(next.map((item) => [item.id, item.unblocks])).toEqual([['OPS-00002', 4]]);
  });
});

describe('group dependencies at scale stay linear', () => {
  it('10,000 items in 20 phases, each waiting for all earlier phases', () => {
    // Expanded, the waits-for lists hold 47.5 million ids; this took 10 s and more before.
    const started = performance.now();
    const plan = buildPlan(phasedPlan(20, 500, 3));
    const index = indexPlan(plan);
    const analysis = analyzePlan(plan, { index, seed: 1 });
    lintPlan(plan, index);
    const ms = performance.now() - started;
    expect(plan.items.filter((item) => item.kind === 'story')).toHaveLength(10_000);
    expect(analysis.graph.ready).toHaveLength(497);
    expect(analysis.graph.waves).toHaveLength(20);
    expect(analysis.graph.edges.get('OPS-10000')).toHaveLength(9_500);
    expect(analysis.next[0]).toMatchObject({ id: 'OPS-00004', unblocks: 9_500 });
    expect(analysis.next[496]).toMatchObject({ id: 'OPS-00500', unblocks: 9_500 });
    expect(ms).toBeLessThan(8000);
  });
});

describe('unblock counts agree with a walk over the expanded lists', () => {
  // A random forest with dependencies on leaves and on parents, cycles included.
  const randomPlan = fc
    .array(
      fc.record({
        parent: fc.option(fc.nat(), { nil: undefined }),
        status: fc.constantFrom(...STATUSES),
        deps: fc.array(fc.nat(), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .map((rows) =>
      rows.map(
        (row, i): ItemSpec => ({
          id: `I${i}`,
          status: row.status,
          parent: i > 0 && row.parent !== undefined ? `I${row.parent % i}` : null,
          deps: row.deps.map((d) => `I${d % rows.length}`),
        }),
      ),
    );

  it('for every ready item', () => {
    fc.assert(
      fc.property(randomPlan, (specs) => {
        const { plan, index } = planWithIndex(specs);
        const graph = dependencyGraph(plan, index);
        const dependents = new Map<string, string[]>();
        for (const [id, waits] of graph.edges) for (const on of waits) dependents.set(on, [...(dependents.get(on) ?? []), id]);
        const isOpen = (id: string) => !['done', 'cancelled', 'deferred'].includes(index.byId.get(id)!.status);
        const expected = (start: string): number => {
          const seen = new Set([start]);
          const queue = [start];
          let count = 0;
          for (let head = 0; head < queue.length; head++) {
            for (const w of dependents.get(queue[head]) ?? []) {
              if (seen.has(w)) continue;
              seen.add(w);
              queue.push(w);
              if (isOpen(w)) count++;
            }
          }
          return count;
        };
        for (const item of nextItems(plan, index, graph)) expect([item.id, item.unblocks]).toEqual([item.id, expected(item.id)]);
      }),
      { numRuns: 300 },
    );
  });
});
