// A project at a glance: progress overall and by section (summed over its documents), velocity and
// the forecast, the active sprint's burndown, and the lint findings, each opening its item.

import { Anchor, Badge, Card, Grid, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { Link, useParams } from 'react-router';
import { api, projectPath } from '../api/client';
import { keys, useLint, useProgress, useSprints } from '../api/hooks';
import type { Burndown, Forecast, ProgressReport, Velocity, WeeklyVelocity } from '../api/types';
import { ItemDrawer, useItemLink } from '../components/ItemDrawer';
import { EmptyState, LoadingState, QueryView } from '../components/QueryView';

const BurndownChart = lazy(() => import('../charts/SprintCharts').then((m) => ({ default: m.BurndownChart })));
const VelocityChart = lazy(() => import('../charts/SprintCharts').then((m) => ({ default: m.VelocityChart })));
const WeeklyVelocityChart = lazy(() => import('../charts/SprintCharts').then((m) => ({ default: m.WeeklyVelocityChart })));

function Stat({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 100);
}

function ProgressSummary({ reports }: { reports: ProgressReport[] }) {
  const sum = (pick: (report: ProgressReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
  const pointsDone = sum((r) => r.overall.points.done);
  const pointsTotal = sum((r) => r.overall.points.total);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Stat label="Items" value={sum((r) => r.overall.actionable)} testId="stat-items" />
        <Stat label="Done" value={sum((r) => r.overall.items.done)} testId="stat-done" />
        <Stat label="Points" value={`${pointsDone} / ${pointsTotal}`} testId="stat-points" />
        <Stat label="Ready" value={sum((r) => r.ready)} testId="stat-ready" />
        <Stat label="Blocked" value={sum((r) => r.blocked)} testId="stat-blocked" />
        <Stat label="Critical path" value={reports.map((r) => r.critical.path.length).reduce((a, b) => Math.max(a, b), 0)} testId="stat-critical" />
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="sm">
          Progress by section
        </Title>
        <Table aria-label="Progress by section">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Section</Table.Th>
              <Table.Th>Items done</Table.Th>
              <Table.Th>Points done</Table.Th>
              <Table.Th w="35%">Progress</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.flatMap((report) =>
              report.sections.map((section) => {
                const { items, actionable, points } = section.rollup;
                const value = points.total > 0 ? percent(points.done, points.total) : percent(items.done, actionable);
                return (
                  <Table.Tr key={`${report.title}-${section.id}`}>
                    <Table.Td>{section.title}</Table.Td>
                    <Table.Td>
                      {items.done} / {actionable}
                    </Table.Td>
                    <Table.Td>
                      {points.done} / {points.total}
                    </Table.Td>
                    <Table.Td>
                      <Progress value={value} aria-label={`${section.title}: ${value}%`} />
                    </Table.Td>
                  </Table.Tr>
                );
              }),
            )}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

function VelocityCard({ projectKey }: { projectKey: string }) {
  const velocity = useQuery({ queryKey: keys.inProject(projectKey, 'velocity'), queryFn: () => api<Velocity>(projectPath(projectKey, '/velocity')) });
  const forecast = useQuery({ queryKey: keys.inProject(projectKey, 'forecast'), queryFn: () => api<Forecast>(projectPath(projectKey, '/velocity/forecast?seed=1')) });
  const weekly = useQuery({ queryKey: keys.inProject(projectKey, 'weekly-velocity'), queryFn: () => api<WeeklyVelocity>(projectPath(projectKey, '/velocity/weekly')) });
  return (
    <Card withBorder h="100%">
      <Title order={4} mb="sm">
        Velocity and forecast
      </Title>
      <QueryView query={forecast}>
        {(f) => (
          <Text size="sm" data-testid="forecast">
            {f.remainingPoints} points left:{' '}
            {f.p50 === null ? 'no forecast yet (no velocity to go on).' : `${f.p50} sprints likely (P50, ${f.dates?.p50 ?? '?'}), ${f.p85} at 85% (${f.dates?.p85 ?? '?'}).`}
          </Text>
        )}
      </QueryView>
      <QueryView query={velocity} isEmpty={(v) => v.sprints.length === 0} empty="No closed sprint yet.">
        {(v) => (
          <Suspense fallback={<LoadingState />}>
            <Text size="sm">Average completed: {v.averageCompleted ?? '—'} points</Text>
            <VelocityChart velocity={v} />
          </Suspense>
        )}
      </QueryView>
      <QueryView query={weekly}>
        {(w) => (
          <Suspense fallback={<LoadingState />}>
            <Text size="sm" mt="sm" data-testid="weekly-average">
              Per week, last {w.velocity.periods.length} weeks: {w.velocity.average ?? 0} {w.velocity.measure} done on average
            </Text>
            <WeeklyVelocityChart weekly={w} />
          </Suspense>
        )}
      </QueryView>
    </Card>
  );
}

function BurndownCard({ projectKey }: { projectKey: string }) {
  const sprints = useSprints(projectKey);
  const active = sprints.data?.find((sprint) => sprint.state === 'active');
  const burndown = useQuery({
    queryKey: keys.inProject(projectKey, 'burndown', active?.number),
    queryFn: () => api<Burndown>(projectPath(projectKey, `/sprints/${active!.number}/burndown`)),
    enabled: active !== undefined,
  });
  return (
    <Card withBorder h="100%">
      <Title order={4} mb="sm">
        Active sprint
      </Title>
      <QueryView query={sprints}>
        {() =>
          active ? (
            <QueryView query={burndown}>
              {(b) => (
                <Suspense fallback={<LoadingState />}>
                  <Text size="sm">{b.sprint.name}</Text>
                  <BurndownChart burndown={b} />
                </Suspense>
              )}
            </QueryView>
          ) : (
            <EmptyState>No sprint is running.</EmptyState>
          )
        }
      </QueryView>
    </Card>
  );
}

function Findings({ projectKey }: { projectKey: string }) {
  const lint = useLint(projectKey);
  const link = useItemLink();
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Lint findings
      </Title>
      <QueryView query={lint} isEmpty={(l) => l.documents.every((d) => d.result.findings.length === 0)} empty="The plans have no findings.">
        {(l) => (
          <Table aria-label="Lint findings">
            <Table.Tbody>
              {l.documents.flatMap((doc) =>
                doc.result.findings.map((finding, index) => (
                  <Table.Tr key={`${doc.document}-${index}`}>
                    <Table.Td>
                      <Badge color={finding.severity === 'error' ? 'red' : finding.severity === 'warning' ? 'yellow' : 'blue'}>{finding.severity}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {doc.document}:{finding.line}
                    </Table.Td>
                    <Table.Td>
                      {finding.itemId ? (
                        <Anchor component={Link} to={link(l.documents.length > 1 ? `${doc.document}:${finding.itemId}` : finding.itemId)}>
                          {finding.message}
                        </Anchor>
                      ) : (
                        finding.message
                      )}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Card>
  );
}

export function OverviewPage() {
  const { projectKey = '' } = useParams();
  const progress = useProgress(projectKey);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Overview</Title>
      </Group>
      <QueryView
        query={progress}
        isEmpty={(p) => p.documents.length === 0}
        empty={
          <>
            No plan yet. <Anchor component={Link} to={`/p/${encodeURIComponent(projectKey)}/settings`}>Upload one in the settings.</Anchor>
          </>
        }
      >
        {(p) => <ProgressSummary reports={p.documents.map((d) => d.result)} />}
      </QueryView>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <VelocityCard projectKey={projectKey} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <BurndownCard projectKey={projectKey} />
        </Grid.Col>
      </Grid>
      <Findings projectKey={projectKey} />
      <ItemDrawer projectKey={projectKey} />
    </Stack>
  );
}
