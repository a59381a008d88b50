import { describe, expect, it } from 'vitest';
import { toDot, toMermaid } from './graph.js';
import type { GraphNode, PlanGraph } from './graph.js';

function node(id: string, title: string, extra: Partial<GraphNode> = {}): GraphNode {
  return { id, title, kind: 'task', status: 'todo', line: 1, ready: false, blocked: false, critical: false, slack: null, earliestStart: null, ...extra };
}

const graph: PlanGraph = {
  nodes: [node('1.1', 'Say "hi" <now>', { critical: true }), node('end', 'Wrap up', { critical: true }), node('1_1', 'Same name once cleaned', { status: 'done' })],
  edges: [
    { from: '1.1', to: 'end', critical: true },
    { from: '1_1', to: 'end', critical: false },
  ],
  critical: { path: ['1.1', 'end'], length: 2, unit: 'items' },
  cycles: [],
  waves: [],
};

describe('toMermaid', () => {
  it('gives every node a safe, unique name and escapes labels', () => {
    expect(toMermaid(graph).split('\n')).toEqual([
      'flowchart LR',
      '  n_1_1["1.1: Say #quot;hi#quot; #lt;now#gt;"]',
      '  n_end["end: Wrap up"]',
      '  n_1_1_2["1_1: Same name once cleaned"]',
      '  n_1_1 --> n_end',
      '  n_1_1_2 --> n_end',
      '  classDef done fill:#e6f4ea,stroke:#2e7d32',
      '  class n_1_1_2 done',
      '  classDef critical stroke:#d32f2f,stroke-width:3px',
      '  class n_1_1,n_end critical',
      '  linkStyle 0 stroke:#d32f2f,stroke-width:3px',
      '',
    ]);
  });
});

describe('toDot', () => {
  it('quotes ids and labels', () => {
    const dot = toDot(graph);
    expect(dot).toContain('"1.1" [label="1.1\\nSay \\"hi\\" <now>", color="#d32f2f", penwidth=3];');
    expect(dot).toContain('"1.1" -> "end" [color="#d32f2f", penwidth=3];');
    expect(dot).toContain('"1_1" -> "end";');
  });
});
