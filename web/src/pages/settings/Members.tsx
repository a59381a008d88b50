// The project's members: everyone sees who is in it; owners (and administrators) add people by
// e-mail, change roles and remove members. The server keeps at least one owner and says so.

import { Alert, Button, Card, Group, NativeSelect, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, projectPath } from '../../api/client';
import { keys } from '../../api/hooks';
import type { Member } from '../../api/types';
import { QueryView } from '../../components/QueryView';

const ROLES = ['owner', 'member', 'viewer'];

export function Members({ projectKey, canManage }: { projectKey: string; canManage: boolean }) {
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: keys.inProject(projectKey, 'members'), queryFn: async () => (await api<{ members: Member[] }>(projectPath(projectKey, '/members'))).members });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('member');
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.inProject(projectKey, 'members') });
  const put = useMutation({
    mutationFn: (change: { user: string; role: string }) => api(projectPath(projectKey, `/members/${encodeURIComponent(change.user)}`), { method: 'PUT', json: { role: change.role } }),
    onSuccess: () => refresh(),
  });
  const remove = useMutation({
    mutationFn: (user: string) => api(projectPath(projectKey, `/members/${encodeURIComponent(user)}`), { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
  const failure = put.error ?? remove.error;
  const add = (event: FormEvent) => {
    event.preventDefault();
    put.mutate({ user: email, role }, { onSuccess: () => setEmail('') });
  };
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Members
      </Title>
      {failure && (
        <Alert color="red" role="alert" mb="sm">
          {failure.message}
        </Alert>
      )}
      <QueryView query={members}>
        {(list) => (
          <Stack>
            <Table aria-label="Members">
              <Table.Tbody>
                {list.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Td>{member.name}</Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>
                      {canManage ? (
                        <NativeSelect
                          aria-label={`Role of ${member.name}`}
                          size="xs"
                          data={ROLES}
                          value={member.role}
                          onChange={(event) => put.mutate({ user: member.userId, role: event.currentTarget.value })}
                        />
                      ) : (
                        member.role
                      )}
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" aria-label={`Remove ${member.name}`} onClick={() => remove.mutate(member.userId)}>
                          Remove
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {canManage && (
              <Group component="form" onSubmit={add} align="flex-end" aria-label="Add a member">
                <TextInput label="E-mail of an account" type="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
                <NativeSelect label="Role" data={ROLES} value={role} onChange={(event) => setRole(event.currentTarget.value)} />
                <Button type="submit" loading={put.isPending}>
                  Add member
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}
