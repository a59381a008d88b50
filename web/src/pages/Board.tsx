// The board: a column per status, each a virtualised list loaded a page at a time (a plan of
// thousands of items opens as fast as one of ten). It holds the plan's actionable items, the work
// progress counts: a phase, an epic or a story with tasks takes its status from its children, so
// it is not a card (the backlog shows it above them). Dragging a card to another column sets its
// status with PATCH and the document version the card was read at (If-Match), so a plan changed
// meanwhile answers 409 and the user is told and offered a reload instead of overwriting it.
// Cards move with the pointer or the keyboard: Space picks a card up by its handle, the arrow
// keys move it between columns, Space drops it, Escape puts it back.

import { Alert, Anchor, Badge, Button, Card, Group, Modal, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import type { Announcements, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, projectPath } from '../api/client';
import { canWrite, keys, useProject } from '../api/hooks';
import type { Item, ItemPage, Status } from '../api/types';
import { STATUS_LABELS } from '../api/types';
import { useSession } from '../api/useSession';
import { ItemDrawer, useItemLink } from '../components/ItemDrawer';
import { KEYBOARD_CODES, followPointer, zoneCoordinates } from '../components/dnd';
import { ErrorState, LoadingState } from '../components/QueryView';

export const BOARD_COLUMNS: Status[] = ['todo', 'in_progress', 'review', 'blocked', 'done'];
const PAGE = 200;
const CARD_HEIGHT = 84;

interface BoardCard {
  item: Item;
  /** The document's version when the card was read: sent as If-Match. */
  version: number;
}

type Pages = InfiniteData<ItemPage, unknown>;

// Sensor options made once: new ones on every render would rebind the sensors mid-drag.
const KEYBOARD = { coordinateGetter: zoneCoordinates(() => BOARD_COLUMNS), keyboardCodes: KEYBOARD_CODES };
const POINTER = { activationConstraint: { distance: 5 } };

const columnKey = (projectKey: string, status: Status) => keys.inProject(projectKey, 'board', status);

function useColumn(projectKey: string, status: Status) {
  return useInfiniteQuery({
    queryKey: columnKey(projectKey, status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ status, actionable: 'true', limit: String(PAGE) });
      if (pageParam) query.set('cursor', pageParam);
      return api<ItemPage>(projectPath(projectKey, `/items?${query.toString()}`));
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

function cardsOf(data: Pages | undefined): BoardCard[] {
  return data?.pages.flatMap((page) => page.items.map((item) => ({ item, version: page.versions[item.document] ?? 0 }))) ?? [];
}

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${String(active.id)}. Use the left and right arrow keys to choose a column, Space to drop, Escape to cancel.`,
  onDragOver: ({ active, over }) => (over ? `${String(active.id)} is over ${STATUS_LABELS[over.id as Status]}.` : `${String(active.id)} is over no column.`),
  onDragEnd: ({ active, over }) => (over ? `${String(active.id)} dropped on ${STATUS_LABELS[over.id as Status]}.` : `${String(active.id)} put back.`),
  onDragCancel: ({ active }) => `Moving ${String(active.id)} was cancelled; it is back where it was.`,
};

function CardBody({ card, dragging = false }: { card: BoardCard; dragging?: boolean }) {
  const link = useItemLink();
  const { item } = card;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {item.id}
        </Text>
        {item.points !== null && (
          <Badge size="xs" variant="light">
            {item.points} pt
          </Badge>
        )}
      </Group>
      {dragging ? (
        <Text size="sm" lineClamp={2}>
          {item.title}
        </Text>
      ) : (
        <Anchor component={Link} to={link(item.key)} size="sm" lineClamp={2} c="var(--mantine-color-text)">
          {item.title}
        </Anchor>
      )}
      {item.assignee && (
        <Text size="xs" c="dimmed" truncate>
          {item.assignee}
        </Text>
      )}
    </Stack>
  );
}

function DraggableCard({ card, disabled }: { card: BoardCard; disabled: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.item.key, data: card, disabled });
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="xs"
      h={CARD_HEIGHT - 8}
      style={{ opacity: isDragging ? 0.4 : 1, cursor: disabled ? undefined : 'grab', touchAction: 'none' }}
      onPointerDown={(event) => listeners?.onPointerDown?.(event)}
      data-testid={`card-${card.item.key}`}
    >
      <Group wrap="nowrap" align="flex-start" gap="xs">
        {!disabled && (
          <UnstyledButton ref={setActivatorNodeRef} {...attributes} onKeyDown={(event) => listeners?.onKeyDown?.(event)} aria-label={`Move ${card.item.id}`} px={4}>
            <span aria-hidden="true">⠿</span>
          </UnstyledButton>
        )}
        <CardBody card={card} />
      </Group>
    </Card>
  );
}

function Column({ projectKey, status, disabled }: { projectKey: string; status: Status; disabled: boolean }) {
  const column = useColumn(projectKey, status);
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const viewport = useRef<HTMLDivElement>(null);
  const cards = cardsOf(column.data);
  const total = column.data?.pages[0]?.total ?? 0;
  const virtualizer = useVirtualizer({ count: cards.length, getScrollElement: () => viewport.current, estimateSize: () => CARD_HEIGHT, overscan: 6 });
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows[rows.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = column;
  useEffect(() => {
    if (lastRow >= cards.length - 10 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastRow, cards.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const label = STATUS_LABELS[status];
  return (
    <Card
      ref={setNodeRef}
      withBorder
      padding="xs"
      miw={240}
      mih={320}
      style={{ flex: 1, background: isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)' }}
      role="region"
      aria-label={`${label} column`}
      data-testid={`column-${status}`}
    >
      <Group justify="space-between" mb="xs">
        <Title order={4}>{label}</Title>
        <Badge variant="default" data-testid={`count-${status}`}>
          {total}
        </Badge>
      </Group>
      {column.isPending ? (
        <LoadingState />
      ) : column.isError ? (
        <ErrorState error={column.error} onRetry={() => void column.refetch()} />
      ) : cards.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="md">
          Nothing here
        </Text>
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 210px)" viewportRef={viewport} type="auto">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => (
              <div key={cards[row.index].item.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: CARD_HEIGHT, transform: `translateY(${row.start}px)` }}>
                <DraggableCard card={cards[row.index]} disabled={disabled} />
              </div>
            ))}
          </div>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}

/** Moves a card between the cached columns, so it lands at once; the refetch confirms it. */
function moveInCache(data: Pages | undefined, card: BoardCard, change: 'remove' | 'add'): Pages | undefined {
  if (!data) return data;
  const pages = data.pages.map((page, index) => {
    const items = page.items.filter((item) => item.key !== card.item.key);
    const total = page.total + (change === 'add' ? 1 : -1);
    return { ...page, total, items: change === 'add' && index === 0 ? [card.item, ...items] : items };
  });
  return { ...data, pages };
}

export function BoardPage() {
  const { projectKey = '' } = useParams();
  const session = useSession();
  const project = useProject(projectKey);
  const queryClient = useQueryClient();
  const [dragged, setDragged] = useState<BoardCard | null>(null);
  const [conflict, setConflict] = useState(false);
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER),
    useSensor(KeyboardSensor, KEYBOARD),
  );
  const readOnly = project.data !== undefined && !canWrite(project.data, session?.user.isAdmin ?? false);

  const move = useMutation({
    mutationFn: ({ card, status }: { card: BoardCard; status: Status }) =>
      api<{ version: number }>(projectPath(projectKey, `/items/${encodeURIComponent(card.item.key)}`), {
        method: 'PATCH',
        json: { status },
        headers: { 'if-match': `"${card.version}"` },
      }),
    onMutate: ({ card, status }) => {
      queryClient.setQueryData<Pages>(columnKey(projectKey, card.item.status), (data) => moveInCache(data, card, 'remove'));
      queryClient.setQueryData<Pages>(columnKey(projectKey, status), (data) => moveInCache(data, { ...card, item: { ...card.item, status } }, 'add'));
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'stale_edit')) setConflict(true);
      else void queryClient.invalidateQueries({ queryKey: keys.project(projectKey) });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.project(projectKey) }),
  });

  const onDragStart = (event: DragStartEvent) => setDragged((event.active.data.current as BoardCard | undefined) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const card = event.active.data.current as BoardCard | undefined;
    const status = event.over?.id as Status | undefined;
    if (card && status && status !== card.item.status) move.mutate({ card, status });
  };
  const reload = () => {
    setConflict(false);
    void queryClient.invalidateQueries({ queryKey: keys.project(projectKey) });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Board</Title>
        {readOnly && <Text c="dimmed">Viewers cannot move cards.</Text>}
      </Group>
      {move.isError && !conflict && (
        <Alert color="red" role="alert" withCloseButton onClose={() => move.reset()} title="The card was not moved">
          {move.error.message}
        </Alert>
      )}
      <DndContext sensors={sensors} collisionDetection={followPointer} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)} accessibility={{ announcements }}>
        <Group align="flex-start" wrap="nowrap" gap="sm" style={{ overflowX: 'auto' }}>
          {BOARD_COLUMNS.map((status) => (
            <Column key={status} projectKey={projectKey} status={status} disabled={readOnly} />
          ))}
        </Group>
        <DragOverlay>
          {dragged && (
            <Card withBorder shadow="md" padding="xs" h={CARD_HEIGHT - 8} w={240}>
              <CardBody card={dragged} dragging />
            </Card>
          )}
        </DragOverlay>
      </DndContext>
      <Modal opened={conflict} onClose={reload} title="Changed by someone else">
        <Stack>
          <Text>The plan changed since the board was loaded, so the card was not moved. Reload to see the current plan, then move it again.</Text>
          <Button onClick={reload}>Reload</Button>
        </Stack>
      </Modal>
      <ItemDrawer projectKey={projectKey} />
    </Stack>
  );
}
