// The signed-in user's API tokens (for the CLI, MCP and scripts): create one, shown this once,
// and revoke any. Lists show only a token's prefix.

import { Alert, Button, Card, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { QueryView } from '../../components/QueryView';

interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const TOKENS = ['tokens'] as const;

export function Tokens() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS, queryFn: async () => (await api<{ tokens: ApiToken[] }>('tokens')).tokens });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api<ApiToken & { token: string }>('tokens', { method: 'POST', json: { name } }),
    onSuccess: async (answer) => {
      setCreated(answer.token);
      setName('');
      await queryClient.invalidateQueries({ queryKey: TOKENS });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const failure = create.error ?? revoke.error;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        Your API tokens
      </Title>
      {failure && (
        <Alert color="red" role="alert" mb="sm">
          {failure.message}
        </Alert>
      )}
      {created && (
        <Alert color="green" role="status" mb="sm" withCloseButton onClose={() => setCreated(null)} title="Copy the token now: it is not shown again">
          <Code data-testid="new-token">{created}</Code>
        </Alert>
      )}
      <Stack>
        <QueryView query={tokens} isEmpty={(list) => list.length === 0} empty="No API tokens.">
          {(list) => (
            <Table aria-label="API tokens">
              <Table.Tbody>
                {list.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.lastUsedAt ? `used ${new Date(token.lastUsedAt).toLocaleString()}` : 'never used'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" color="red" aria-label={`Revoke ${token.name}`} onClick={() => revoke.mutate(token.id)}>
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryView>
        <Group component="form" onSubmit={submit} align="flex-end" aria-label="New API token">
          <TextInput label="Token name" required value={name} onChange={(event) => setName(event.currentTarget.value)} />
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
