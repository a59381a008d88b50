// The item drawer, opened on any project page by `?item=KEY` in the address (so links from the
// board, the lint findings or the graph can open it, and a reload keeps it): the fields as the
// plan writes them, checks, dependencies both ways (each opens that item) and the history.

import { Anchor, Badge, Drawer, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api, projectPath } from '../api/client';
import { keys } from '../api/hooks';
import type { HistoryEntry, ItemDetails } from '../api/types';
import { STATUS_LABELS } from '../api/types';
import { QueryView } from './QueryView';

/** The address of the current page with the drawer open on `itemKey`. */
export function useItemLink() {
  const location = useLocation();
  return (itemKey: string) => {
    const params = new URLSearchParams(location.search);
    params.set('item', itemKey);
    return `${location.pathname}?${params.toString()}`;
  };
}

function ItemBody({ projectKey, itemKey }: { projectKey: string; itemKey: string }) {
  const link = useItemLink();
  const path = projectPath(projectKey, `/items/${encodeURIComponent(itemKey)}`);
  const details = useQuery({ queryKey: keys.inProject(projectKey, 'item', itemKey), queryFn: () => api<ItemDetails>(path) });
  const history = useQuery({
    queryKey: keys.inProject(projectKey, 'item', itemKey, 'history'),
    queryFn: async () => (await api<{ entries: HistoryEntry[] }>(`${path}/history`)).entries,
  });
  return (
    <QueryView query={details}>
      {({ details: { item, fields, checks, dependsOn, dependents }, document }) => (
        <Stack>
          <Group>
            <Badge>{STATUS_LABELS[item.status]}</Badge>
            <Text size="sm" c="dimmed">
              {item.kind} in {document}
            </Text>
          </Group>
          <Title order={3}>{item.title}</Title>
          {item.parent && (
            <Text size="sm">
              Part of <Anchor component={Link} to={link(item.parent.id)}>{item.parent.id} {item.parent.title}</Anchor>
            </Text>
          )}
          <Table aria-label="Fields">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>Assignee</Table.Th>
                <Table.Td>{item.assignee ?? '—'}</Table.Td>
              </Table.Tr>
              {fields.map((field) => (
                <Table.Tr key={`${field.key}-${field.label}`}>
                  <Table.Th>{field.label}</Table.Th>
                  <Table.Td>{field.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {checks.length > 0 && (
            <section aria-label="Checks">
              <Title order={5}>Checks</Title>
              <List size="sm">
                {checks.map((check) => (
                  <List.Item key={check.id} icon={<span aria-label={check.status === 'done' ? 'done' : 'open'}>{check.status === 'done' ? '☑' : '☐'}</span>}>
                    {check.title}
                  </List.Item>
                ))}
              </List>
            </section>
          )}
          {[
            { title: 'Depends on', list: dependsOn },
            { title: 'Needed by', list: dependents },
          ].map(({ title, list }) =>
            list.length === 0 ? null : (
              <section key={title} aria-label={title}>
                <Title order={5}>{title}</Title>
                <List size="sm">
                  {list.map((ref) => (
                    <List.Item key={ref.id}>
                      <Anchor component={Link} to={link(ref.id)}>
                        {ref.id}
                      </Anchor>{' '}
                      {ref.title} ({STATUS_LABELS[ref.status]})
                    </List.Item>
                  ))}
                </List>
              </section>
            ),
          )}
          <section aria-label="History">
            <Title order={5}>History</Title>
            <QueryView query={history} isEmpty={(entries) => entries.length === 0} empty="No changes recorded yet.">
              {(entries) => (
                <List size="sm">
                  {entries.map((entry) => (
                    <List.Item key={entry.id}>
                      {new Date(entry.at).toLocaleString()}: {entry.field} {entry.from ?? '—'} → {entry.to ?? '—'}
                      {entry.user ? ` by ${entry.user.name}` : ''} ({entry.source})
                    </List.Item>
                  ))}
                </List>
              )}
            </QueryView>
          </section>
        </Stack>
      )}
    </QueryView>
  );
}

export function ItemDrawer({ projectKey }: { projectKey: string }) {
  const [params, setParams] = useSearchParams();
  const itemKey = params.get('item');
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('item');
    setParams(next);
  };
  return (
    <Drawer opened={itemKey !== null} onClose={close} position="right" size="lg" title={itemKey ?? ''} aria-label="Item">
      {itemKey && <ItemBody projectKey={projectKey} itemKey={itemKey} />}
    </Drawer>
  );
}
