// The standup tools, for plan sources on the team server (standups live there, not in the plan):
// add_standup writes the caller's entry for a day, update_standup changes it. Both go through the
// server's standups service, so its rules and errors are the REST API's.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { StandupInput } from '../services/standups/index.js';
import { formatStandup } from './format.js';
import type { PlanSource } from './plan-source.js';
import { addStandupInput, standupOutput, updateStandupInput } from './schemas.js';
import { guarded, toolResult } from './tool-result.js';

const WRITES = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;

export function registerStandupTools(server: McpServer, source: PlanSource): void {
  const { addStandup, updateStandup } = source;
  if (!addStandup || !updateStandup) return;

  server.registerTool(
    'add_standup',
    {
      title: 'Add standup',
      description:
        'Writes your daily standup entry in the project on the server, as the person the API token belongs to: what you did, what you will do next, what blocks you, your mood (1-5) and the item ids it is about. One entry per person per day; a second one for the same day is refused with the id of the first: change that one with update_standup.',
      inputSchema: addStandupInput,
      outputSchema: standupOutput,
      annotations: { ...WRITES, idempotentHint: false },
    },
    (input) =>
      guarded(async () => {
        const entry = await addStandup.call(source, input);
        return toolResult(formatStandup(entry, source.label, 'Wrote'), entry);
      }),
  );

  server.registerTool(
    'update_standup',
    {
      title: 'Update standup',
      description:
        "Changes your own standup entry in the project on the server: name it by id (as add_standup returned it) or by day (default today), and give only what changes: done, next, blockers (text replaces the old), mood (1-5, null clears it), items (replaces the linked item ids) or blocker_resolved. An entry keeps its day. Another person's entry is refused, except marking its blocker resolved.",
      inputSchema: updateStandupInput,
      outputSchema: standupOutput,
      annotations: { ...WRITES, idempotentHint: true },
    },
    ({ id, day, blocker_resolved, ...fields }) =>
      guarded(async () => {
        const changes: StandupInput = blocker_resolved === undefined ? fields : { ...fields, blockerResolved: blocker_resolved };
        const entry = await updateStandup.call(source, { id, day }, definedOnly(changes));
        return toolResult(formatStandup(entry, source.label, 'Updated'), entry);
      }),
  );
}

/** The fields an agent gave (a key sent as undefined is no change). */
function definedOnly(changes: StandupInput): StandupInput {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as StandupInput;
}
