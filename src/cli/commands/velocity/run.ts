// Runs `scrumdown velocity`: one row and bar per period, the average and median, JSON or SVG.

import { historyVelocity } from '../../../services/history/report.js';
import type { VelocityReport } from '../../../services/history/report.js';
import { writeFileAtomic } from '../../../services/file-io.js';
import type { CommandContext } from '../../context.js';
import { formatNumber, optionalNumber, print, printJson, table } from '../../output.js';
import type { Palette } from '../../output.js';
import { blockBar, sparkline } from '../history/chart.js';
import { historyOrCurrent } from '../history/shared.js';
import { barChartSvg } from '../history/svg.js';
import type { VelocityOptions } from './index.js';

export async function runVelocity(file: string, options: VelocityOptions, context: CommandContext): Promise<void> {
  const loaded = await historyOrCurrent(file, options, 'velocity', context);
  if (!loaded) return;
  const report = historyVelocity(loaded.history, loaded.plan, options.period, options.measure);
  if (options.svg) await writeFileAtomic(options.svg, Buffer.from(velocitySvg(report), 'utf8'));
  if (options.json) {
    printJson('velocity', { ...report, svg: options.svg ?? null });
    return;
  }
  print(formatVelocity(report, context.color).join('\n'));
  if (options.svg) print(context.color.dim(`Chart written to ${options.svg}`));
}

function formatVelocity(report: VelocityReport, color: Palette): string[] {
  const { velocity, throughput } = report;
  const unit = velocity.measure;
  const lines = [color.bold(`Velocity: ${report.file}`) + color.dim(`  per ${report.period}, ${unit}`), ''];
  const max = Math.max(1, ...velocity.periods.map((period) => period.value));
  const rows = [[report.period === 'week' ? 'WEEK' : 'SPRINT', 'FROM', 'TO', unit.toUpperCase(), ...(unit === 'items' ? [] : ['ITEMS']), ''].map((header) => color.bold(header))];
  velocity.periods.forEach((period, i) => {
    rows.push([
      period.name,
      period.start,
      period.end,
      formatNumber(period.value),
      ...(unit === 'items' ? [] : [formatNumber(throughput.periods[i].value)]),
      color.green(blockBar(period.value, max, 30)),
    ]);
  });
  lines.push(...table(rows, new Set(unit === 'items' ? [3] : [3, 4])));
  lines.push(
    '',
    `${sparkline(velocity.periods.map((period) => period.value), 0)}  average ${optionalNumber(velocity.average)}, median ${optionalNumber(velocity.median)} ${unit} per ${report.period}`,
  );
  if (unit !== 'items') lines.push(`Throughput: average ${optionalNumber(throughput.average)}, median ${optionalNumber(throughput.median)} items per ${report.period}`);
  if (report.undated.length > 0) lines.push(color.dim(`Left out (no dates in the heading): ${report.undated.join(', ')}`));
  return lines;
}

function velocitySvg(report: VelocityReport): string {
  const { velocity } = report;
  return barChartSvg(
    `Velocity: ${report.file} (${velocity.measure} per ${report.period})`,
    velocity.periods.map((period) => period.name),
    [{ name: velocity.measure, values: velocity.periods.map((period) => period.value), color: '#2b8a3e' }],
  );
}
