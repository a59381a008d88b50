// The dependency graph as plain data (nodes, edges from dependency to dependent, the critical
// path, cycles, waves) and its Mermaid and DOT renderings.

import { dependencyGraph } from '../engine/analyze/graph.js';
import type { CriticalUnit } from '../engine/analyze/graph.js';
import type { ItemKind, Plan, PlanIndex, Status } from '../engine/model.js';

export interface GraphNode {
  id: string;
  title: string;
  kind: ItemKind;
  status: Status;
  line: number;
  ready: boolean;
  blocked: boolean;
  critical: boolean;
  /** Open items only: how far the item can slip without delaying the end. */
  slack: number | null;
  earliestStart: number | null;
}

export interface GraphEdge {
  /** The dependency. */
  from: string;
  /** The item that waits for it. */
  to: string;
  critical: boolean;
}

export interface PlanGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  critical: { path: string[]; length: number; unit: CriticalUnit };
  cycles: string[][];
  waves: string[][];
}

/** The graph of actionable items; with `criticalOnly`, only the critical path and its edges. */
export function planGraph(plan: Plan, index: PlanIndex, options: { criticalOnly?: boolean } = {}): PlanGraph {
  const graph = dependencyGraph(plan, index);
  const path = graph.critical.path;
  const onPath = new Set(path);
  // Consecutive pairs of the path are its edges.
  const pathEdges = new Set<string>();
  for (let i = 1; i < path.length; i++) pathEdges.add(`${path[i - 1]}\u0000${path[i]}`);
  const ready = new Set(graph.ready);
  const blocked = new Set(graph.blocked);

  const nodes: GraphNode[] = [];
  for (const id of graph.nodes) {
    if (options.criticalOnly && !onPath.has(id)) continue;
    const item = index.byId.get(id);
    if (!item) continue;
    nodes.push({
      id,
      title: item.title,
      kind: item.kind,
      status: item.status,
      line: item.line,
      ready: ready.has(id),
      blocked: blocked.has(id),
      critical: onPath.has(id),
      slack: graph.critical.slack.get(id) ?? null,
      earliestStart: graph.critical.earliestStart.get(id) ?? null,
    });
  }
  const edges: GraphEdge[] = [];
  for (const id of graph.nodes) {
    for (const dep of graph.edges.get(id) ?? []) {
      const critical = pathEdges.has(`${dep}\u0000${id}`);
      if (options.criticalOnly && !critical) continue;
      edges.push({ from: dep, to: id, critical });
    }
  }
  return {
    nodes,
    edges,
    critical: { path, length: graph.critical.length, unit: graph.critical.unit },
    cycles: graph.cycles,
    waves: options.criticalOnly ? [] : graph.waves,
  };
}

const MERMAID_RESERVED = new Set(['end', 'graph', 'subgraph', 'flowchart', 'style', 'class', 'classdef', 'click', 'linkstyle', 'default', 'direction']);

/** Node names Mermaid accepts, as close to the item ids as possible and never colliding. */
function mermaidNames(ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (base === '' || /^\d/.test(base) || MERMAID_RESERVED.has(base.toLowerCase())) base = `n_${base}`;
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    names.set(id, name);
  }
  return names;
}

function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}

function shortTitle(title: string): string {
  return title.length > 60 ? `${title.slice(0, 57)}…` : title;
}

function nodeLabel(node: GraphNode): string {
  const title = node.title && node.title !== node.id ? `: ${shortTitle(node.title)}` : '';
  return `${node.id}${title}`;
}

/** A Mermaid flowchart; the critical path is drawn thick and red, done work green. */
export function toMermaid(graph: PlanGraph): string {
  const names = mermaidNames(graph.nodes.map((node) => node.id));
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) lines.push(`  ${names.get(node.id)}["${mermaidText(nodeLabel(node))}"]`);
  const criticalLinks: number[] = [];
  let link = 0;
  for (const edge of graph.edges) {
    const from = names.get(edge.from);
    const to = names.get(edge.to);
    if (!from || !to) continue;
    lines.push(`  ${from} --> ${to}`);
    if (edge.critical) criticalLinks.push(link);
    link++;
  }
  const groups: Array<[string, string, (node: GraphNode) => boolean]> = [
    ['done', 'fill:#e6f4ea,stroke:#2e7d32', (node) => node.status === 'done'],
    ['blocked', 'fill:#fdecea,stroke:#c62828', (node) => node.blocked],
    ['critical', 'stroke:#d32f2f,stroke-width:3px', (node) => node.critical],
  ];
  for (const [name, style, test] of groups) {
    const members = graph.nodes.filter(test).map((node) => names.get(node.id));
    if (members.length === 0) continue;
    lines.push(`  classDef ${name} ${style}`);
    lines.push(`  class ${members.join(',')} ${name}`);
  }
  if (criticalLinks.length > 0) lines.push(`  linkStyle ${criticalLinks.join(',')} stroke:#d32f2f,stroke-width:3px`);
  return lines.join('\n') + '\n';
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** A Graphviz digraph; the critical path is drawn thick and red, done work green. */
export function toDot(graph: PlanGraph): string {
  const lines = ['digraph plan {', '  rankdir=LR;', '  node [shape=box, style="rounded"];'];
  for (const node of graph.nodes) {
    const attributes = [`label=${dotString(node.title && node.title !== node.id ? `${node.id}\n${shortTitle(node.title)}` : node.id)}`];
    if (node.status === 'done') attributes.push('style="rounded,filled"', 'fillcolor="#e6f4ea"');
    else if (node.blocked) attributes.push('style="rounded,filled"', 'fillcolor="#fdecea"');
    if (node.critical) attributes.push('color="#d32f2f"', 'penwidth=3');
    lines.push(`  ${dotString(node.id)} [${attributes.join(', ')}];`);
  }
  for (const edge of graph.edges) {
    const attributes = edge.critical ? ' [color="#d32f2f", penwidth=3]' : '';
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)}${attributes};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
