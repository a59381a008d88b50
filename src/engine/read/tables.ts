// Pipe tables: cells of each row, and what a table is for — a team capacity table, a velocity
// history, a dependency matrix, or anything else (kept as plain data).

import type { Table } from '../model.js';
import { cleanCell } from './cells.js';

/** Splits a table row into cells, honouring `\|` escapes and pipes inside code spans. */
export function splitRow(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  // A cell is copied in runs between escapes, not a character at a time.
  let current = '';
  let runStart = 0;
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 && text.charCodeAt(i + 1) === 124) {
      current += text.slice(runStart, i) + '|';
      i++;
      runStart = i + 1;
    } else if (c === 96) {
      inCode = !inCode;
    } else if (c === 124 && !inCode) {
      cells.push((current + text.slice(runStart, i)).trim());
      current = '';
      runStart = i + 1;
    }
  }
  cells.push((current + text.slice(runStart)).trim());
  return cells;
}

export function isDelimiterRow(cells: string[]): boolean {
  return cells.length > 0 && cells.every((cell) => /^:?-{1,}:?$/.test(cell.replace(/\s/g, '')));
}

export type TableRole = 'capacity' | 'velocity' | 'matrix' | 'other';

export interface TableColumns {
  role: TableRole;
  /** Column index per meaning, -1 when absent. */
  sprint: number;
  planned: number;
  completed: number;
  velocity: number;
  roleName: number;
  weekly: number;
  sprintCapacity: number;
  item: number;
  dependsOn: number;
  blocks: number;
}

function find(header: string[], pattern: RegExp, exclude?: RegExp): number {
  return header.findIndex((cell) => pattern.test(cell) && !(exclude && exclude.test(cell)));
}

/** Reads a table's header to tell what it holds and where. */
export function tableColumns(table: Pick<Table, 'header'>): TableColumns {
  const header = table.header.map((cell) => cleanCell(cell).toLowerCase());
  const columns: TableColumns = {
    role: 'other',
    sprint: find(header, /^(sprint|iteration)\b/),
    planned: find(header, /\b(planned|committed|commitment)\b/),
    completed: find(header, /\b(completed|done|delivered|actual)\b/, /rate|%/),
    velocity: find(header, /\bvelocity\b/),
    roleName: find(header, /^(role|member|person|team member)\b/),
    weekly: find(header, /\b(weekly|per week|hours\/week|hrs\/week)\b/),
    sprintCapacity: find(header, /\bsprint capacity\b|\bcapacity\b/),
    item: find(header, /^(story|item|task|id|epic)\b/),
    dependsOn: find(header, /\b(depends on|dependencies|dependency|blocked by)\b/),
    blocks: find(header, /^(blocks|unblocks|blocking)\b/),
  };
  if (columns.item >= 0 && columns.dependsOn >= 0) columns.role = 'matrix';
  else if (columns.sprint >= 0 && (columns.completed >= 0 || columns.velocity >= 0)) columns.role = 'velocity';
  else if (columns.roleName >= 0 && (columns.sprintCapacity >= 0 || columns.weekly >= 0)) columns.role = 'capacity';
  return columns;
}

/** A row that totals or averages the rows above it. */
export function isTotalRow(cells: string[]): boolean {
  return /^(total|sum|overall|average|avg)\b/i.test(cleanCell(cells[0] ?? ''));
}
