// Plain-text renderings of tool results for the model to read: short, one fact a line, ids first
// so they can be passed straight back to other tools.

import type { Rollup } from '../engine/analyze/rollup.js';
import type { Finding } from '../engine/model.js';
import type { ItemRow } from '../services/items.js';
import type { NextResult } from '../services/next.js';
import type { ItemDetails } from '../services/show.js';
import type { StandupView } from '../services/standups/index.js';
import type { PlanStatus } from '../services/status.js';
import type { StatusUpdate } from './plan-source.js';

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
}

function plural(count: number, word: string): string {
  return `${number(count)} ${word}${count === 1 ? '' : 's'}`;
}

function progress(rollup: Rollup): string {
  const total = rollup.actionable - rollup.items.deferred - rollup.items.cancelled;
  const parts = [`${rollup.items.done}/${total} items done${total > 0 ? ` (${Math.floor((rollup.items.done / total) * 100)}%)` : ''}`];
  if (rollup.points.total > 0) parts.push(`${number(rollup.points.done)}/${number(rollup.points.total)} points`);
  if (rollup.hours.total > 0) parts.push(`${number(rollup.hours.done)}/${number(rollup.hours.total)} hours`);
  if (rollup.checks.total > 0) parts.push(`${rollup.checks.done}/${rollup.checks.total} checks`);
  return parts.join(', ');
}

export function formatPlanStatus(report: PlanStatus): string {
  const lines = [`${report.title || report.file} (${report.file})`, `Overall: ${progress(report.overall)}`];
  const counts = Object.entries(report.overall.items)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${status} ${count}`);
  if (counts.length > 0) lines.push(`Items by status: ${counts.join(', ')}`);
  for (const section of report.sections) lines.push(`- ${section.title}: ${progress(section.rollup)}`);
  const { critical } = report;
  const path = critical.items === 0 ? 'none (no open work)' : `${critical.path.join(' → ')} (${number(critical.length)} ${critical.unit})`;
  lines.push(`Ready: ${report.ready}, blocked: ${report.blocked}. Critical path: ${path}`);
  if (report.cycles > 0) lines.push(`Dependency cycles: ${report.cycles} (lint_plan shows them).`);
  const { findings } = report;
  lines.push(`Findings: ${plural(findings.error, 'error')}, ${plural(findings.warning, 'warning')}, ${findings.info} info${findings.error + findings.warning + findings.info > 0 ? ' (lint_plan lists them)' : ''}.`);
  return lines.join('\n');
}

function rowText(row: ItemRow): string {
  const extras: string[] = [row.kind];
  if (row.points !== null) extras.push(`${number(row.points)} pts`);
  if (row.hours !== null) extras.push(`${number(row.hours)} h`);
  if (row.priority) extras.push(`priority ${row.priority}`);
  if (row.assignee) extras.push(`@${row.assignee}`);
  if (row.deps.length > 0) extras.push(`after ${row.deps.join(', ')}`);
  return `${row.id} [${row.status}] ${row.title} (${extras.join('; ')})`;
}

export function formatItemList(rows: readonly ItemRow[], count: number): string {
  if (count === 0) return 'No items match.';
  const head = rows.length < count ? `${count} items match; the first ${rows.length}:` : `${plural(count, 'item')}:`;
  return [head, ...rows.map(rowText)].join('\n');
}

export function formatItem(details: ItemDetails): string {
  const { item, critical } = details;
  const lines = [`${item.id} [${item.status}] ${item.title}`, `Kind: ${item.kind}, line ${item.line}${item.section ? `, section "${item.section.title}"` : ''}`];
  if (item.parent) lines.push(`Parent: ${item.parent.id} ${item.parent.title}`);
  for (const field of details.fields) lines.push(`${field.label}: ${field.value}`);
  if (details.dependsOn.length > 0) lines.push(`Depends on: ${details.dependsOn.map((dep) => `${dep.id} [${dep.status}]`).join(', ')}`);
  if (details.dependents.length > 0) lines.push(`Needed by: ${details.dependents.map((dep) => `${dep.id} [${dep.status}]`).join(', ')}`);
  if (item.children.length > 0) lines.push(`Children: ${item.children.map((child) => `${child.id} [${child.status}]`).join(', ')}`);
  for (const check of details.checks) lines.push(`- [${check.status === 'done' ? 'x' : ' '}] ${check.title} (${check.id})`);
  const state = critical.ready ? 'ready to start' : critical.blocked ? `blocked${critical.waitsFor.length > 0 ? ` (waits for ${critical.waitsFor.join(', ')})` : ''}` : item.status;
  lines.push(`State: ${state}${critical.onPath ? `; on the critical path (step ${critical.position} of ${critical.path.length})` : ''}`);
  return lines.join('\n');
}

export function formatNext(result: NextResult): string {
  if (result.items.length === 0) {
    return result.blockedCount > 0 ? `Nothing is ready: ${plural(result.blockedCount, 'item')} blocked. Call list_items with blocked=true.` : 'Nothing is ready: no open work.';
  }
  const head =
    result.concurrency !== null
      ? `${plural(result.items.length, 'item')} that can run side by side (asked for ${result.concurrency}):`
      : `${plural(result.items.length, 'item')} to do next (${result.readyCount} ready, ${result.blockedCount} blocked):`;
  return [head, ...result.items.map((item, i) => `${i + 1}. ${item.id} [${item.status}] ${item.title} — ${item.reason}`)].join('\n');
}

export function formatStatusUpdate(label: string, update: StatusUpdate, dryRun: boolean): string {
  const lines: string[] = [];
  if (update.changes.length > 0) {
    const what = update.changes.map((change) => `${change.id} ${change.from} → ${change.to}`).join(', ');
    lines.push(dryRun ? `Dry run, ${label} not written: ${what}.` : `Updated ${label}: ${what}.`);
  }
  for (const id of update.unchanged) lines.push(`${id} is already ${update.status}.`);
  if (update.changes.length === 0) lines.push(`Nothing to change in ${label}.`);
  if (update.diff) lines.push('', update.diff.trimEnd());
  return lines.join('\n');
}

export function formatFindings(findings: readonly Finding[], count: number, label: string): string {
  if (count === 0) return `No findings in ${label}.`;
  const head = findings.length < count ? `${count} findings; the first ${findings.length}:` : `${plural(count, 'finding')}:`;
  return [head, ...findings.map((finding) => `${label}:${finding.line} ${finding.severity} ${finding.rule}${finding.itemId ? ` (${finding.itemId})` : ''}: ${finding.message}`)].join('\n');
}

export function formatStandup(entry: StandupView, label: string, verb: 'Wrote' | 'Updated'): string {
  const lines = [`${verb} ${entry.user.name}'s standup for ${entry.day} in ${label} (entry ${entry.id}).`];
  if (entry.done) lines.push(`Done: ${entry.done}`);
  if (entry.next) lines.push(`Next: ${entry.next}`);
  lines.push(`Blockers: ${entry.blockers || 'none'}${entry.blockers && entry.blockerResolvedAt ? ` (resolved ${entry.blockerResolvedAt})` : ''}`);
  if (entry.mood !== null) lines.push(`Mood: ${entry.mood}/5`);
  if (entry.items.length > 0) lines.push(`Items: ${entry.items.join(', ')}`);
  return lines.join('\n');
}
