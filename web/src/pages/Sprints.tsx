// Sprint planning: the open backlog on the left, the planned and active sprints on the right.
// Dragging an item (pointer, or keyboard: Space on its handle, arrows, Space) onto a sprint adds
// it; onto the backlog takes it out. Each sprint shows its points against its capacity and the
// hours of its items per member and per role against theirs; a bar over capacity turns red.

import { Alert, Badge, Button, Card, Group, NumberInput, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import type { Active, Announcements, DragEndEvent, Over } from '@dnd-kit/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, projectPath } from '../api/client';
import { keys, useSprints } from '../api/hooks';
import type { Item, ItemPage, Member, Sprint } from '../api/types';
import { KEYBOARD_CODES, followPointer, zoneCoordinates } from '../components/dnd';
import { ItemDrawer } from '../components/ItemDrawer';
import { ErrorState, LoadingState, QueryView } from '../components/QueryView';

const OPEN = 'todo,in_progress,review,blocked';
const BACKLOG = 'backlog';

/** Every open item of the project: planning needs their hours and assignees, not one page. */
function useOpenItems(projectKey: string) {
  return useQuery({
    queryKey: keys.inProject(projectKey, 'open-items'),
    queryFn: async () => {
      const items: Item[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ status: OPEN, limit: '200' });
        if (cursor) query.set('cursor', cursor);
        const page: ItemPage = await api<ItemPage>(projectPath(projectKey, `/items?${query.toString()}`));
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items.filter((item) => item.kind !== 'phase' && item.kind !== 'epic');
    },
  });
}

function LoadBar({ label, load, capacity, unit }: { label: string; load: number; capacity: number; unit: string }) {
  const over = load > capacity;
  const value = capacity === 0 ? (load > 0 ? 100 : 0) : Math.min(100, (load / capacity) * 100);
  return (
    <div data-testid={`load-${label}`} data-over={over ? 'true' : 'false'}>
      <Group justify="space-between" gap="xs">
        <Text size="xs">{label}</Text>
        <Text size="xs" c={over ? 'red' : 'dimmed'} fw={over ? 700 : undefined}>
          {load} / {capacity} {unit}
          {over ? ' (over)' : ''}
        </Text>
      </Group>
      <Progress value={value} color={over ? 'red' : 'teal'} aria-label={`${label}: ${load} of ${capacity} ${unit}`} />
    </div>
  );
}

function DraggableItem({ item, from }: { item: Item | Sprint['items'][number]; from: string }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({ id: `${from}|${item.key}`, data: { key: item.key, from } });
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding={6}
      onPointerDown={(event) => listeners?.onPointerDown?.(event)}
      style={{ transform: transform ? `translate(${transform.x}px, ${transform.y}px)` : undefined, zIndex: isDragging ? 10 : undefined, position: 'relative', touchAction: 'none', cursor: 'grab' }}
      data-testid={`plan-${item.key}`}
    >
      <Group gap="xs" wrap="nowrap">
        <UnstyledButton ref={setActivatorNodeRef} {...attributes} onKeyDown={(event) => listeners?.onKeyDown?.(event)} aria-label={`Move ${item.key}`} px={4}>
          <span aria-hidden="true">⠿</span>
        </UnstyledButton>
        <Text size="xs" ff="monospace">
          {item.key}
        </Text>
        <Text size="sm" truncate style={{ flex: 1 }}>
          {item.title}
        </Text>
        {item.points !== null && <Badge size="xs">{item.points} pt</Badge>}
      </Group>
    </Card>
  );
}

function Zone({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <Card ref={setNodeRef} withBorder role="region" aria-label={label} style={{ background: isOver ? 'var(--mantine-color-blue-light)' : undefined }} data-testid={`zone-${id}`}>
      {children}
    </Card>
  );
}

