// Runs `scrumdown export`: reads the plan and prints or writes the CSV or JSON.

import { ScrumdownError } from '../../../errors.js';
import { EXPORT_FORMATS, toJiraCsv, toJson } from '../../../services/export.js';
import type { ExportFormat } from '../../../services/export.js';
import { loadPlan } from '../../../services/plan-file.js';
import { assertOutputFree, writeOutput } from '../convert/output-file.js';
import type { ExportCliOptions } from './index.js';

function parseFormat(word: string | undefined): ExportFormat {
  const format = (word ?? 'csv').trim().toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new ScrumdownError('invalid_argument', `Unknown export format "${word}". Use one of: ${EXPORT_FORMATS.join(', ')}.`, { format: word, valid: [...EXPORT_FORMATS] });
}

export async function runExport(file: string, options: ExportCliOptions): Promise<void> {
  await assertOutputFree(options);
  const format = parseFormat(options.format);
  const { plan, index } = await loadPlan(file);
  const text = format === 'csv' ? toJiraCsv(plan, index) : toJson(file, plan, index);
  const rows = plan.items.filter((item) => item.kind !== 'check').length;
  await writeOutput(text, options, `Wrote ${rows} items from ${file} as ${format.toUpperCase()}`);
}
