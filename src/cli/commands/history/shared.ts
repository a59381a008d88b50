// What the history commands share when they run: loading the plan with its history, and what to
// print when git cannot give the history (the message, then where the plan stands now, and exit
// code 2). The options they declare are in options.ts.

import { loadPlanWithHistory } from '../../../services/history/report.js';
import type { PlanWithHistory } from '../../../services/history/report.js';
import type { PlanHistory } from '../../../services/history/read.js';
import { planStatus } from '../../../services/status.js';
import { STATUSES } from '../../../engine/model.js';
import type { Plan } from '../../../engine/model.js';
import { describeError, EXIT_USAGE } from '../../exit.js';
import type { CommandContext } from '../../context.js';
import { formatNumber, print, printJson, statusText } from '../../output.js';
import type { GitHistoryOptions } from './options.js';

/**
 * The plan's history, or null after printing why there is none and the plan's current status
 * (the exit code is then 2).
 */
export async function historyOrCurrent(
  file: string,
  options: GitHistoryOptions,
  schema: string,
  context: CommandContext,
): Promise<{ history: PlanHistory; plan: Plan } | null> {
  const loaded = await loadPlanWithHistory(file, { allParents: options.allParents, cache: options.cache });
  if (loaded.history) {
    for (const warning of loaded.history.warnings) process.stderr.write(`warning: ${warning}\n`);
    return { history: loaded.history, plan: loaded.current.plan };
  }
  explainMissingHistory(loaded, schema, options.json === true, context);
  return null;
}

function explainMissingHistory(loaded: PlanWithHistory, schema: string, json: boolean, context: CommandContext): void {
  const { current, problem } = loaded;
  const status = planStatus(current.path, current.plan, current.index);
  process.exitCode = EXIT_USAGE;
  if (json) {
    printJson(schema, { file: current.path, error: problem?.toJSON() ?? null, current: { title: status.title, overall: status.overall } });
    return;
  }
  if (problem) process.stderr.write(describeError(problem).message + '\n');
  const { overall } = status;
  const counts = STATUSES.filter((s) => overall.items[s] > 0).map((s) => `${statusText(context.color, s)} ${overall.items[s]}`);
  const lines = [
    `${context.color.bold(status.title || current.path)} ${context.color.dim(`(${current.path}, current file only: no history)`)}`,
    `Items: ${counts.length > 0 ? counts.join(', ') : 'none'}`,
  ];
  if (overall.points.total > 0) lines.push(`Points: ${formatNumber(overall.points.done)} of ${formatNumber(overall.points.total)} done`);
  print(lines.join('\n'));
}
