// velocity-table: a velocity history table (Sprint | Planned | Completed | Velocity | Rate) whose
// Total row does not add up, whose "avg" cell is not the average, or whose completion rates
// are not completed / planned.

import type { Finding, Plan, Table, TableRow } from '../../model.js';
import { cleanCell, parseNumber } from '../../read/cells.js';
import { isTotalRow, tableColumns } from '../../read/tables.js';
import { formatNumber, makeFinding, type LintRule } from '../rule.js';

const TOLERANCE = 1e-6;
/** Written rates are rounded: allow one percentage point either way. */
const RATE_TOLERANCE = 1 + TOLERANCE;
const AVERAGE = /\b(avg|average|mean)\b/i;

interface Column {
  index: number;
  name: string;
}

function numberAt(row: TableRow, column: number): number | null {
  const parsed = parseNumber(row.cells[column] ?? '');
  return parsed ? parsed.value : null;
}

/** A completion rate as a percentage: "96%" is 96, a bare fraction "0.96" is 96 too. */
function rateAt(row: TableRow, column: number): number | null {
  const parsed = parseNumber(row.cells[column] ?? '');
  if (!parsed) return null;
  if (parsed.unit !== '%' && parsed.value <= 1) return parsed.value * 100;
  return parsed.value;
}

function rateColumn(table: Table): number {
  return table.header.findIndex((cell) => /\b(rate|percent|percentage)\b|%/i.test(cleanCell(cell)));
}

function checkTable(table: Table, findings: Finding[]): void {
  const columns = tableColumns(table);
  if (columns.role !== 'velocity' || columns.sprint < 0) return;
  const sumColumns: Column[] = [];
  for (const index of [columns.planned, columns.completed, columns.velocity]) {
    if (index >= 0 && !sumColumns.some((c) => c.index === index)) {
      sumColumns.push({ index, name: cleanCell(table.header[index]) });
    }
  }
  const rate = rateColumn(table);
  const rateName = rate >= 0 ? cleanCell(table.header[rate]) : '';

  const rows: TableRow[] = [];
  for (const row of table.rows) {
    if (!isTotalRow(row.cells)) {
      rows.push(row);
      continue;
    }
    // A summary row: each cell is a sum, or an average where it says so (or the row does).
    const averageRow = AVERAGE.test(cleanCell(row.cells[0] ?? ''));
    for (const column of sumColumns) {
      const written = numberAt(row, column.index);
      if (written === null) continue;
      let sum = 0;
      let count = 0;
      for (const above of rows) {
        const value = numberAt(above, column.index);
        if (value === null) continue;
        sum += value;
        count++;
      }
      if (count === 0) continue;
      if (averageRow || AVERAGE.test(row.cells[column.index] ?? '')) {
        const average = sum / count;
        if (Math.round(written) === Math.round(average) || Math.abs(written - average) <= 0.5 + TOLERANCE) continue;
        findings.push(
          makeFinding(
            velocityTable,
            row.line,
            `The velocity table's ${column.name} average is written as ${formatNumber(written)}, but the ${count} sprints above average ${formatNumber(Math.round(average * 100) / 100)}.`,
            { expected: written, actual: Math.round(average * 100) / 100 },
          ),
        );
      } else if (Math.abs(written - sum) > TOLERANCE) {
        findings.push(
          makeFinding(
            velocityTable,
            row.line,
            `The velocity table's ${column.name} total is written as ${formatNumber(written)}, but the ${count} sprints above add up to ${formatNumber(sum)}.`,
            { expected: written, actual: sum },
          ),
        );
      }
    }
    if (rate >= 0 && columns.planned >= 0 && columns.completed >= 0) {
      checkSummaryRate(row, rows, rate, rateName, columns.planned, columns.completed, findings);
    }
  }

  if (rate < 0 || columns.planned < 0 || columns.completed < 0) return;
  for (const row of rows) {
    const planned = numberAt(row, columns.planned);
    const completed = numberAt(row, columns.completed);
    const written = rateAt(row, rate);
    if (planned === null || completed === null || written === null || planned <= 0) continue;
    const exact = (completed / planned) * 100;
    if (Math.abs(written - exact) <= RATE_TOLERANCE) continue;
    findings.push(
      makeFinding(
        velocityTable,
        row.line,
        `${cleanCell(row.cells[columns.sprint] ?? 'A sprint')}: ${rateName} is written as ${formatNumber(written)}%, but ${formatNumber(completed)} of ${formatNumber(planned)} planned points is ${formatNumber(Math.round(exact * 10) / 10)}%.`,
        { expected: written, actual: Math.round(exact * 10) / 10 },
      ),
    );
  }
}

/**
 * The rate in a Total row may be the overall rate (total completed / total planned) or the
 * mean of the sprint rates; it is wrong only when it is neither.
 */
function checkSummaryRate(
  row: TableRow,
  rows: TableRow[],
  rate: number,
  rateName: string,
  plannedColumn: number,
  completedColumn: number,
  findings: Finding[],
): void {
  const written = rateAt(row, rate);
  if (written === null) return;
  let planned = 0;
  let completed = 0;
  let rateSum = 0;
  let rateCount = 0;
  for (const above of rows) {
    const p = numberAt(above, plannedColumn);
    const c = numberAt(above, completedColumn);
    if (p !== null && c !== null) {
      planned += p;
      completed += c;
    }
    const r = rateAt(above, rate);
    if (r !== null) {
      rateSum += r;
      rateCount++;
    }
  }
  if (planned <= 0) return;
  const overall = (completed / planned) * 100;
  if (Math.abs(written - overall) <= RATE_TOLERANCE) return;
  if (rateCount > 0 && Math.abs(written - rateSum / rateCount) <= RATE_TOLERANCE) return;
  findings.push(
    makeFinding(
      velocityTable,
      row.line,
      `The velocity table's overall ${rateName} is written as ${formatNumber(written)}%, but ${formatNumber(completed)} of ${formatNumber(planned)} planned points is ${formatNumber(Math.round(overall * 10) / 10)}%.`,
      { expected: written, actual: Math.round(overall * 10) / 10 },
    ),
  );
}

export const velocityTable: LintRule = {
  id: 'velocity-table',
  severity: 'warning',
  description: 'A velocity table whose totals, averages or completion rates do not match its rows.',
  check(plan: Plan): Finding[] {
    const findings: Finding[] = [];
    for (const table of plan.tables) checkTable(table, findings);
    return findings;
  },
};
