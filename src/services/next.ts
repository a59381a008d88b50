// What to work on next: ready items ranked by the engine, with the critical path's unit so a
// reader knows what the slack is measured in.

import { dependencyGraph } from '../engine/analyze/graph.js';
import type { CriticalUnit } from '../engine/analyze/graph.js';
import { nextItems } from '../engine/analyze/next.js';
import type { NextItem } from '../engine/analyze/next.js';
import type { Plan, PlanIndex } from '../engine/model.js';

/** How many items `next` lists when no limit is given. */
export const DEFAULT_NEXT_LIMIT = 5;

export interface NextResult {
  items: NextItem[];
  /** Ready items in total, before the limit. */
  readyCount: number;
  blockedCount: number;
  concurrency: number | null;
  critical: { path: string[]; length: number; unit: CriticalUnit };
}

export function nextWork(plan: Plan, index: PlanIndex, options: { limit?: number; concurrency?: number } = {}): NextResult {
  const graph = dependencyGraph(plan, index);
  const limit = options.limit ?? (options.concurrency === undefined ? DEFAULT_NEXT_LIMIT : undefined);
  const items = nextItems(plan, index, graph, { limit, concurrency: options.concurrency });
  return {
    items,
    readyCount: graph.ready.length,
    blockedCount: graph.blocked.length,
    concurrency: options.concurrency ?? null,
    critical: { path: graph.critical.path, length: graph.critical.length, unit: graph.critical.unit },
  };
}
