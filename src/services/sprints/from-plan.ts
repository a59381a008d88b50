// Sprints a plan declares (sprint sections with capacity and committed stories) become planned
// sprints of the project when the document is imported, in the import's transaction: the name and
// goal, the dates the heading gives (else two-week slots from the Monday of the import), the
// declared capacity in points and per role, and the committed items.

import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { dayNumber, dayText, planStartDay, sprintWindow } from '../../engine/history/index.js';
import type { Database } from '../../store/schema.js';
import type { ParsedDocument } from '../documents/parsed.js';
import { MONDAY_TO_FRIDAY } from './dates.js';
import { nextSprintNumber } from './store.js';

/** `trx`: the transaction the document is stored in. */
export async function importPlanSprints(
  trx: Transaction<Database>,
  input: { projectId: string; document: Pick<ParsedDocument, 'id' | 'plan'>; userId: string; now: Date },
): Promise<number> {
  const { plan } = input.document;
  if (plan.sprints.length === 0) return 0;
  const at = input.now.toISOString();
  const today = dayNumber(at);
  const anchor = planStartDay(plan) ?? today - ((new Date(today * 86_400_000).getUTCDay() + 6) % 7);
  const known = new Set(plan.items.map((item) => item.id));
  let number = await nextSprintNumber(trx, input.projectId);
  for (const [k, sprint] of plan.sprints.entries()) {
    const window = sprintWindow(sprint, plan);
    const start = window?.start ?? dayText(anchor + 14 * k);
    const end = window?.end ?? dayText(anchor + 14 * k + 11);
    const id = randomUUID();
    await trx
      .insertInto('sprints')
      .values({
        id,
        project_id: input.projectId,
        number: number++,
        name: sprint.name.slice(0, 200),
        goal: (sprint.goal ?? '').slice(0, 2000),
        start_date: start,
        end_date: end,
        working_days: JSON.stringify(MONDAY_TO_FRIDAY),
        state: 'planned',
        capacity_points: sprint.capacityPoints?.number ?? null,
        committed_points: null,
        committed_items: null,
        started_at: null,
        closed_at: null,
        close_report: null,
        source: 'plan',
        created_by: input.userId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const items = [...new Set(sprint.items)].filter((itemId) => known.has(itemId));
    if (items.length > 0) {
      await trx
        .insertInto('sprint_items')
        .values(items.map((itemId) => ({ sprint_id: id, project_id: input.projectId, document_id: input.document.id, item_id: itemId, added_at: at, added_by: input.userId, removed_at: null, removed_by: null, committed: 0, points_at_start: null, status_at_start: null })))
        .execute();
    }
    const roles = plan.roleCapacity.filter((row) => row.hoursPerSprint !== undefined);
    if (roles.length > 0) {
      const unique = new Map(roles.map((row) => [row.role.trim().toLowerCase(), row]));
      await trx
        .insertInto('sprint_capacity')
        .values([...unique.entries()].map(([key, row]) => ({ sprint_id: id, key: `role:${key}`, user_id: null, role: row.role.trim(), hours_per_day: null, days_off: '[]', hours: row.hoursPerSprint ?? 0 })))
        .execute();
    }
  }
  return plan.sprints.length;
}
