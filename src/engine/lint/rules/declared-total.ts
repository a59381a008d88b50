// declared-total: a total the document states ("Story Points: 155 points" on an epic, "(20 Story
// Points)" on a phase, "Total: 56 story points", a table's Total row) that differs from the sum
// of what it totals. Exact claims must match; "~120" or "about 120" may be off by up to 10%.

import type { DeclaredTotal, Finding, Item, Plan, PlanIndex, Table } from '../../model.js';
import { STATUSES } from '../../model.js';
import { measureTotal } from '../../analyze/rollup.js';
import { cleanCell, parseNumber } from '../../read/cells.js';
import { isTotalRow, tableColumns } from '../../read/tables.js';
import { describeItem, formatMeasure, formatNumber, makeFinding, measureCarriers, statusWord, type LintRule } from '../rule.js';

const TOLERANCE = 1e-6;
/** How far an approximate declaration may be from the computed sum, as a share of the sum. */
const APPROXIMATE_SHARE = 0.1;

interface Computed {
  value: number;
  /** The same sum with shelved (deferred, cancelled) items counted, when that differs. */
  withShelved?: number;
  /** What was summed, for the message: "the items under it add up to". */
  over: string;
}

/** Items inside the section's line range whose parent is outside it: the section's subtrees. */
function sectionRoots(plan: Plan, index: PlanIndex, sectionId: string): string[] | null {
  const section = plan.sections.find((s) => s.id === sectionId);
  if (!section) return null;
  const items = plan.items;
  // Items are in document order: binary search for the first item at or after the heading.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].line < section.line) lo = mid + 1;
    else hi = mid;
  }
  const roots: string[] = [];
  for (let i = lo; i < items.length && items[i].line <= section.endLine; i++) {
    const parent = items[i].parent === null ? undefined : index.byId.get(items[i].parent as string);
    if (!parent || parent.line < section.line || parent.line > section.endLine) roots.push(items[i].id);
  }
  return roots;
}

function sumTableColumn(table: Table, column: number, beforeLine: number): number | null {
  let sum = 0;
  let counted = 0;
  for (const row of table.rows) {
    if (row.line >= beforeLine) break;
    if (isTotalRow(row.cells)) continue;
    const parsed = parseNumber(row.cells[column] ?? '');
    if (!parsed) continue;
    sum += parsed.value;
    counted++;
  }
  return counted > 0 ? sum : null;
}

function statusPhrase(total: DeclaredTotal): string {
  return total.statuses && total.statuses.length > 0 ? `${total.statuses.map(statusWord).join(' or ')} ` : '';
}

function compute(plan: Plan, index: PlanIndex, total: DeclaredTotal, carriers: () => Set<string>): Computed | null {
  const scope = total.scope;
  const sumItems = (ids: string[], over: string): Computed | null => {
    // Nothing under the claim carries the measure: there is no sum to compare with.
    const known = carriers();
    if (!ids.some((id) => known.has(id))) return null;
    const value = measureTotal(plan, index, ids, total.measure, total.statuses);
    if (total.statuses) return { value, over };
    return { value, withShelved: measureTotal(plan, index, ids, total.measure, [...STATUSES]), over };
  };
  const which = statusPhrase(total);
  switch (scope.type) {
    case 'section': {
      const section = plan.sections.find((s) => s.id === scope.section);
      const roots = sectionRoots(plan, index, scope.section);
      if (!section || !roots) return null;
      return sumItems(roots, `the ${which}items in "${section.title.trim()}" add up to`);
    }
    case 'item': {
      const item: Item | undefined = index.byId.get(scope.itemId);
      if (!item) return null;
      return sumItems(item.children, `the ${which}items under it add up to`);
    }
    case 'items': {
      const count = new Set(scope.ids).size;
      return sumItems(scope.ids, `the ${which}${count === 1 ? 'item' : `${count} items`} it covers add up to`);
    }
    case 'table': {
      const table = plan.tables[scope.table];
      if (!table) return null;
      // A velocity history's Total row is velocity-table's to check.
      if (tableColumns(table).role === 'velocity') return null;
      const totalRow = table.rows.find((row) => row.line === total.line);
      const cell = totalRow ? cleanCell(totalRow.cells[scope.column] ?? '') : '';
      // Averages and percentages in a Total row are not sums of the column.
      if (/\b(avg|average|mean)\b/i.test(cell) || parseNumber(cell)?.unit === '%') return null;
      const value = sumTableColumn(table, scope.column, total.line);
      if (value === null) return null;
      const column = cleanCell(table.header[scope.column] ?? '') || `column ${scope.column + 1}`;
      return { value, over: `the "${column}" column of the table at line ${table.line} adds up to` };
    }
  }
}

export const declaredTotal: LintRule = {
  id: 'declared-total',
  severity: 'warning',
  description: 'A total the document declares that differs from the sum of what it totals.',
  check(plan: Plan, index: PlanIndex): Finding[] {
    const findings: Finding[] = [];
    const carrierSets = new Map<'points' | 'hours', Set<string>>();
    for (const total of plan.declaredTotals) {
      const carriers = () => {
        let set = carrierSets.get(total.measure);
        if (!set) {
          set = measureCarriers(plan, index, total.measure);
          carrierSets.set(total.measure, set);
        }
        return set;
      };
      const computed = compute(plan, index, total, carriers);
      if (computed === null) continue;
      const difference = Math.abs(total.value - computed.value);
      const allowed = total.approximate ? APPROXIMATE_SHARE * Math.abs(computed.value) : TOLERANCE;
      if (difference <= allowed) continue;
      // A total may count the icebox or not; either reading that matches is not a mistake.
      if (computed.withShelved !== undefined && Math.abs(total.value - computed.withShelved) <= allowed) continue;
      const unit = total.scope.type === 'table' ? formatNumber : (n: number) => formatMeasure(n, total.measure);
      const claim = total.approximate ? `about ${unit(total.value)}` : unit(total.value);
      const margin = total.approximate ? `, more than 10% off` : `, a difference of ${formatNumber(difference)}`;
      const item = total.itemId === undefined ? undefined : index.byId.get(total.itemId);
      const subject = item ? describeItem(item) : `"${total.label.trim() || 'A total'}"`;
      findings.push(
        makeFinding(
          declaredTotal,
          total.line,
          `${subject} declares ${claim}, but ${computed.over} ${unit(computed.value)}${margin}.`,
          {
            ...(total.itemId !== undefined ? { itemId: total.itemId } : {}),
            expected: total.value,
            actual: computed.value,
          },
        ),
      );
    }
    return findings;
  },
};
