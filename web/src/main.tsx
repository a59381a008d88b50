// The app's entry: theme (light/dark, remembered by Mantine), the query client, the routes. Heavy
// pages (the graph; charts inside the overview) are separate chunks loaded on first use.

import '@mantine/core/styles.css';
import './print.css';
import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/client';
import { Layout } from './components/Layout';
import { LoadingState } from './components/QueryView';
import { BacklogPage } from './pages/Backlog';
import { BoardPage } from './pages/Board';
import { OverviewPage } from './pages/Overview';
import { ProjectsPage } from './pages/Projects';
import { ReportsPage } from './pages/Reports';
import { SettingsPage } from './pages/Settings';
import { SprintsPage } from './pages/Sprints';
import { StandupsPage } from './pages/Standups';
import { RequireAuth, SignInPage } from './pages/SignIn';
import { theme } from './theme';

const GraphPage = lazy(() => import('./pages/Graph'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // Errors the server meant (404, 403, 400) will not change by asking again.
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
  },
});

const colorSchemeManager = localStorageColorSchemeManager({ key: 'scrumdown.color-scheme' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" colorSchemeManager={colorSchemeManager}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={<LoadingState />}>
            <Routes>
              <Route path="/signin" element={<SignInPage mode="signin" />} />
              <Route path="/signup" element={<SignInPage mode="signup" />} />
              <Route
                element={
                  <RequireAuth>
                    <Layout />
                  </RequireAuth>
                }
              >
                <Route index element={<ProjectsPage />} />
                <Route path="/p/:projectKey" element={<OverviewPage />} />
                <Route path="/p/:projectKey/board" element={<BoardPage />} />
                <Route path="/p/:projectKey/graph" element={<GraphPage />} />
                <Route path="/p/:projectKey/backlog" element={<BacklogPage />} />
                <Route path="/p/:projectKey/sprints" element={<SprintsPage />} />
                <Route path="/p/:projectKey/standups" element={<StandupsPage />} />
                <Route path="/p/:projectKey/reports" element={<ReportsPage />} />
                <Route path="/p/:projectKey/settings" element={<SettingsPage />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
