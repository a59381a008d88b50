// Runs `scrumdown cycle-time`: one row and bar per finished item, the median and P85, JSON or SVG.

import { historyCycleTime } from '../../../services/history/report.js';
import type { CycleTimeReport } from '../../../engine/history/cycle-time.js';
import { writeFileAtomic } from '../../../services/file-io.js';
import type { CommandContext } from '../../context.js';
import { formatNumber, optionalNumber, print, printJson, table } from '../../output.js';
import type { Palette } from '../../output.js';
import { blockBar } from '../history/chart.js';
import { historyOrCurrent } from '../history/shared.js';
import { barChartSvg } from '../history/svg.js';
import type { CycleTimeOptions } from './index.js';

export async function runCycleTime(file: string, options: CycleTimeOptions, context: CommandContext): Promise<void> {
  const loaded = await historyOrCurrent(file, options, 'cycle-time', context);
  if (!loaded) return;
  const report = historyCycleTime(loaded.history, { from: options.from, to: options.to });
  if (options.svg) await writeFileAtomic(options.svg, Buffer.from(cycleTimeSvg(report), 'utf8'));
  if (options.json) {
    printJson('cycle-time', { ...report, svg: options.svg ?? null });
    return;
  }
  print(formatCycleTime(report, context.color).join('\n'));
  if (options.svg) print(context.color.dim(`Chart written to ${options.svg}`));
}

function days(value: number): string {
  return formatNumber(Math.round(value * 10) / 10);
}

function formatCycleTime(report: CycleTimeReport & { file: string }, color: Palette): string[] {
  const lines = [color.bold(`Cycle time: ${report.file}`), ''];
  if (report.items.length === 0) {
    lines.push('No finished items with a known start.');
  } else {
    const max = Math.max(...report.items.map((item) => item.days), 1);
    const rows = [['ID', 'TITLE', 'STARTED', 'DONE', 'DAYS', ''].map((header) => color.bold(header))];
    for (const item of report.items) {
      rows.push([
        item.id,
        truncate(item.title, 40),
        item.started.slice(0, 10) + (item.start === 'opened' ? '*' : ''),
        item.finished.slice(0, 10),
        days(item.days),
        color.cyan(blockBar(item.days, max, 24)),
      ]);
    }
    lines.push(...table(rows, new Set([4])));
  }
  lines.push(
    '',
    `Median ${report.median === null ? '-' : days(report.median)} days, P85 ${report.p85 === null ? '-' : days(report.p85)} days over ${report.items.length} ${report.items.length === 1 ? 'item' : 'items'}` +
      ` (${report.fromInProgress} from in progress, ${report.fromOpened} from first seen open *)`,
  );
  if (report.unknownStart > 0) lines.push(color.dim(`${optionalNumber(report.unknownStart)} done ${report.unknownStart === 1 ? 'item was' : 'items were'} already done when first committed (no start).`));
  return lines;
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, width - 1).join('') + '…';
}

function cycleTimeSvg(report: CycleTimeReport & { file: string }): string {
  return barChartSvg(`Cycle time: ${report.file} (days)`, report.items.map((item) => item.id), [
    { name: 'days', values: report.items.map((item) => item.days), color: '#1098ad' },
  ]);
}
