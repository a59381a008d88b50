// The sprint report, in Jira's sections: completed in the sprint, not completed, completed
// outside the sprint (done before it joined), removed during the sprint, with the items added
// after the start marked. Read at a moment: now for an open sprint, the close for a closed one
// (closing keeps the report as it stood).

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { itemSeries, loadItemFacts, refKey, stateAt } from './series.js';
import { sprintItemRows } from './store.js';
import type { SprintItemRow, SprintRow } from './store.js';

export interface ReportEntry {
  key: string;
  title: string;
  status: string;
  points: number | null;
  addedAfterStart: boolean;
}

export interface SprintReport {
  sprint: { id: string; number: number; name: string; goal: string; startDate: string; endDate: string; state: string };
  /** When the report was read (the close, for a closed sprint). */
  at: string;
  completed: ReportEntry[];
  notCompleted: ReportEntry[];
  completedOutside: ReportEntry[];
  removed: ReportEntry[];
  totals: {
    committedPoints: number;
    committedItems: number;
    completedPoints: number;
    completedItems: number;
    notCompletedPoints: number;
    notCompletedItems: number;
    completedOutsidePoints: number;
    removedPoints: number;
    removedItems: number;
    addedAfterStartPoints: number;
    addedAfterStartItems: number;
  };
}

function sum(entries: ReportEntry[]): number {
  return Math.round(entries.reduce((total, entry) => total + (entry.points ?? 0), 0) * 1e6) / 1e6;
}

export async function computeSprintReport(db: Kysely<Database>, row: SprintRow, now: Date): Promise<SprintReport> {
  const stays = await sprintItemRows(db, [row.id]);
  const facts = await loadItemFacts(db, row.project_id, stays.map((s) => ({ documentId: s.document_id, itemId: s.item_id })));
  const at = row.closed_at ? Date.parse(row.closed_at) : now.getTime();
  const started = row.started_at ? Date.parse(row.started_at) : at;
  const byItem = new Map<string, SprintItemRow[]>();
  for (const stay of stays) {
    const key = refKey({ documentId: stay.document_id, itemId: stay.item_id });
    byItem.set(key, [...(byItem.get(key) ?? []), stay]);
  }
  const report: SprintReport = {
    sprint: { id: row.id, number: Number(row.number), name: row.name, goal: row.goal, startDate: row.start_date, endDate: row.end_date, state: row.state },
    at: new Date(at).toISOString(),
    completed: [],
    notCompleted: [],
    completedOutside: [],
    removed: [],
    totals: {
      committedPoints: Number(row.committed_points ?? 0),
      committedItems: Number(row.committed_items ?? 0),
      completedPoints: 0,
      completedItems: 0,
      notCompletedPoints: 0,
      notCompletedItems: 0,
      completedOutsidePoints: 0,
      removedPoints: 0,
      removedItems: 0,
      addedAfterStartPoints: 0,
      addedAfterStartItems: 0,
    },
  };
  const added: ReportEntry[] = [];
  for (const [key, itemStays] of byItem) {
    const fact = facts.get(key);
    if (!fact) continue;
    const series = itemSeries(fact);
    const committed = itemStays.some((stay) => Number(stay.committed) === 1);
    const firstAdded = Math.min(...itemStays.map((stay) => Date.parse(stay.added_at)));
    const current = itemStays.find((stay) => Date.parse(stay.added_at) <= at && (stay.removed_at === null || Date.parse(stay.removed_at) > at));
    const state = stateAt(series, at);
    const entry: ReportEntry = {
      key: fact.key,
      title: fact.title,
      status: state?.status ?? fact.status,
      points: state?.points ?? null,
      addedAfterStart: row.started_at !== null && !committed && firstAdded > started,
    };
    if (entry.addedAfterStart) added.push(entry);
    if (!current) {
      const removedDuring = itemStays.some((stay) => stay.removed_at !== null && Date.parse(stay.removed_at) > started && Date.parse(stay.removed_at) <= at);
      if (removedDuring) report.removed.push(entry);
      continue;
    }
    if (entry.status !== 'done') {
      report.notCompleted.push(entry);
      continue;
    }
    const joined = committed ? started : Math.max(Date.parse(current.added_at), started);
    const doneWhenJoined = stateAt(series, joined)?.status === 'done';
    (doneWhenJoined ? report.completedOutside : report.completed).push(entry);
  }
  const t = report.totals;
  t.completedPoints = sum(report.completed);
  t.completedItems = report.completed.length;
  t.notCompletedPoints = sum(report.notCompleted);
  t.notCompletedItems = report.notCompleted.length;
  t.completedOutsidePoints = sum(report.completedOutside);
  t.removedPoints = sum(report.removed);
  t.removedItems = report.removed.length;
  t.addedAfterStartPoints = sum(added);
  t.addedAfterStartItems = added.length;
  return report;
}
