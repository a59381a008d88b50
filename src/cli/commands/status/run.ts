// Runs `scrumdown status`: a progress table per plan, as text or JSON.

import type { Rollup } from '../../../engine/analyze/rollup.js';
import { STATUSES } from '../../../engine/model.js';
import type { Status } from '../../../engine/model.js';
import { loadPlan } from '../../../services/plan-file.js';
import { planStatus } from '../../../services/status.js';
import type { PlanStatus } from '../../../services/status.js';
import type { CommandContext } from '../../context.js';
import { bar, formatNumber, percent, print, printJson, quantity, statusText, table } from '../../output.js';
import type { Palette } from '../../output.js';
import type { StatusOptions } from './index.js';

export async function runStatus(files: string[], options: StatusOptions, context: CommandContext): Promise<void> {
  const reports: PlanStatus[] = [];
  for (const file of files) {
    const { plan, index } = await loadPlan(file);
    reports.push(planStatus(file, plan, index));
  }
  if (options.json) {
    printJson('status', reports.length === 1 ? reports[0] : { files: reports });
    return;
  }
  print(reports.map((report) => formatStatus(report, context.color).join('\n')).join('\n\n'));
}

/** Items that count towards progress: actionable, and neither deferred nor cancelled. */
function itemTotal(rollup: Rollup): number {
  return rollup.actionable - rollup.items.deferred - rollup.items.cancelled;
}

function fraction(done: number, total: number): string {
  return total === 0 ? '-' : `${formatNumber(done)}/${formatNumber(total)}`;
}

function row(title: string, rollup: Rollup): string[] {
  const total = itemTotal(rollup);
  return [
    title,
    bar(rollup.items.done, total, 10),
    percent(rollup.items.done, total),
    fraction(rollup.items.done, total),
    fraction(rollup.checks.done, rollup.checks.total),
    fraction(rollup.points.done, rollup.points.total),
    fraction(rollup.hours.done, rollup.hours.total),
  ];
}

function byStatus(color: Palette, counts: Record<Status, number>): string {
  const parts = STATUSES.filter((status) => counts[status] > 0).map((status) => `${statusText(color, status)} ${formatNumber(counts[status])}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function formatStatus(report: PlanStatus, color: Palette): string[] {
  const lines = [color.bold(`${report.title || report.file}`) + color.dim(`  (${report.file})`), ''];
  const rows = [['', '', 'DONE', 'ITEMS', 'CHECKS', 'POINTS', 'HOURS'].map((header) => color.bold(header))];
  for (const section of report.sections) rows.push(row(section.title, section.rollup));
  rows.push(row(color.bold('Overall'), report.overall).map((cell, i) => (i === 0 ? cell : color.bold(cell))));
  lines.push(...table(rows, new Set([2, 3, 4, 5, 6])));

  const { overall } = report;
  lines.push('', `Items by status:  ${byStatus(color, overall.items)}`);
  if (overall.points.total > 0 || overall.points.byStatus.deferred > 0) lines.push(`Points by status: ${byStatus(color, overall.points.byStatus)}`);
  if (overall.hours.total > 0 || overall.hours.byStatus.deferred > 0) lines.push(`Hours by status:  ${byStatus(color, overall.hours.byStatus)}`);

  const { critical } = report;
  const path =
    critical.items === 0
      ? 'none (no open work)'
      : critical.unit === 'items'
        ? quantity(critical.items, 'items')
        : `${quantity(critical.length, critical.unit)} over ${quantity(critical.items, 'items')}`;
  lines.push(`Ready: ${color.green(String(report.ready))}   Blocked: ${report.blocked > 0 ? color.red(String(report.blocked)) : '0'}   Critical path: ${path}`);
  if (report.cycles > 0) lines.push(color.red(`Dependency cycles: ${report.cycles} (see scrumdown lint)`));
  const { findings } = report;
  const findingText = `${findings.error} ${findings.error === 1 ? 'error' : 'errors'}, ${findings.warning} ${findings.warning === 1 ? 'warning' : 'warnings'}, ${findings.info} info`;
  lines.push(`Findings: ${findings.error > 0 ? color.red(findingText) : findingText}`);
  return lines;
}
