// The dependency graph of each plan, laid out by dagre (left to right) and drawn in SVG: the
// critical path in red, ready items marked, blocked ones dashed; a node opens its item. A chunk of
// its own: dagre is loaded only when the page is.

import dagre from '@dagrejs/dagre';
import { Badge, Card, Group, ScrollArea, Stack, Text, Title, useComputedColorScheme } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, projectPath } from '../api/client';
import { keys } from '../api/hooks';
import type { GraphReport, PerDocument } from '../api/types';
import { ItemDrawer, useItemLink } from '../components/ItemDrawer';
import { QueryView } from '../components/QueryView';

const NODE_WIDTH = 180;
const NODE_HEIGHT = 48;
const CRITICAL = '#e03131';

interface Placed {
  id: string;
  x: number;
  y: number;
}

function layOut(report: GraphReport) {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 48, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of report.nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of report.edges) if (graph.hasNode(edge.from) && graph.hasNode(edge.to)) graph.setEdge(edge.from, edge.to);
  dagre.layout(graph);
  const placed = new Map<string, Placed>(report.nodes.map((node) => {
    const { x, y } = graph.node(node.id);
    return [node.id, { id: node.id, x: x - NODE_WIDTH / 2, y: y - NODE_HEIGHT / 2 }];
  }));
  const edges = report.edges.flatMap((edge) => {
    const points = graph.hasEdge(edge.from, edge.to) ? graph.edge(edge.from, edge.to).points : undefined;
    return points ? [{ ...edge, points }] : [];
  });
  // The drawing's bounds: edges routed around the nodes can reach past the graph's own size.
  const xs = [...[...placed.values()].flatMap((p) => [p.x, p.x + NODE_WIDTH]), ...edges.flatMap((e) => e.points.map((p: { x: number }) => p.x))];
  const ys = [...[...placed.values()].flatMap((p) => [p.y, p.y + NODE_HEIGHT]), ...edges.flatMap((e) => e.points.map((p: { y: number }) => p.y))];
  const left = Math.min(0, ...xs) - 8;
  const top = Math.min(0, ...ys) - 8;
  return { placed, edges, box: { left, top, width: Math.max(0, ...xs) - left + 8, height: Math.max(0, ...ys) - top + 8 } };
}

function DocumentGraph({ report, prefix }: { report: GraphReport; prefix: string }) {
  const dark = useComputedColorScheme('light') === 'dark';
  const navigate = useNavigate();
  const link = useItemLink();
  const { placed, edges, box } = useMemo(() => layOut(report), [report]);
  const ink = dark ? '#c1c2c5' : '#343a40';
  const fill = dark ? '#25262b' : '#ffffff';
  const open = (id: string) => navigate(link(prefix + id));
  return (
    <ScrollArea type="auto">
      <svg width={box.width} height={box.height} viewBox={`${box.left} ${box.top} ${box.width} ${box.height}`} role="group" aria-label="Dependency graph" style={{ fontFamily: 'var(--mantine-font-family)' }}>
        <defs>
          {[ink, CRITICAL].map((colour, index) => (
            <marker key={colour} id={`arrow-${index}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={colour} />
            </marker>
          ))}
        </defs>
        {edges.map((edge) => (
          <polyline
            key={`${edge.from}-${edge.to}`}
            points={edge.points.map((p: { x: number; y: number }) => `${p.x},${p.y}`).join(' ')}
            fill="none"
            stroke={edge.critical ? CRITICAL : ink}
            strokeWidth={edge.critical ? 2.5 : 1}
            markerEnd={`url(#arrow-${edge.critical ? 1 : 0})`}
            data-critical={edge.critical ? 'true' : undefined}
          />
        ))}
        {report.nodes.map((node) => {
          const at = placed.get(node.id)!;
          const done = node.status === 'done' || node.status === 'cancelled';
          return (
            <g
              key={node.id}
              transform={`translate(${at.x},${at.y})`}
              role="button"
              tabIndex={0}
              aria-label={`${node.id} ${node.title}${node.critical ? ', on the critical path' : ''}${node.ready ? ', ready' : ''}`}
              data-testid={`node-${node.id}`}
              data-critical={node.critical ? 'true' : 'false'}
              data-ready={node.ready ? 'true' : 'false'}
              style={{ cursor: 'pointer' }}
              onClick={() => open(node.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  open(node.id);
                }
              }}
            >
              <rect
                width={NODE_WIDTH}
                height={NODE_HEIGHT}
                rx={6}
                fill={fill}
                stroke={node.critical ? CRITICAL : ink}
                strokeWidth={node.critical ? 2.5 : 1}
                strokeDasharray={node.blocked ? '4 3' : undefined}
                opacity={done ? 0.55 : 1}
              />
              {node.ready && <circle cx={NODE_WIDTH - 10} cy={10} r={5} fill="#2f9e44" aria-hidden="true" />}
              <text x={8} y={18} fontSize={11} fill={ink} fontWeight={600}>
                {node.id}
              </text>
              <text x={8} y={36} fontSize={11} fill={ink}>
                {node.title.length > 26 ? `${node.title.slice(0, 25)}…` : node.title}
              </text>
            </g>
          );
        })}
      </svg>
    </ScrollArea>
  );
}

export default function GraphPage() {
  const { projectKey = '' } = useParams();
  const graph = useQuery({ queryKey: keys.inProject(projectKey, 'graph'), queryFn: () => api<PerDocument<GraphReport>>(projectPath(projectKey, '/graph')) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Dependencies</Title>
        <Group gap="xs">
          <Badge color="red" variant="outline">
            critical path
          </Badge>
          <Badge color="green" variant="dot">
            ready
          </Badge>
          <Badge color="gray" variant="outline" style={{ borderStyle: 'dashed' }}>
            blocked
          </Badge>
        </Group>
      </Group>
      <QueryView query={graph} isEmpty={(g) => g.documents.every((d) => d.result.nodes.length === 0)} empty="No dependencies to draw yet.">
        {(g) =>
          g.documents.map((doc) => (
            <Card key={doc.document} withBorder>
              <Text fw={600}>{doc.document}</Text>
              <Text size="sm" c="dimmed" mb="xs">
                Critical path: {doc.result.critical.path.join(' → ') || 'none'} ({doc.result.critical.length} {doc.result.critical.unit})
              </Text>
              <DocumentGraph report={doc.result} prefix={g.documents.length > 1 ? `${doc.document}:` : ''} />
            </Card>
          ))
        }
      </QueryView>
      <ItemDrawer projectKey={projectKey} />
    </Stack>
  );
}
