// Runs `scrumdown burndown`: a table of the days with a bar per day, sparklines, JSON, or SVG.

import { historyBurndown } from '../../../services/history/report.js';
import type { BurndownReport } from '../../../services/history/report.js';
import { writeFileAtomic } from '../../../services/file-io.js';
import type { CommandContext } from '../../context.js';
import { formatNumber, print, printJson, table } from '../../output.js';
import type { Palette } from '../../output.js';
import { blockBar, sparkline } from '../history/chart.js';
import { historyOrCurrent } from '../history/shared.js';
import { lineChartSvg } from '../history/svg.js';
import type { BurndownOptions } from './index.js';

export async function runBurndown(file: string, options: BurndownOptions, context: CommandContext): Promise<void> {
  const loaded = await historyOrCurrent(file, options, 'burndown', context);
  if (!loaded) return;
  const { history, plan } = loaded;
  const report = historyBurndown(history, plan, { from: options.from, to: options.to, sprint: options.sprint, measure: options.measure });
  if (options.svg) await writeFileAtomic(options.svg, Buffer.from(burndownSvg(report), 'utf8'));
  if (options.json) {
    printJson('burndown', { ...report, svg: options.svg ?? null });
    return;
  }
  print(formatBurndown(report, context.color).join('\n'));
  if (options.svg) print(context.color.dim(`Chart written to ${options.svg}`));
}

const SOURCES: Record<BurndownReport['source'], string> = {
  options: 'range given',
  history: 'range of the history',
  'heading-dates': "dates from the sprint's heading",
  'weeks-from-start-date': "weeks from the sprint's heading, counted from the plan's start date",
  'weeks-from-first-commit': "weeks from the sprint's heading, counted from the week of the first commit",
};

function formatBurndown(report: BurndownReport, color: Palette): string[] {
  const { burndown, burnup } = report;
  const unit = burndown.measure;
  const title = report.sprint ? `${report.sprint.name}` : report.file;
  const lines = [color.bold(`Burndown: ${title}`) + color.dim(`  ${report.from} to ${report.to}, ${unit} (${SOURCES[report.source]})`)];
  if (burndown.days.length === 0) {
    lines.push('No working days in that range.');
    return lines;
  }
  lines.push(`Commitment: ${formatNumber(burndown.commitment)} ${unit}`, '');
  const max = Math.max(burndown.commitment, ...burndown.remaining, 1);
  const rows = [['DAY', 'REMAINING', 'IDEAL', 'DONE', 'ADDED', 'REMOVED', ''].map((header) => color.bold(header))];
  burndown.days.forEach((day, d) => {
    const remaining = burndown.remaining[d];
    const behind = remaining > burndown.ideal[d];
    rows.push([
      day,
      formatNumber(remaining),
      formatNumber(burndown.ideal[d]),
      formatNumber(burndown.completed[d]),
      burndown.scopeAdded[d] > 0 ? color.yellow(`+${formatNumber(burndown.scopeAdded[d])}`) : '0',
      burndown.scopeRemoved[d] > 0 ? `-${formatNumber(burndown.scopeRemoved[d])}` : '0',
      (behind ? color.red : color.green)(blockBar(remaining, max, 30)),
    ]);
  });
  lines.push(...table(rows, new Set([1, 2, 3, 4, 5])));
  const last = burndown.days.length - 1;
  lines.push(
    '',
    `Remaining ${sparkline(burndown.remaining, 0)}  ${formatNumber(burndown.remaining[last])} ${unit} left (ideal ${formatNumber(burndown.ideal[last])})`,
    `Burnup    ${sparkline(burnup.completed, 0)}  ${formatNumber(burnup.completed[last])} of ${formatNumber(burnup.scope[last])} ${unit} done`,
  );
  return lines;
}

function burndownSvg(report: BurndownReport): string {
  const { burndown, burnup } = report;
  const title = `Burndown: ${report.sprint ? report.sprint.name : report.file} (${burndown.measure})`;
  return lineChartSvg(title, burndown.days.map((day) => day.slice(5)), [
    { name: 'remaining', values: burndown.remaining, color: '#d9480f' },
    { name: 'ideal', values: burndown.ideal, color: '#868e96', dashed: true },
    { name: 'scope', values: burnup.scope, color: '#1c7ed6' },
    { name: 'done', values: burnup.completed, color: '#2b8a3e' },
  ]);
}
