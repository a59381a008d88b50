// The frame of every signed-in page: the header (projects, the project's pages, the colour
// scheme, sign-out), the offline notice and the page itself.

import { ActionIcon, Alert, AppShell, Button, Group, Tabs, Text, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { getSession, setSession } from '../api/session';
import { useSession } from '../api/useSession';

const PROJECT_TABS = [
  { value: 'overview', path: '', label: 'Overview' },
  { value: 'board', path: '/board', label: 'Board' },
  { value: 'backlog', path: '/backlog', label: 'Backlog' },
  { value: 'sprints', path: '/sprints', label: 'Sprints' },
  { value: 'graph', path: '/graph', label: 'Graph' },
  { value: 'standups', path: '/standups', label: 'Standups' },
  { value: 'reports', path: '/reports', label: 'Reports' },
  { value: 'settings', path: '/settings', label: 'Settings' },
];

export function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} mode`} title={`Switch to ${next} mode`} onClick={() => setColorScheme(next)}>
      <span aria-hidden="true">{scheme === 'dark' ? '☀' : '☾'}</span>
    </ActionIcon>
  );
}

function OfflineBanner() {
  const { online } = useNetwork();
  if (online) return null;
  return (
    <Alert color="yellow" radius={0} role="status" title="You are offline">
      What you see may be out of date; changes wait until the connection is back.
    </Alert>
  );
}

function ProjectTabs({ projectKey }: { projectKey: string }) {
  const location = useLocation();
  const navigate = useNavigate();
  const base = `/p/${encodeURIComponent(projectKey)}`;
  const current = PROJECT_TABS.find((tab) => tab.path !== '' && location.pathname.startsWith(base + tab.path)) ?? PROJECT_TABS[0];
  return (
    <Tabs value={current.value} onChange={(value) => navigate(base + (PROJECT_TABS.find((tab) => tab.value === value)?.path ?? ''))} variant="pills">
      <Tabs.List aria-label="Project pages">
        {PROJECT_TABS.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

export function Layout() {
  const session = useSession();
  const queryClient = useQueryClient();
  const { projectKey } = useParams();

  const signOut = async () => {
    const refreshToken = getSession()?.refreshToken;
    // Sign-out ends the refresh token's family on the server; locally it ends whatever it answers.
    if (refreshToken) await api('auth/logout', { method: 'POST', json: { refreshToken }, anonymous: true }).catch(() => undefined);
    setSession(null);
    queryClient.clear();
  };

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Text component={Link} to="/" fw={700} size="lg">
              scrumdown
            </Text>
            {projectKey && (
              <>
                <Text c="dimmed">/ {projectKey}</Text>
                <ProjectTabs projectKey={projectKey} />
              </>
            )}
          </Group>
          <Group wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {session?.user.name}
            </Text>
            <ThemeToggle />
            <Button variant="default" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <OfflineBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
