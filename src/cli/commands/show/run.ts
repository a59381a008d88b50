// Runs `scrumdown show`: one item in full, as text or JSON.

import { loadPlan } from '../../../services/plan-file.js';
import { showItem } from '../../../services/show.js';
import type { ItemDetails, ItemRef } from '../../../services/show.js';
import type { CommandContext } from '../../context.js';
import { optionalNumber, print, printJson, quantity, statusText, table } from '../../output.js';
import type { Palette } from '../../output.js';
import type { ShowOptions } from './index.js';

export async function runShow(file: string, id: string, options: ShowOptions, context: CommandContext): Promise<void> {
  const { plan, index } = await loadPlan(file);
  const details = showItem(plan, index, id);
  if (options.json) {
    printJson('show', { file, ...details });
    return;
  }
  print(formatDetails(details, context.color).join('\n'));
}

function refLine(color: Palette, ref: ItemRef): string {
  return `${ref.id}  ${statusText(color, ref.status)}  ${ref.title}`;
}

function formatDetails(details: ItemDetails, color: Palette): string[] {
  const { item, critical } = details;
  const lines = [color.bold(`${item.id}: ${item.title}`), ''];
  const facts: string[][] = [
    ['kind', item.kind],
    ['status', `${statusText(color, item.status)} (from ${item.statusSource})`],
    ['points', optionalNumber(item.points)],
    ['hours', optionalNumber(item.hours)],
    ['priority', item.priority ?? '-'],
    ['assignee', item.assignee ?? '-'],
  ];
  if (item.roles.length > 0) facts.push(['roles', item.roles.join(', ')]);
  if (item.tags.length > 0) facts.push(['tags', item.tags.join(', ')]);
  if (item.aliases.length > 0) facts.push(['aliases', item.aliases.join(', ')]);
  if (item.parent) facts.push(['parent', `${item.parent.id} ${item.parent.title}`]);
  if (item.section) facts.push(['section', item.section.title]);
  facts.push(['lines', item.endLine > item.line ? `${item.line}-${item.endLine}` : String(item.line)]);
  lines.push(...table(facts.map(([key, value]) => [color.dim(key), value])));

  if (details.fields.length > 0) {
    lines.push('', color.bold('Fields'));
    lines.push(...table(details.fields.map((field) => [`  ${field.label}`, field.value, color.dim(`line ${field.line}`)])));
  }
  if (item.children.length > 0) {
    lines.push('', color.bold(`Children (${item.children.length})`));
    for (const child of item.children) lines.push(`  ${refLine(color, child)}`);
  }
  if (details.checks.length > 0) {
    const done = details.checks.filter((check) => check.status === 'done').length;
    lines.push('', color.bold(`Checks (${done}/${details.checks.length} done)`));
    let list: string | null = null;
    for (const check of details.checks) {
      if (check.checklist !== list && check.checklist) lines.push(`  ${color.dim(check.checklist)}`);
      list = check.checklist;
      lines.push(`  [${check.status === 'done' ? 'x' : ' '}] ${check.title}`);
    }
  }
  lines.push('', color.bold('Depends on'));
  if (details.dependsOn.length === 0 && details.dependencies.every((dep) => dep.unresolved.length === 0)) lines.push('  nothing');
  for (const dep of details.dependsOn) lines.push(`  ${refLine(color, dep)}`);
  for (const dep of details.dependencies) {
    for (const token of dep.unresolved) lines.push(`  ${color.red(token)}  ${color.dim(`not in the plan (line ${dep.line})`)}`);
  }
  lines.push('', color.bold('Needed by'));
  if (details.dependents.length === 0) lines.push('  nothing');
  for (const dependent of details.dependents) lines.push(`  ${refLine(color, dependent)}`);

  lines.push('', color.bold('Critical path'));
  if (!critical.actionable) {
    lines.push(`  not scheduled itself: ${item.kind === 'check' ? 'a check belongs to its item' : 'it rolls up from its children'}`);
  } else if (critical.onPath) {
    lines.push(`  ${color.red('on the critical path')}: step ${critical.position} of ${critical.path.length} (${quantity(critical.pathLength, critical.unit)} in all)`);
  } else if (critical.slack !== null) {
    lines.push(`  not on the critical path; slack ${quantity(critical.slack, critical.unit)}`);
  } else {
    lines.push(`  not on the critical path (${item.status})`);
  }
  if (critical.actionable) {
    const state = critical.ready ? color.green('ready to start') : critical.blocked ? color.red('blocked') : item.status;
    lines.push(`  ${state}`);
    if (critical.waitsFor.length > 0) lines.push(`  waits for ${critical.waitsFor.join(', ')}`);
    if (critical.unblocks.length > 0) lines.push(`  unblocks ${critical.unblocks.join(', ')}`);
  }
  return lines;
}
