// `scrumdown sprint create|start|close|show|burndown` against a team server: thin calls through
// the remote client; the server does the work (src/services/sprints). The client loads when a
// subcommand runs, not when the CLI declares its commands.

import type { Command } from 'commander';
import type { RemoteClient } from '../../../services/remote/client.js';
import { formatNumber, print, printJson, printLines, table } from '../../output.js';

export interface RemoteSprintOptions {
  project: string;
  server?: string;
  json?: boolean;
}

interface SprintBody {
  number: number;
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
  days: number;
  state: string;
  committedPoints: number | null;
  points: number;
  capacityPoints: number | null;
  items: Array<{ key: string; title: string; status: string; points: number | null; addedAfterStart: boolean }>;
  capacity: { totalHours: number };
}

export async function projectClient(options: { server?: string; project: string }): Promise<{ client: RemoteClient; base: string }> {
  const [{ RemoteClient }, { resolveServer }] = await Promise.all([
    import('../../../services/remote/client.js'),
    import('../../../services/remote/credentials.js'),
  ]);
  const { server, token } = await resolveServer(options.server);
  return { client: new RemoteClient({ server, token }), base: `/api/v1/projects/${encodeURIComponent(options.project)}` };
}

function sprintLines(sprint: SprintBody): string[] {
  const lines = [
    `Sprint ${sprint.number}: ${sprint.name} (${sprint.state})`,
    `  ${sprint.startDate} to ${sprint.endDate}, ${sprint.days} working days${sprint.goal ? `; goal: ${sprint.goal}` : ''}`,
    `  ${formatNumber(sprint.points)} points in ${sprint.items.length} items${sprint.capacityPoints === null ? '' : ` against a capacity of ${formatNumber(sprint.capacityPoints)}`}${sprint.committedPoints === null ? '' : `; committed at start: ${formatNumber(sprint.committedPoints)}`}`,
  ];
  if (sprint.capacity.totalHours > 0) lines.push(`  capacity: ${formatNumber(sprint.capacity.totalHours)} hours`);
  if (sprint.items.length > 0) {
    lines.push('', ...table([['Item', 'Status', 'Points', ''], ...sprint.items.map((item) => [item.key, item.status, item.points === null ? '' : formatNumber(item.points), item.addedAfterStart ? 'added after start' : ''])], new Set([2])).map((l) => `  ${l}`));
  }
  return lines;
}

function show(sprint: SprintBody, options: RemoteSprintOptions, verb: string): void {
  if (options.json) printJson('sprint', sprint);
  else printLines(verb ? [verb, ...sprintLines(sprint)] : sprintLines(sprint));
}

function withRemote(command: Command): Command {
  return command.requiredOption('--project <key>', 'the project on the server').option('--server <url>', 'the server (default: the one you logged in to last)').option('--json', 'print the server\'s JSON');
}

export function registerSprintSubcommands(sprint: Command): void {
  withRemote(
    sprint
      .command('create')
      .description('create a sprint on the server')
      .requiredOption('--name <name>', 'e.g. "Sprint 4"')
      .requiredOption('--start <day>', 'first day, YYYY-MM-DD')
      .requiredOption('--end <day>', 'last day, YYYY-MM-DD')
      .option('--goal <text>', 'the sprint goal')
      .option('--capacity <points>', 'capacity in points')
      .option('--items <ids>', 'items to put in it, comma-separated'),
  ).action(async (options: RemoteSprintOptions & { name: string; start: string; end: string; goal?: string; capacity?: string; items?: string }) => {
    const { client, base } = await projectClient(options);
    let sprint = await client.json<SprintBody>('POST', `${base}/sprints`, {
      name: options.name,
      startDate: options.start,
      endDate: options.end,
      goal: options.goal,
      capacityPoints: options.capacity === undefined ? undefined : Number(options.capacity),
    });
    const items = (options.items ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
    if (items.length > 0) sprint = await client.json<SprintBody>('POST', `${base}/sprints/${sprint.number}/items`, { items });
    show(sprint, options, 'Created:');
  });
  for (const [name, description, verb] of [
    ['start', 'start a sprint: freezes its commitment', 'Started:'],
    ['close', 'close a sprint: keeps its report', 'Closed:'],
  ] as const) {
    withRemote(sprint.command(name).description(description).argument('<sprint>', 'sprint number or id')).action(async (ref: string, options: RemoteSprintOptions) => {
      const { client, base } = await projectClient(options);
      show(await client.json<SprintBody>('POST', `${base}/sprints/${encodeURIComponent(ref)}/${name}`), options, verb);
    });
  }
  withRemote(sprint.command('show').description('a sprint with its items (its report once closed)').argument('<sprint>', 'sprint number or id')).action(async (ref: string, options: RemoteSprintOptions) => {
    const { client, base } = await projectClient(options);
    const body = await client.json<SprintBody>('GET', `${base}/sprints/${encodeURIComponent(ref)}`);
    if (options.json) return printJson('sprint', body);
    const lines = sprintLines(body);
    if (body.state === 'closed') {
      const report = await client.json<{ totals: Record<string, number> }>('GET', `${base}/sprints/${encodeURIComponent(ref)}/report`);
      const t = report.totals;
      lines.push('', `  completed ${formatNumber(t.completedPoints)} of ${formatNumber(t.committedPoints)} committed points; not completed ${formatNumber(t.notCompletedPoints)}; removed ${formatNumber(t.removedPoints)}; added after start ${formatNumber(t.addedAfterStartPoints)}`);
    }
    printLines(lines);
  });
  withRemote(sprint.command('burndown').description("a sprint's burndown: remaining per working day, ideal line, scope added and removed").argument('<sprint>', 'sprint number or id')).action(
    async (ref: string, options: RemoteSprintOptions) => {
      const { client, base } = await projectClient(options);
      const body = await client.json<{ sprint: { number: number; name: string }; chart: { days: string[]; remaining: number[]; ideal: number[]; scopeAdded: number[]; scopeRemoved: number[]; commitment: number; measure: string } }>(
        'GET',
        `${base}/sprints/${encodeURIComponent(ref)}/burndown`,
      );
      if (options.json) return printJson('sprint-burndown', body);
      const { chart } = body;
      print(`Sprint ${body.sprint.number}: ${body.sprint.name}, commitment ${formatNumber(chart.commitment)} ${chart.measure}`);
      printLines(
        table(
          [['Day', 'Remaining', 'Ideal', 'Added', 'Removed'], ...chart.days.map((day, d) => [day, formatNumber(chart.remaining[d]), formatNumber(chart.ideal[d]), formatNumber(chart.scopeAdded[d]), formatNumber(chart.scopeRemoved[d])])],
          new Set([1, 2, 3, 4]),
        ),
      );
    },
  );
}
