// Sign in and sign up. After either, the user goes back to the page that sent them here (`next`),
// or to the projects list. RequireAuth is the other half: signed out, it sends here with `next`.

import { Anchor, Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { setSession } from '../api/session';
import type { SessionAnswer } from '../api/session';
import { useSession } from '../api/useSession';

/** Only paths inside the app: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function SignInPage({ mode }: { mode: 'signin' | 'signup' }) {
  const session = useSession();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (session) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = mode === 'signup' ? { email, name, password } : { email, password };
      const answer = await api<SessionAnswer>(mode === 'signup' ? 'auth/register' : 'auth/login', { method: 'POST', json: body, anonymous: true });
      queryClient.clear();
      setSession(answer);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const other = mode === 'signup' ? '/signin' : '/signup';
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <Title order={2}>{mode === 'signup' ? 'Create an account' : 'Sign in to scrumdown'}</Title>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput label="E-mail" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          {mode === 'signup' && <TextInput label="Name" autoComplete="name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />}
          <PasswordInput
            label="Password"
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
            description={mode === 'signup' ? 'At least 8 characters.' : undefined}
            required
            minLength={mode === 'signup' ? 8 : undefined}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            {mode === 'signup' ? 'Sign up' : 'Sign in'}
          </Button>
          <Text size="sm">
            {mode === 'signup' ? 'Have an account? ' : 'New here? '}
            <Anchor component={Link} to={`${other}?next=${encodeURIComponent(next)}`}>
              {mode === 'signup' ? 'Sign in' : 'Create an account'}
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
