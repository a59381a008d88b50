// Standups: today's entry (written, or edited once written), the team's feed for a chosen day a
// page at a time, each of one's own entries editable and deletable (after a confirmation), and the
// blockers still open, which anyone in the team may mark resolved.

import { Alert, Badge, Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, projectPath } from '../api/client';
import { keys } from '../api/hooks';
import type { Standup, StandupPage } from '../api/types';
import { useSession } from '../api/useSession';
import { ErrorState, LoadingState } from '../components/QueryView';

const PAGE = 20;
const MOODS = [
  { value: '', label: 'Not given' },
  { value: '1', label: '1: rough' },
  { value: '2', label: '2' },
  { value: '3', label: '3: fine' },
  { value: '4', label: '4' },
  { value: '5', label: '5: great' },
];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

interface Fields {
  done: string;
  next: string;
  blockers: string;
  mood: string;
}

function fieldsOf(entry: Standup | undefined): Fields {
  return { done: entry?.done ?? '', next: entry?.next ?? '', blockers: entry?.blockers ?? '', mood: entry?.mood ? String(entry.mood) : '' };
}

function useInvalidate(projectKey: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.inProject(projectKey, 'standups') });
}

/** The form for a new entry of the day, or for changing one. */
function StandupForm({ projectKey, entry, day, onDone }: { projectKey: string; entry?: Standup; day: string; onDone?: () => void }) {
  const invalidate = useInvalidate(projectKey);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(entry));
  const save = useMutation({
    mutationFn: () => {
      const body = { done: fields.done, next: fields.next, blockers: fields.blockers, mood: fields.mood === '' ? null : Number(fields.mood) };
      return entry
        ? api(projectPath(projectKey, `/standups/${entry.id}`), { method: 'PATCH', json: body })
        : api(projectPath(projectKey, '/standups'), { method: 'POST', json: { ...body, day } });
    },
    onSuccess: async () => {
      await invalidate();
      if (!entry) setFields(fieldsOf(undefined));
      onDone?.();
    },
  });
  const set = (name: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [name]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit} gap="xs" aria-label={entry ? `Edit the entry of ${entry.day}` : `Standup for ${day}`}>
      {save.isError && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Textarea label="Done" autosize minRows={2} value={fields.done} onChange={set('done')} />
      <Textarea label="Next" autosize minRows={2} value={fields.next} onChange={set('next')} />
      <Textarea label="Blockers" autosize minRows={1} value={fields.blockers} onChange={set('blockers')} />
      <NativeSelect label="Mood" data={MOODS} value={fields.mood} onChange={set('mood')} w={160} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          {entry ? 'Save changes' : 'Post standup'}
        </Button>
        {onDone && (
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Entry({ projectKey, entry, mine }: { projectKey: string; entry: Standup; mine: boolean }) {
  const invalidate = useInvalidate(projectKey);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api(projectPath(projectKey, `/standups/${entry.id}`), { method: 'DELETE' }),
    onSuccess: async () => {
      setConfirming(false);
      await invalidate();
    },
  });
  return (
    <Card withBorder aria-label={`Standup of ${entry.user.name} on ${entry.day}`} data-testid={`standup-${entry.id}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {entry.user.name} · {entry.day}
        </Text>
        <Group gap="xs">
          {entry.mood !== null && <Badge variant="light">mood {entry.mood}</Badge>}
          {mine && !editing && (
            <>
              <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button size="xs" variant="light" color="red" onClick={() => setConfirming(true)}>
                Delete
              </Button>
            </>
          )}
        </Group>
      </Group>
      {editing ? (
        <StandupForm projectKey={projectKey} entry={entry} day={entry.day} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap={4}>
          {(['done', 'next', 'blockers'] as const).map((field) =>
            entry[field] ? (
              <Text key={field} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <b>{field[0].toUpperCase() + field.slice(1)}:</b> {entry[field]}
              </Text>
            ) : null,
          )}
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete this standup?">
        <Stack>
          <Text>The entry of {entry.day} is deleted for good.</Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {remove.error.message}
            </Alert>
          )}
          <Group>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function useFeed(projectKey: string, day: string) {
  return useInfiniteQuery({
    queryKey: keys.inProject(projectKey, 'standups', day),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ from: day, to: day, limit: String(PAGE) });
      if (pageParam) query.set('cursor', pageParam);
      return api<StandupPage>(projectPath(projectKey, `/standups?${query.toString()}`));
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

function OpenBlockers({ projectKey, page }: { projectKey: string; page: StandupPage }) {
  const invalidate = useInvalidate(projectKey);
  const resolve = useMutation({
    mutationFn: (id: string) => api(projectPath(projectKey, `/standups/${id}`), { method: 'PATCH', json: { blockerResolved: true } }),
    onSuccess: () => invalidate(),
  });
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Open blockers
      </Title>
      {page.openBlockers.length === 0 ? (
        <Text c="dimmed">No open blockers.</Text>
      ) : (
        <Stack gap="xs">
          {page.openBlockers.map((blocker) => (
            <Group key={blocker.standup} justify="space-between" wrap="nowrap">
              <Text size="sm">
                <b>{blocker.user.name}</b> ({blocker.day}, open {blocker.daysOpen} {blocker.daysOpen === 1 ? 'day' : 'days'}): {blocker.blockers}
              </Text>
              <Button size="xs" variant="light" loading={resolve.isPending && resolve.variables === blocker.standup} onClick={() => resolve.mutate(blocker.standup)}>
                Resolve
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function StandupsPage() {
  const { projectKey = '' } = useParams();
  const session = useSession();
  const [day, setDay] = useState(today());
  const feed = useFeed(projectKey, day);
  const todaysFeed = useFeed(projectKey, today());
  const entries = feed.data?.pages.flatMap((page) => page.entries) ?? [];
  const mineToday = todaysFeed.data?.pages.flatMap((page) => page.entries).find((entry) => entry.user.id === session?.user.id);
  return (
    <Stack>
      <Title order={2}>Standups</Title>
      <Card withBorder>
        <Title order={4} mb="xs">
          Today ({today()})
        </Title>
        {todaysFeed.isPending ? (
          <LoadingState />
        ) : mineToday ? (
          <Text c="dimmed">You have posted today's standup; edit it in the feed below.</Text>
        ) : (
          <StandupForm projectKey={projectKey} day={today()} />
        )}
      </Card>
      {feed.data && <OpenBlockers projectKey={projectKey} page={feed.data.pages[0]} />}
      <Group align="flex-end" justify="space-between">
        <Title order={4}>Team feed</Title>
        <TextInput type="date" label="Day" value={day} onChange={(event) => event.currentTarget.value && setDay(event.currentTarget.value)} />
      </Group>
      {feed.isPending ? (
        <LoadingState />
      ) : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : entries.length === 0 ? (
        <Text c="dimmed" ta="center" py="md">
          No standups on {day}.
        </Text>
      ) : (
        <Stack>
          {entries.map((entry) => (
            <Entry key={entry.id} projectKey={projectKey} entry={entry} mine={entry.user.id === session?.user.id} />
          ))}
          {feed.hasNextPage && (
            <Button variant="default" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
              Load more
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
