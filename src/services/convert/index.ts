// Converting another tool's tasks into a scrumdown plan: detects the source format when it is not
// given, runs the matching converter, writes the Markdown, and checks that the written plan reads
// back with every task and field (a field that reads back differently is a warning). The CLI
// prints or saves the result; nothing here writes files.

import { ScrumdownError } from '../../errors.js';
import { fromBacklogFiles } from './backlog-md.js';
import { findBacklogFolder, readBacklogFolder } from './backlog-folder.js';
import { fromGithubIssues, looksLikeGithub } from './github.js';
import { writePlanMarkdown } from './markdown.js';
import { allTasks, SOURCE_FORMATS } from './model.js';
import type { ConvertedPlan, SourceFormat } from './model.js';
import { parseJsonSource, readSourceText, statSource } from './source-file.js';
import { fromTaskmaster, looksLikeTaskmaster } from './taskmaster.js';
import { verifyReadBack } from './verify.js';

export { SOURCE_FORMATS } from './model.js';
export type { ConvertedPlan, SourceFormat } from './model.js';

export interface ConvertOptions {
  from?: SourceFormat;
  /** Taskmaster: the tag to convert. */
  tag?: string;
  /** Title of the written plan, instead of the source's own. */
  title?: string;
}

export interface ConvertResult {
  format: SourceFormat;
  markdown: string;
  /** Items written: tasks and subtasks (epics not counted). */
  tasks: number;
  warnings: string[];
}

export function parseSourceFormat(word: string): SourceFormat {
  const key = word.trim().toLowerCase().replace(/[\s_.]+/g, '-');
  const aliases: Record<string, SourceFormat> = { taskmaster: 'taskmaster', 'task-master': 'taskmaster', 'backlog-md': 'backlog-md', backlog: 'backlog-md', backlogmd: 'backlog-md', github: 'github', gh: 'github' };
  const format = Object.hasOwn(aliases, key) ? aliases[key] : undefined;
  if (format) return format;
  throw new ScrumdownError('invalid_argument', `Unknown source format "${word}". Use one of: ${SOURCE_FORMATS.join(', ')}.`, { from: word, valid: [...SOURCE_FORMATS] });
}

async function detect(path: string): Promise<{ format: SourceFormat; data?: unknown }> {
  const info = await statSource(path, 'a tasks.json, an issues JSON export or a backlog/ folder');
  if (info.isDirectory) {
    if ((await findBacklogFolder(path)) !== null) return { format: 'backlog-md' };
    throw new ScrumdownError('unsupported_format', `${path} is a folder without Backlog.md tasks (no tasks/ or backlog/tasks/ inside). Give a backlog/ folder, a Taskmaster tasks.json or a GitHub issues export.`, { path });
  }
  const data = parseJsonSource(path, await readSourceText(path));
  if (looksLikeTaskmaster(data)) return { format: 'taskmaster', data };
  if (looksLikeGithub(data)) return { format: 'github', data };
  throw new ScrumdownError(
    'unsupported_format',
    `${path}: cannot tell the format: it is neither a Taskmaster tasks.json ({"tasks": [...]}) nor a GitHub issues export (an array of issues with number, title and state). Name it with --from ${SOURCE_FORMATS.join('|')}.`,
    { path },
  );
}

async function convertWith(path: string, format: SourceFormat, data: unknown, options: ConvertOptions): Promise<ConvertedPlan> {
  switch (format) {
    case 'backlog-md':
      return fromBacklogFiles(await readBacklogFolder(path));
    case 'taskmaster':
      return fromTaskmaster(path, data ?? parseJsonSource(path, await readSourceText(path)), { tag: options.tag });
    case 'github':
      return fromGithubIssues(path, data ?? parseJsonSource(path, await readSourceText(path)));
  }
}

export async function convertSource(path: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const detected = options.from ? { format: options.from, data: undefined } : await detect(path);
  if (options.tag !== undefined && detected.format !== 'taskmaster') {
    throw new ScrumdownError('invalid_argument', `--tag applies to Taskmaster files only; ${path} is read as ${detected.format}.`, { path });
  }
  const converted = await convertWith(path, detected.format, detected.data, options);
  if (options.title !== undefined) converted.title = options.title;
  const markdown = writePlanMarkdown(converted);
  const { missing, differences } = verifyReadBack(converted, markdown);
  // A task missing from the written plan is a bug in the writer, not a property of the source.
  if (missing.length > 0) {
    throw new Error(`the converted plan does not read back ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  }
  const warnings = [...converted.warnings, ...differences.slice(0, 50)];
  if (differences.length > 50) warnings.push(`${differences.length - 50} more fields read back differently.`);
  return { format: detected.format, markdown, tasks: allTasks(converted).length, warnings };
}
