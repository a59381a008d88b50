// The projects the user belongs to (an administrator: all), and a form to create one.

import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { keys } from '../api/hooks';
import type { Project } from '../api/types';
import { QueryView } from '../components/QueryView';

function CreateProject() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => api<Project>('projects', { method: 'POST', json: { key, name } }),
    onSuccess: async (project) => {
      await queryClient.invalidateQueries({ queryKey: keys.projects });
      navigate(`/p/${encodeURIComponent(project.key)}/settings`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label="New project">
      <Stack gap="sm">
        <Title order={4}>New project</Title>
        {create.isError && (
          <Alert color="red" role="alert">
            {create.error.message}
          </Alert>
        )}
        <Group align="flex-end">
          <TextInput
            label="Key"
            description="Lower-case letters, digits and dashes"
            required
            pattern="[a-z0-9]([a-z0-9-]*[a-z0-9])?"
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
          />
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Button type="submit" loading={create.isPending}>
            Create project
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function ProjectsPage() {
  const projects = useQuery({ queryKey: keys.projects, queryFn: async () => (await api<{ projects: Project[] }>('projects')).projects });
  return (
    <Stack>
      <Title order={2}>Projects</Title>
      <QueryView query={projects} isEmpty={(list) => list.length === 0} empty="No projects yet: create the first one below.">
        {(list) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {list.map((project) => (
              <Card key={project.id} withBorder component={Link} to={`/p/${encodeURIComponent(project.key)}`}>
                <Group justify="space-between">
                  <Text fw={600}>{project.name}</Text>
                  {project.role && <Badge variant="light">{project.role}</Badge>}
                </Group>
                <Text size="sm" c="dimmed">
                  {project.key}
                </Text>
                {project.description && <Text size="sm">{project.description}</Text>}
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryView>
      <CreateProject />
    </Stack>
  );
}
