// Runs `scrumdown graph`: the dependency graph as Mermaid, DOT or JSON.

import { planGraph, toDot, toMermaid } from '../../../services/graph.js';
import { loadPlan } from '../../../services/plan-file.js';
import type { CommandContext } from '../../context.js';
import { print, printJson } from '../../output.js';
import type { GraphOptions } from './index.js';

export async function runGraph(file: string, options: GraphOptions, context: CommandContext): Promise<void> {
  void context;
  const { plan, index } = await loadPlan(file);
  const graph = planGraph(plan, index, { criticalOnly: options.critical === true });
  if (options.format === 'json') {
    printJson('graph', { file, criticalOnly: options.critical === true, ...graph });
    return;
  }
  print(options.format === 'dot' ? toDot(graph) : toMermaid(graph));
}
