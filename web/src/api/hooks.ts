// TanStack Query hooks for the resources the pages share, keyed so one invalidation after a change
// (an item's status, an upload) refreshes every view of the project.

import { useQuery } from '@tanstack/react-query';
import { api, projectPath } from './client';
import type { DocumentSummary, Finding, PerDocument, ProgressReport, Project, Sprint } from './types';

export const keys = {
  projects: ['projects'] as const,
  project: (key: string) => ['project', key] as const,
  /** Everything read from one project: invalidate this after a change to it. */
  inProject: (key: string, ...rest: unknown[]) => ['project', key, ...rest] as const,
};

export function useProject(key: string) {
  return useQuery({ queryKey: keys.inProject(key, 'info'), queryFn: () => api<Project>(projectPath(key)) });
}

export function useDocuments(key: string) {
  return useQuery({
    queryKey: keys.inProject(key, 'documents'),
    queryFn: async () => (await api<{ documents: DocumentSummary[] }>(projectPath(key, '/documents'))).documents,
  });
}

export function useProgress(key: string) {
  return useQuery({ queryKey: keys.inProject(key, 'progress'), queryFn: () => api<PerDocument<ProgressReport>>(projectPath(key, '/progress')) });
}

export function useLint(key: string) {
  return useQuery({
    queryKey: keys.inProject(key, 'lint'),
    queryFn: () => api<PerDocument<{ findings: Finding[] }>>(projectPath(key, '/lint')),
  });
}

export function useSprints(key: string) {
  return useQuery({
    queryKey: keys.inProject(key, 'sprints'),
    queryFn: async () => (await api<{ sprints: Sprint[] }>(projectPath(key, '/sprints'))).sprints,
  });
}

/** Whether the signed-in user may change the project's documents and items. */
export function canWrite(project: Project | undefined, isAdmin: boolean): boolean {
  return isAdmin || project?.role === 'owner' || project?.role === 'member';
}
