// Runs `scrumdown convert`: converts, then prints the plan or writes it atomically (an existing
// file only with --force). Warnings go to stderr, so stdout stays the plan alone.

import { convertSource, parseSourceFormat } from '../../../services/convert/index.js';
import { assertOutputFree, writeOutput } from './output-file.js';
import type { ConvertCliOptions } from './index.js';

export async function runConvert(source: string, options: ConvertCliOptions): Promise<void> {
  await assertOutputFree(options);
  const from = options.from === undefined ? undefined : parseSourceFormat(options.from);
  const result = await convertSource(source, { from, tag: options.tag, title: options.title });
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  await writeOutput(result.markdown, options, `Wrote ${result.tasks} tasks and subtasks from ${source} (${result.format})`);
}
