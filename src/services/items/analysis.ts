// A project's analysis, document by document: progress, dependency graph, next work, lint and the
// sprint forecast. Thin over the services the CLI uses (status, graph, next, lint, sprint); the
// results of each document version are kept with it, except the forecast when no seed is given.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { memoized } from '../documents/parsed.js';
import type { ParsedDocument } from '../documents/parsed.js';
import { projectDocuments } from '../documents/read.js';
import { planGraph } from '../graph.js';
import type { PlanGraph } from '../graph.js';
import { lintPlans } from '../lint.js';
import type { LintResult } from '../lint.js';
import { nextWork } from '../next.js';
import type { NextResult } from '../next.js';
import { sprintStatus } from '../sprint.js';
import type { SprintStatus } from '../sprint.js';
import { planStatus } from '../status.js';
import type { PlanStatus } from '../status.js';

export interface PerDocument<T> {
  document: string;
  version: number;
  result: T;
}

async function eachDocument<T>(db: Kysely<Database>, projectId: string, run: (document: ParsedDocument) => T): Promise<Array<PerDocument<T>>> {
  const documents = await projectDocuments(db, projectId);
  return documents.map((document) => ({ document: document.name, version: document.version, result: run(document) }));
}

export function projectProgress(db: Kysely<Database>, projectId: string): Promise<Array<PerDocument<PlanStatus>>> {
  return eachDocument(db, projectId, (document) => memoized(document, 'progress', () => planStatus(document.name, document.plan, document.index)));
}

export function projectGraph(db: Kysely<Database>, projectId: string, options: { criticalOnly?: boolean } = {}): Promise<Array<PerDocument<PlanGraph>>> {
  return eachDocument(db, projectId, (document) =>
    memoized(document, `graph:${options.criticalOnly === true}`, () => planGraph(document.plan, document.index, options)),
  );
}

export function projectNext(db: Kysely<Database>, projectId: string, options: { limit?: number; concurrency?: number } = {}): Promise<Array<PerDocument<NextResult>>> {
  return eachDocument(db, projectId, (document) =>
    memoized(document, `next:${options.limit ?? ''}:${options.concurrency ?? ''}`, () => nextWork(document.plan, document.index, options)),
  );
}

export function projectLint(db: Kysely<Database>, projectId: string): Promise<Array<PerDocument<LintResult>>> {
  return eachDocument(db, projectId, (document) =>
    memoized(document, 'lint', () => lintPlans([{ path: document.name, plan: document.plan, index: document.index }])),
  );
}

export function projectForecast(db: Kysely<Database>, projectId: string, options: { seed?: number } = {}): Promise<Array<PerDocument<SprintStatus>>> {
  return eachDocument(db, projectId, (document) =>
    options.seed === undefined
      ? sprintStatus(document.name, document.plan, document.index)
      : memoized(document, `forecast:${options.seed}`, () => sprintStatus(document.name, document.plan, document.index, options)),
  );
}