function CapacityForm({ projectKey, sprint, members }: { projectKey: string; sprint: Sprint; members: Member[] }) {
  const queryClient = useQueryClient();
  const initial = (userId: string) => sprint.capacity.members.find((m) => m.userId === userId);
  const [rows, setRows] = useState(() => members.map((m) => ({ userId: m.userId, name: m.name, hoursPerDay: initial(m.userId)?.hoursPerDay ?? 0, role: initial(m.userId)?.role ?? '' })));
  const save = useMutation({
    mutationFn: () =>
      api(projectPath(projectKey, `/sprints/${sprint.number}/capacity`), {
        method: 'PUT',
        json: {
          members: rows.filter((r) => r.hoursPerDay > 0).map((r) => ({ userId: r.userId, hoursPerDay: r.hoursPerDay, role: r.role === '' ? null : r.role })),
          // Declared role capacity stays as declared; roles without one add up their members.
          roles: sprint.capacity.roles.flatMap((r) => (r.declaredHours === null ? [] : [{ role: r.role, hours: r.declaredHours }])),
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.inProject(projectKey, 'sprints') }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit} gap="xs" aria-label={`Capacity of sprint ${sprint.number}`}>
      {save.isError && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Table>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={row.userId}>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td>
                <NumberInput
                  label={`Hours a day of ${row.name}`}
                  size="xs"
                  min={0}
                  max={24}
                  step={0.5}
                  value={row.hoursPerDay}
                  onChange={(value) => setRows((all) => all.map((r, i) => (i === index ? { ...r, hoursPerDay: typeof value === 'number' ? value : Number(value) || 0 } : r)))}
                />
              </Table.Td>
              <Table.Td>
                <TextInput label={`Role of ${row.name}`} size="xs" value={row.role} onChange={(event) => {
                  const role = event.currentTarget.value;
                  setRows((all) => all.map((r, i) => (i === index ? { ...r, role } : r)));
                }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button type="submit" size="xs" loading={save.isPending}>
          Save capacity
        </Button>
      </Group>
    </Stack>
  );
}

function SprintCard({ projectKey, sprint, hoursOf, members }: { projectKey: string; sprint: Sprint; hoursOf: Map<string, Item>; members: Member[] }) {
  const [editing, setEditing] = useState(false);
  const loadOf = (match: (item: Item) => boolean) => sprint.items.reduce((sum, entry) => {
    const item = hoursOf.get(entry.key);
    return item && match(item) ? sum + (item.hours ?? 0) : sum;
  }, 0);
  const assignedTo = (name: string | null) => (item: Item) => name !== null && (item.assignee ?? '').toLowerCase().split(/\s*,\s*/).includes(name.toLowerCase());
  return (
    <Zone id={sprint.id} label={`Sprint ${sprint.number}: ${sprint.name}`}>
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          #{sprint.number} {sprint.name}
        </Title>
        <Badge variant="light">{sprint.state}</Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {sprint.startDate} to {sprint.endDate}
      </Text>
      <Stack gap={6} mb="sm">
        {sprint.capacityPoints !== null && <LoadBar label="Points" load={sprint.points} capacity={sprint.capacityPoints} unit="points" />}
        {sprint.capacity.members.map((member) => (
          <LoadBar key={member.userId} label={member.name ?? member.userId} load={loadOf(assignedTo(member.name))} capacity={member.hours} unit="h" />
        ))}
        {sprint.capacity.roles.map((role) => {
          const holders = sprint.capacity.members.filter((m) => m.role === role.role).map((m) => m.name);
          return <LoadBar key={role.role} label={`Role ${role.role}`} load={loadOf((item) => holders.some((name) => assignedTo(name)(item)))} capacity={role.hours} unit="h" />;
        })}
      </Stack>
      <Stack gap={4}>
        {sprint.items.length === 0 ? <Text size="sm" c="dimmed">Drop items here.</Text> : sprint.items.map((item) => <DraggableItem key={item.key} item={item} from={sprint.id} />)}
      </Stack>
      <Button size="xs" variant="subtle" mt="xs" onClick={() => setEditing((open) => !open)}>
        {editing ? 'Close capacity' : 'Edit capacity'}
      </Button>
      {editing && <CapacityForm projectKey={projectKey} sprint={sprint} members={members} />}
    </Zone>
  );
}

function NewSprint({ projectKey }: { projectKey: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [capacityPoints, setPoints] = useState<number | string>('');
  const create = useMutation({
    mutationFn: () => api(projectPath(projectKey, '/sprints'), { method: 'POST', json: { name, startDate, endDate, capacityPoints: capacityPoints === '' ? null : Number(capacityPoints) } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.inProject(projectKey, 'sprints') }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label="New sprint">
      {create.isError && (
        <Alert color="red" role="alert" mb="xs">
          {create.error.message}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput label="Sprint name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput label="Start" type="date" required value={startDate} onChange={(e) => setStart(e.currentTarget.value)} />
        <TextInput label="End" type="date" required value={endDate} onChange={(e) => setEnd(e.currentTarget.value)} />
        <NumberInput label="Capacity (points)" min={0} value={capacityPoints} onChange={setPoints} w={140} />
        <Button type="submit" loading={create.isPending}>
          Create sprint
        </Button>
      </Group>
    </Card>
  );
}

export function SprintsPage() {
  const { projectKey = '' } = useParams();
  const queryClient = useQueryClient();
  const sprints = useSprints(projectKey);
  const items = useOpenItems(projectKey);
  const members = useQuery({ queryKey: keys.inProject(projectKey, 'members'), queryFn: async () => (await api<{ members: Member[] }>(projectPath(projectKey, '/members'))).members });
  const open = (sprints.data ?? []).filter((sprint) => sprint.state !== 'closed');
  // The sensors' options are made once (new ones would rebind the sensors mid-drag); the zones
  // they move between are read from a ref that follows the sprints.
  const zones = useRef<string[]>([]);
  zones.current = [BACKLOG, ...open.map((sprint) => sprint.id)];
  const keyboard = useMemo(() => ({ coordinateGetter: zoneCoordinates(() => zones.current), keyboardCodes: KEYBOARD_CODES }), []);
  const pointer = useMemo(() => ({ activationConstraint: { distance: 5 } }), []);
  const sensors = useSensors(useSensor(PointerSensor, pointer), useSensor(KeyboardSensor, keyboard));
  const move = useMutation({
    mutationFn: async ({ key, from, to }: { key: string; from: string; to: string }) => {
      const number = (id: string) => open.find((sprint) => sprint.id === id)!.number;
      if (from !== BACKLOG) await api(projectPath(projectKey, `/sprints/${number(from)}/items/${encodeURIComponent(key)}`), { method: 'DELETE' });
      if (to !== BACKLOG) await api(projectPath(projectKey, `/sprints/${number(to)}/items`), { method: 'POST', json: { items: [key] } });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.inProject(projectKey, 'sprints') }),
  });
  const keyOf = (active: Active) => (active.data.current as { key: string } | undefined)?.key ?? String(active.id);
  const zoneName = (over: Over | null) => {
    const sprint = open.find((s) => s.id === over?.id);
    return over === null ? 'no sprint' : sprint ? `Sprint ${sprint.number}` : 'Backlog';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${keyOf(active)}. Use the arrow keys to choose the backlog or a sprint, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => `${keyOf(active)} is over ${zoneName(over)}.`,
    onDragEnd: ({ active, over }) => `${keyOf(active)} dropped on ${zoneName(over)}.`,
    onDragCancel: ({ active }) => `Moving ${keyOf(active)} was cancelled.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const data = active.data.current as { key: string; from: string } | undefined;
    const to = over?.id as string | undefined;
    if (data && to && to !== data.from) move.mutate({ key: data.key, from: data.from, to });
  };

  if (sprints.isPending || items.isPending) return <LoadingState />;
  if (sprints.isError) return <ErrorState error={sprints.error} onRetry={() => void sprints.refetch()} />;
  if (items.isError) return <ErrorState error={items.error} onRetry={() => void items.refetch()} />;
  const planned = new Set(open.flatMap((sprint) => sprint.items.map((item) => item.key)));
  const backlog = items.data.filter((item) => !planned.has(item.key));
  const byKey = new Map(items.data.map((item) => [item.key, item]));
  return (
    <Stack>
      <Title order={2}>Sprint planning</Title>
      {move.isError && (
        <Alert color="red" role="alert" withCloseButton onClose={() => move.reset()} title="The item was not moved">
          {move.error.message}
        </Alert>
      )}
      <DndContext sensors={sensors} collisionDetection={followPointer} onDragEnd={onDragEnd} accessibility={{ announcements }}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Zone id={BACKLOG} label="Backlog">
            <Title order={5} mb="xs">
              Backlog ({backlog.length})
            </Title>
            <ScrollArea.Autosize mah="70vh" type="auto">
              <Stack gap={4}>
                {backlog.length === 0 ? <Text size="sm" c="dimmed">Every open item is in a sprint.</Text> : backlog.map((item) => <DraggableItem key={item.key} item={item} from={BACKLOG} />)}
              </Stack>
            </ScrollArea.Autosize>
          </Zone>
          <Stack>
            {open.length === 0 && <Text c="dimmed">No planned or active sprint: create one below.</Text>}
            <QueryView query={members}>
              {(list) => (
                <Stack>
                  {open.map((sprint) => (
                    <SprintCard key={sprint.id} projectKey={projectKey} sprint={sprint} hoursOf={byKey} members={list} />
                  ))}
                </Stack>
              )}
            </QueryView>
          </Stack>
        </SimpleGrid>
      </DndContext>
      <NewSprint projectKey={projectKey} />
      <ItemDrawer projectKey={projectKey} />
    </Stack>
  );
}
