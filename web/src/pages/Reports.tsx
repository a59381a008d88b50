// Weekly and monthly reports: the tables of the chosen ISO week or month, exported as Markdown,
// CSV, JSON or PDF (the server renders each), and printed with the print layout (print.css).

import { Alert, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, projectPath } from '../api/client';
import { downloadFile } from '../api/download';
import { keys } from '../api/hooks';
import { QueryView } from '../components/QueryView';

type Kind = 'weekly' | 'monthly';

interface ReportAnswer {
  report: { from: string; to: string };
  tables: { title: string; columns: string[]; rows: (string | number | null)[][] }[];
}

const FORMATS = ['md', 'csv', 'json', 'pdf'] as const;

/** This ISO week (`2026-W49`) or month (`2026-12`), as the inputs of type week and month write them. */
function current(kind: Kind): string {
  const now = new Date();
  if (kind === 'monthly') return now.toISOString().slice(0, 7);
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function ReportsPage() {
  const { projectKey = '' } = useParams();
  const [kind, setKind] = useState<Kind>('weekly');
  const [period, setPeriod] = useState(() => current('weekly'));
  const [failure, setFailure] = useState<string | null>(null);
  const param = kind === 'weekly' ? 'week' : 'month';
  const path = (format: string) => projectPath(projectKey, `/reports/${kind}?${param}=${encodeURIComponent(period)}&format=${format}`);
  const report = useQuery({ queryKey: keys.inProject(projectKey, 'report', kind, period), queryFn: () => api<ReportAnswer>(path('json')) });
  const choose = (value: string) => {
    const next = value as Kind;
    setKind(next);
    setPeriod(current(next));
  };
  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <Title order={2}>Reports</Title>
        <SegmentedControl value={kind} onChange={choose} data={[{ value: 'weekly', label: 'Weekly' }, { value: 'monthly', label: 'Monthly' }]} aria-label="Report" />
      </Group>
      <Group align="flex-end" className="no-print">
        <TextInput type={kind === 'weekly' ? 'week' : 'month'} label={kind === 'weekly' ? 'Week' : 'Month'} value={period} onChange={(event) => event.currentTarget.value && setPeriod(event.currentTarget.value)} />
        {FORMATS.map((format) => (
          <Button
            key={format}
            variant="light"
            onClick={() => downloadFile(path(format), `${projectKey}-${kind}-${period}.${format}`).catch((error: Error) => setFailure(error.message))}
          >
            Export {format.toUpperCase()}
          </Button>
        ))}
        <Button variant="default" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)} className="no-print">
          {failure}
        </Alert>
      )}
      <QueryView query={report}>
        {(answer) => (
          <Stack>
            <Text c="dimmed">
              {kind === 'weekly' ? 'Week' : 'Month'} {period}: {answer.report.from} to {answer.report.to}
            </Text>
            {answer.tables.map((table) => (
              <Card key={table.title} withBorder>
                <Title order={4} mb="xs">
                  {table.title}
                </Title>
                {table.rows.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    Nothing to show.
                  </Text>
                ) : (
                  <Table aria-label={table.title} striped>
                    <Table.Thead>
                      <Table.Tr>
                        {table.columns.map((column) => (
                          <Table.Th key={column}>{column}</Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {table.rows.map((row, index) => (
                        <Table.Tr key={index}>
                          {row.map((cell, column) => (
                            <Table.Td key={column}>{cell ?? '—'}</Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
