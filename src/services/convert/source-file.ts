// Reading what a converter reads: a file of bounded size, JSON with the line and column of a
// syntax error, and shape errors given as a JSON path ($.tasks[3].id) with the fix. Every failure
// is a ScrumdownError naming the file.

import { readFile, stat } from 'node:fs/promises';
import type * as z from 'zod/v4';
import { ScrumdownError } from '../../errors.js';

/** Sources larger than this are refused before a byte is read. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

interface NodeError {
  code?: string;
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as NodeError).code : undefined;
}

/** Stats `path`, turning a missing path into a message that says what was expected there. */
export async function statSource(path: string, expected: string): Promise<{ isDirectory: boolean; size: number }> {
  try {
    const info = await stat(path);
    return { isDirectory: info.isDirectory(), size: info.size };
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') {
      throw new ScrumdownError('file_not_found', `${path}: no such file or folder. Give the path of ${expected} (relative to ${process.cwd()}).`, { path });
    }
    throw new ScrumdownError('io_error', `${path}: cannot be read (${error instanceof Error ? error.message : String(error)}).`, { path });
  }
}

export async function readSourceText(path: string, limit = MAX_SOURCE_BYTES): Promise<string> {
  const info = await statSource(path, 'the file to convert');
  if (info.isDirectory) {
    throw new ScrumdownError('not_a_file', `${path} is a folder. Give a tasks.json or issues JSON file, or a backlog/ folder with --from backlog-md.`, { path });
  }
  if (info.size > limit) {
    throw new ScrumdownError('file_too_large', `${path} is ${(info.size / 1048576).toFixed(1)} MB; scrumdown converts sources up to ${limit / 1048576} MB. Split the export.`, {
      path,
      size: info.size,
      limit,
    });
  }
  try {
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ScrumdownError('io_error', `${path}: cannot be read (${error instanceof Error ? error.message : String(error)}).`, { path });
  }
}

/** Line and column (1-based) of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

export function parseJsonSource(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const lineCol = /line (\d+) column (\d+)/.exec(reason);
    const position = /position (\d+)/.exec(reason);
    let where = '';
    if (lineCol) where = `:${lineCol[1]}:${lineCol[2]}`;
    else if (position) {
      const { line, column } = lineColumn(text, Number(position[1]));
      where = `:${line}:${column}`;
    }
    const brief = reason.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
    throw new ScrumdownError('unsupported_format', `${path}${where}: not valid JSON (${brief}). Fix the file or export it again.`, { path, reason });
  }
}

/** `$.master.tasks[3].id` for a zod issue path. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The value a zod path points at, for showing the bad input. */
function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks `data` against `schema`; the first problem becomes one message with its JSON path
 * (`within` is where `data` sits in the file).
 */
export function checkShape<T>(path: string, data: unknown, schema: z.ZodType<T>, expected: string, within: ReadonlyArray<PropertyKey> = []): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = jsonPath([...within, ...issue.path]);
  throw new ScrumdownError(
    'unsupported_format',
    `${path}: ${at}: ${issue.message.replace(/^Invalid input: /, '')} (found ${preview(valueAt(data, issue.path))}). ${expected}`,
    { path, jsonPath: at, problem: issue.message },
  );
}
