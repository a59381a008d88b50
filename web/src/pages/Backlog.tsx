// The backlog: every item as a tree (children under their parent, collapsible) or, with filters,
// the matching items; virtualised, loaded 200 at a time. A row's Edit opens an inline form for
// status, assignee, points, hours and priority, sent with the version the row was read at
// (If-Match), so a plan changed meanwhile is reported rather than overwritten.

import { ActionIcon, Alert, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, projectPath } from '../api/client';
import { keys } from '../api/hooks';
import type { Item, ItemPage, Status } from '../api/types';
import { STATUSES, STATUS_LABELS } from '../api/types';
import { ItemDrawer, useItemLink } from '../components/ItemDrawer';
import { ErrorState, LoadingState } from '../components/QueryView';

const ROW = 44;
const EDIT_ROW = 140;
const KINDS = ['epic', 'phase', 'story', 'task', 'subtask'];

interface Filters {
  status: string;
  kind: string;
  assignee: string;
  q: string;
  ready: boolean;
}

interface Row {
  item: Item;
  version: number;
  depth: number;
  hasChildren: boolean;
}

/** Items in document order with their depth; children of a collapsed item left out. */
function treeRows(items: { item: Item; version: number }[], collapsed: Set<string>, flat: boolean): Row[] {
  const byId = new Map(items.map((entry) => [`${entry.item.document}:${entry.item.id}`, entry.item]));
  const parentOf = (item: Item) => (item.parent ? byId.get(`${item.document}:${item.parent}`) : undefined);
  const withChildren = new Set(items.flatMap(({ item }) => (item.parent ? [`${item.document}:${item.parent}`] : [])));
  const rows: Row[] = [];
  for (const { item, version } of items) {
    let depth = 0;
    let hidden = false;
    for (let parent = parentOf(item); parent && !flat; parent = parentOf(parent)) {
      depth += 1;
      if (collapsed.has(parent.key)) hidden = true;
    }
    if (!hidden) rows.push({ item, version, depth: flat ? 0 : depth, hasChildren: !flat && withChildren.has(`${item.document}:${item.id}`) });
  }
  return rows;
}

function EditRow({ projectKey, row, onClose }: { projectKey: string; row: Row; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { item } = row;
  const [status, setStatus] = useState<Status>(item.status);
  const [assignee, setAssignee] = useState(item.assignee ?? '');
  const [points, setPoints] = useState<number | string>(item.points ?? '');
  const [hours, setHours] = useState<number | string>(item.hours ?? '');
  const [priority, setPriority] = useState(item.priority ?? '');
  const save = useMutation({
    mutationFn: () => {
      const changes: Record<string, unknown> = {};
      if (status !== item.status) changes.status = status;
      if (assignee !== (item.assignee ?? '')) changes.assignee = assignee === '' ? null : assignee;
      if (points !== (item.points ?? '')) changes.points = points === '' ? null : Number(points);
      if (hours !== (item.hours ?? '')) changes.hours = hours === '' ? null : Number(hours);
      if (priority !== (item.priority ?? '')) changes.priority = priority === '' ? null : priority;
      return api(projectPath(projectKey, `/items/${encodeURIComponent(item.key)}`), { method: 'PATCH', json: changes, headers: { 'if-match': `"${row.version}"` } });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.project(projectKey) });
      onClose();
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit} gap={4} aria-label={`Edit ${item.key}`} py={4}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <NativeSelect size="xs" label="Status" data={STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))} value={status} onChange={(e) => setStatus(e.currentTarget.value as Status)} />
        <TextInput size="xs" label="Assignee" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)} />
        <NumberInput size="xs" label="Points" min={0} value={points} onChange={setPoints} w={90} />
        <NumberInput size="xs" label="Hours" min={0} value={hours} onChange={setHours} w={90} />
        <TextInput size="xs" label="Priority" value={priority} onChange={(e) => setPriority(e.currentTarget.value)} w={110} />
        <Button size="xs" type="submit" loading={save.isPending}>
          Save
        </Button>
        <Button size="xs" variant="default" onClick={onClose}>
          Cancel
        </Button>
      </Group>
      {save.isError && (
        <Text size="xs" c="red" role="alert">
          {stale ? 'Changed by someone else since the list was loaded: reload the list and edit again.' : save.error.message}
          {stale && (
            <Button size="compact-xs" variant="subtle" ml="xs" onClick={() => void queryClient.invalidateQueries({ queryKey: keys.project(projectKey) }).then(onClose)}>
              Reload
            </Button>
          )}
        </Text>
      )}
    </Stack>
  );
}

