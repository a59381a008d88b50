// `scrumdown report weekly|monthly --project P`: the server's weekly summary or monthly report as
// Markdown (default), CSV, JSON, HTML or PDF, printed or written to --out (atomically).

import type { Command } from 'commander';
import { ScrumdownError } from '../../../errors.js';
import { print } from '../../output.js';
import { projectClient } from '../sprint/remote.js';

const FORMATS = ['md', 'csv', 'json', 'pdf', 'html'];

interface ReportOptions {
  project: string;
  server?: string;
  week?: string;
  month?: string;
  format?: string;
  out?: string;
}

async function run(kind: 'weekly' | 'monthly', options: ReportOptions): Promise<void> {
  const format = options.format ?? 'md';
  if (!FORMATS.includes(format)) throw new ScrumdownError('invalid_argument', `--format takes ${FORMATS.join(', ')} (got ${format}).`, {});
  if (format === 'pdf' && options.out === undefined) throw new ScrumdownError('invalid_argument', 'A PDF goes to a file: add --out report.pdf.', {});
  const { client, base } = await projectClient(options);
  const query = new URLSearchParams({ format });
  if (kind === 'weekly' && options.week) query.set('week', options.week);
  if (kind === 'monthly' && options.month) query.set('month', options.month);
  const response = await client.raw('GET', `${base}/reports/${kind}?${query.toString()}`);
  if (options.out !== undefined) {
    const { writeFileAtomic } = await import('../../../services/file-io.js');
    await writeFileAtomic(options.out, response.bytes);
    print(`Wrote ${options.out} (${response.bytes.length} bytes).`);
  } else {
    process.stdout.write(Buffer.from(response.bytes));
  }
}

export function registerReport(program: Command): void {
  const report = program.command('report').description('weekly summary or monthly report from the server');
  for (const kind of ['weekly', 'monthly'] as const) {
    const command = report
      .command(kind)
      .description(kind === 'weekly' ? 'weekly summary per person and team for an ISO week' : 'monthly report: a row per week, velocity, throughput, cycle time, blockers, sprints')
      .requiredOption('--project <key>', 'the project on the server')
      .option('--server <url>', 'the server (default: the one you logged in to last)')
      .option('--format <format>', 'md (default), csv, json, html or pdf')
      .option('--out <file>', 'write to this file instead of printing');
    if (kind === 'weekly') command.option('--week <week>', 'ISO week, e.g. 2026-W47 (default this week)');
    else command.option('--month <month>', 'YYYY-MM (default this month)');
    command.action((options: ReportOptions) => run(kind, options));
  }
}
