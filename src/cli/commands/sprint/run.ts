// Runs `scrumdown sprint`: sprint commitments against capacity, velocity and the forecast.

import { loadPlan } from '../../../services/plan-file.js';
import { sprintStatus } from '../../../services/sprint.js';
import type { SprintStatus } from '../../../services/sprint.js';
import type { CommandContext } from '../../context.js';
import { formatNumber, print, printJson, table } from '../../output.js';
import type { Palette } from '../../output.js';
import type { SprintOptions } from './index.js';

export async function runSprint(file: string, options: SprintOptions, context: CommandContext): Promise<void> {
  const { plan, index } = await loadPlan(file);
  const report = sprintStatus(file, plan, index, { seed: options.seed });
  if (options.json) {
    printJson('sprint', report);
    return;
  }
  print(formatSprints(report, context.color).join('\n'));
}

function sprintsWord(count: number): string {
  return `${count} ${count === 1 ? 'sprint' : 'sprints'}`;
}

function formatSprints(report: SprintStatus, color: Palette): string[] {
  const lines: string[] = [];
  if (report.sprints.length === 0) {
    lines.push('No sprints found (sprints are headings such as "## Sprint 3 (Weeks 5-6): Goal").');
  } else {
    lines.push(color.bold(`Sprints (${report.sprints.length})`), '');
    const rows = [['SPRINT', 'COMMITTED', 'CAPACITY', 'DONE', 'VELOCITY', ''].map((header) => color.bold(header))];
    for (const sprint of report.sprints) {
      rows.push([
        sprint.name,
        `${formatNumber(sprint.committed)} pts`,
        sprint.capacity === undefined ? '-' : `${formatNumber(sprint.capacity)} pts`,
        `${formatNumber(sprint.done)} pts`,
        sprint.recordedVelocity === undefined ? '-' : `${formatNumber(sprint.recordedVelocity)} pts`,
        sprint.overCapacity ? color.red(`over by ${formatNumber(sprint.overBy)} pts`) : '',
      ]);
    }
    lines.push(...table(rows, new Set([1, 2, 3, 4])));
    for (const sprint of report.sprints) {
      if (sprint.roles.length === 0) continue;
      lines.push('', `${sprint.name}: hours per role`);
      const roleRows = sprint.roles.map((role) => [
        `  ${role.role}`,
        `${formatNumber(role.hours)} h`,
        role.capacity === undefined ? 'no capacity given' : `of ${formatNumber(role.capacity)} h`,
        role.overCapacity ? color.red(`over by ${formatNumber(role.overBy)} h`) : '',
      ]);
      lines.push(...table(roleRows, new Set([1])));
    }
  }

  const { velocity, forecast } = report;
  lines.push('');
  if (velocity.count === 0) {
    lines.push('Velocity: no history (add a velocity table or "**Team Velocity:** N points (actual)").');
  } else {
    lines.push(
      `Velocity: ${velocity.values.map(formatNumber).join(', ')} pts (${velocity.source}), average ${formatNumber(velocity.average ?? 0)}, range ${formatNumber(velocity.min ?? 0)}-${formatNumber(velocity.max ?? 0)}`,
    );
  }
  lines.push(`Remaining: ${formatNumber(report.remainingPoints)} points`);
  if (forecast.p50 === null || forecast.p85 === null || forecast.p95 === null) {
    lines.push(`Forecast: none. ${forecast.reason ?? ''}`.trimEnd());
  } else {
    const basis = forecast.basis === 'declared-capacity' ? ', from sprint capacities: no velocity recorded' : '';
    lines.push(
      `Forecast: P50 ${sprintsWord(forecast.p50)}, P85 ${sprintsWord(forecast.p85)}, P95 ${sprintsWord(forecast.p95)}` +
        color.dim(`  (${forecast.trials} trials, seed ${forecast.seed}${basis})`),
    );
  }
  return lines;
}