export function BacklogPage() {
  const { projectKey = '' } = useParams();
  const link = useItemLink();
  const [filters, setFilters] = useState<Filters>({ status: '', kind: '', assignee: '', q: '', ready: false });
  const [debounced] = useDebouncedValue(filters, 250);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const filtered = debounced.status !== '' || debounced.kind !== '' || debounced.assignee !== '' || debounced.q !== '' || debounced.ready;
  const list = useInfiniteQuery({
    queryKey: keys.inProject(projectKey, 'backlog', debounced),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '200' });
      for (const name of ['status', 'kind', 'assignee', 'q'] as const) if (debounced[name] !== '') query.set(name, debounced[name]);
      if (debounced.ready) query.set('ready', 'true');
      if (pageParam) query.set('cursor', pageParam);
      return api<ItemPage>(projectPath(projectKey, `/items?${query.toString()}`));
    },
    getNextPageParam: (last) => last.nextCursor,
  });
  const loaded = useMemo(() => list.data?.pages.flatMap((page) => page.items.map((item) => ({ item, version: page.versions[item.document] ?? 0 }))) ?? [], [list.data]);
  const rows = useMemo(() => treeRows(loaded, collapsed, filtered), [loaded, collapsed, filtered]);
  const viewport = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => viewport.current, estimateSize: (index) => (rows[index]?.item.key === editing ? EDIT_ROW : ROW), overscan: 8 });
  useEffect(() => virtualizer.measure(), [editing, virtualizer]);
  const last = virtualizer.getVirtualItems().at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (last >= rows.length - 20 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [last, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const set = <K extends keyof Filters>(name: K, value: Filters[K]) => setFilters((current) => ({ ...current, [name]: value }));
  const toggle = (key: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Stack>
      <Title order={2}>Backlog</Title>
      <Group align="flex-end" aria-label="Filters" role="search">
        <TextInput label="Search" placeholder="id or title" value={filters.q} onChange={(e) => set('q', e.currentTarget.value)} />
        <NativeSelect label="Status" data={[{ value: '', label: 'Any' }, ...STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))]} value={filters.status} onChange={(e) => set('status', e.currentTarget.value)} />
        <NativeSelect label="Kind" data={[{ value: '', label: 'Any' }, ...KINDS]} value={filters.kind} onChange={(e) => set('kind', e.currentTarget.value)} />
        <TextInput label="Assignee" value={filters.assignee} onChange={(e) => set('assignee', e.currentTarget.value)} />
        <Checkbox label="Ready to start" checked={filters.ready} onChange={(e) => set('ready', e.currentTarget.checked)} mb={8} />
        <Text size="sm" c="dimmed" mb={8} data-testid="backlog-total">
          {list.data ? `${list.data.pages[0].total} items` : ''}
        </Text>
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Alert color="gray">{filtered ? 'No item matches the filters.' : 'No items yet: upload a plan in the settings.'}</Alert>
      ) : (
        <ScrollArea h="calc(100vh - 260px)" viewportRef={viewport} type="auto">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="tree" aria-label="Backlog items">
            {virtualizer.getVirtualItems().map((virtual) => {
              const row = rows[virtual.index];
              const { item } = row;
              return (
                <div
                  key={item.key}
                  role="treeitem"
                  aria-level={row.depth + 1}
                  aria-expanded={row.hasChildren ? !collapsed.has(item.key) : undefined}
                  data-testid={`row-${item.key}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: virtual.size, transform: `translateY(${virtual.start}px)`, borderBottom: '1px solid var(--mantine-color-default-border)' }}
                >
                  <Group gap="xs" wrap="nowrap" h={ROW} pl={row.depth * 20}>
                    {row.hasChildren ? (
                      <ActionIcon size="sm" variant="subtle" aria-label={`${collapsed.has(item.key) ? 'Expand' : 'Collapse'} ${item.key}`} onClick={() => toggle(item.key)}>
                        <span aria-hidden="true">{collapsed.has(item.key) ? '▸' : '▾'}</span>
                      </ActionIcon>
                    ) : (
                      <span style={{ width: 22 }} />
                    )}
                    <Text size="xs" ff="monospace" w={110} truncate>
                      {item.id}
                    </Text>
                    <Text component={Link} to={link(item.key)} size="sm" truncate style={{ flex: 1 }}>
                      {item.title}
                    </Text>
                    <Badge variant="light" w={100}>
                      {STATUS_LABELS[item.status]}
                    </Badge>
                    <Text size="xs" w={120} truncate c="dimmed">
                      {item.assignee ?? ''}
                    </Text>
                    <Text size="xs" w={50}>
                      {item.points !== null ? `${item.points} pt` : ''}
                    </Text>
                    <Button size="compact-xs" variant="subtle" aria-label={`Edit ${item.key}`} onClick={() => setEditing(editing === item.key ? null : item.key)}>
                      Edit
                    </Button>
                  </Group>
                  {editing === item.key && <EditRow projectKey={projectKey} row={row} onClose={() => setEditing(null)} />}
                </div>
              );
            })}
          </div>
        </ScrollArea>
      )}
      <ItemDrawer projectKey={projectKey} />
    </Stack>
  );
}
