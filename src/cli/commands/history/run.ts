// Runs `scrumdown history`: the changes of every commit, newest last, or the timeline as JSON.

import { historyTimeline } from '../../../services/history/report.js';
import type { ItemTimeline, Timeline, TimelineEvent } from '../../../engine/history/types.js';
import type { CommandContext } from '../../context.js';
import { formatNumber, print, printJson, statusText, table } from '../../output.js';
import type { Palette } from '../../output.js';
import type { HistoryCommandOptions } from './index.js';
import { historyOrCurrent } from './shared.js';

export async function runHistory(file: string, options: HistoryCommandOptions, context: CommandContext): Promise<void> {
  const loaded = await historyOrCurrent(file, options, 'history', context);
  if (!loaded) return;
  const { history } = loaded;
  const timeline = historyTimeline(history, { since: options.since, until: options.until });
  if (options.json) {
    printJson('history', {
      file: history.file,
      repository: history.repository,
      path: history.path,
      since: options.since ?? null,
      until: options.until ?? null,
      commits: timeline.commits,
      items: timeline.items,
      warnings: history.warnings,
    });
    return;
  }
  print(formatHistory(history.file, timeline, context.color).join('\n'));
}

function points(value: number | null): string {
  return value === null ? '' : `${formatNumber(value)} pts`;
}

function describe(event: TimelineEvent, color: Palette): [string, string] {
  switch (event.type) {
    case 'added':
      return [color.green('+'), `added (${[statusText(color, event.status), points(event.points)].filter(Boolean).join(', ')})`];
    case 'removed':
      return [color.red('-'), `removed (was ${[statusText(color, event.status), points(event.points)].filter(Boolean).join(', ')})`];
    case 'status':
      return ['~', `${statusText(color, event.from)} → ${statusText(color, event.to)}`];
    case 'points':
      return ['~', `points ${event.from === null ? 'none' : formatNumber(event.from)} → ${event.to === null ? 'none' : formatNumber(event.to)}`];
    case 'renamed':
      return [
        color.dim('~'),
        color.dim(event.fromId !== event.toId ? `id ${event.fromId} → ${event.toId}${event.fromTitle !== event.toTitle ? `, title was "${event.fromTitle}"` : ''} (matched by ${event.matchedBy})` : `title was "${event.fromTitle}"`),
      ];
  }
}

function formatHistory(file: string, timeline: Timeline, color: Palette): string[] {
  if (timeline.commits.length === 0) return [`${file}: no commits in that range.`];
  // Events grouped by commit, items in their timeline order.
  const byCommit = new Map<string, Array<{ item: ItemTimeline; event: TimelineEvent }>>();
  let added = 0;
  let removed = 0;
  let moves = 0;
  for (const item of timeline.items) {
    for (const event of item.events) {
      const list = byCommit.get(event.commit);
      if (list) list.push({ item, event });
      else byCommit.set(event.commit, [{ item, event }]);
      if (event.type === 'added') added++;
      else if (event.type === 'removed') removed++;
      else if (event.type === 'status') moves++;
    }
  }
  const first = timeline.commits[0];
  const last = timeline.commits[timeline.commits.length - 1];
  const lines = [
    color.bold(`History of ${file}`) + color.dim(`  ${timeline.commits.length} ${timeline.commits.length === 1 ? 'commit' : 'commits'}, ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}`),
  ];
  for (const commit of timeline.commits) {
    const changes = byCommit.get(commit.hash);
    if (!changes) continue;
    lines.push('', `${color.yellow(commit.hash.slice(0, 7))}  ${commit.date.slice(0, 10)}  ${commit.author.name} <${commit.author.email}>  ${color.dim(commit.subject ?? '')}`.trimEnd());
    const rows = changes.map(({ item, event }) => {
      const [mark, text] = describe(event, color);
      return [`  ${mark}`, item.id, truncate(item.title, 48), text];
    });
    lines.push(...table(rows));
  }
  lines.push('', `${added} added, ${removed} removed, ${moves} status ${moves === 1 ? 'change' : 'changes'} over ${timeline.items.length} items.`);
  return lines;
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, width - 1).join('') + '…';
}
