// Project settings: the plan documents (upload a new one or a new version, download the Markdown
// with every change made here applied), the members, and the user's own API tokens.

import { Alert, Button, Card, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, projectPath } from '../api/client';
import { downloadFile } from '../api/download';
import { canWrite, keys, useDocuments, useProject } from '../api/hooks';
import type { DocumentSummary } from '../api/types';
import { useSession } from '../api/useSession';
import { QueryView } from '../components/QueryView';
import { Members } from './settings/Members';
import { Tokens } from './settings/Tokens';

function Upload({ projectKey, documents }: { projectKey: string; documents: DocumentSummary[] }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const existing = file ? documents.find((document) => document.name === file.name) : undefined;
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      if (existing) {
        // A new version of a document: its bytes, against the version listed here.
        const bytes = new Uint8Array(await chosen.arrayBuffer());
        const content = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
        return api(projectPath(projectKey, `/documents/${encodeURIComponent(existing.id)}`), {
          method: 'PUT',
          json: { content, encoding: 'base64' },
          headers: { 'if-match': existing.etag },
        });
      }
      const form = new FormData();
      form.set('file', chosen, chosen.name);
      return api(projectPath(projectKey, '/documents'), { method: 'POST', body: form });
    },
    onSuccess: async () => {
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: keys.project(projectKey) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm" aria-label="Upload a plan">
      {upload.isError && (
        <Alert color="red" role="alert" title="Upload failed">
          {upload.error.message}
        </Alert>
      )}
      {upload.isSuccess && (
        <Alert color="green" role="status">
          Uploaded.
        </Alert>
      )}
      <Group align="flex-end">
        <FileInput
          label="Plan (Markdown)"
          description={existing ? `Replaces ${existing.name} (version ${existing.version})` : 'A new document, named after the file'}
          accept=".md,.markdown,text/markdown,text/plain"
          value={file}
          onChange={setFile}
          clearable
          w={320}
        />
        <Button type="submit" disabled={!file} loading={upload.isPending}>
          Upload
        </Button>
      </Group>
    </Stack>
  );
}

export function SettingsPage() {
  const { projectKey = '' } = useParams();
  const session = useSession();
  const project = useProject(projectKey);
  const documents = useDocuments(projectKey);
  const [failure, setFailure] = useState<string | null>(null);
  const writable = canWrite(project.data, session?.user.isAdmin ?? false);
  return (
    <Stack>
      <Title order={2}>Settings</Title>
      <Card withBorder>
        <Title order={4} mb="sm">
          Plan documents
        </Title>
        {failure && (
          <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)}>
            {failure}
          </Alert>
        )}
        <QueryView query={documents}>
          {(list) => (
            <Stack>
              {list.length === 0 ? (
                <Text c="dimmed">No documents yet{writable ? ': upload a plan below.' : '.'}</Text>
              ) : (
                <Table aria-label="Documents">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Version</Table.Th>
                      <Table.Th>Size</Table.Th>
                      <Table.Th>Updated</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((document) => (
                      <Table.Tr key={document.id}>
                        <Table.Td>{document.name}</Table.Td>
                        <Table.Td>{document.version}</Table.Td>
                        <Table.Td>{document.size.toLocaleString()} B</Table.Td>
                        <Table.Td>{new Date(document.updatedAt).toLocaleString()}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="light" aria-label={`Download ${document.name}`} onClick={() => downloadFile(projectPath(projectKey, `/documents/${encodeURIComponent(document.id)}?format=raw`), document.name.split('/').pop() ?? document.name).catch((error: Error) => setFailure(error.message))}>
                            Download
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {writable && <Upload projectKey={projectKey} documents={list} />}
            </Stack>
          )}
        </QueryView>
      </Card>
      <Members projectKey={projectKey} canManage={(session?.user.isAdmin ?? false) || project.data?.role === 'owner'} />
      <Tokens />
    </Stack>
  );
}
