// The plan's Markdown as an MCP resource. Every read returns the file as it is now; clients that
// subscribe are told when it changes (a save in an editor, a git checkout, a set_status call).

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SubscribeRequestSchema, UnsubscribeRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { PlanSource } from './plan-source.js';

/** Registers the resource; returns a function that stops watching the plan. */
export function registerPlanResource(server: McpServer, source: PlanSource): () => void {
  server.registerResource(
    'plan',
    source.uri,
    {
      title: `Plan: ${source.label}`,
      description: 'The plan\'s Markdown exactly as stored, the source of truth every tool reads and set_status edits.',
      mimeType: 'text/markdown',
    },
    async (uri) => {
      const { text } = await source.load();
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );

  const subscribed = new Set<string>();
  server.server.registerCapabilities({ resources: { subscribe: true, listChanged: true } });
  server.server.setRequestHandler(SubscribeRequestSchema, (request) => {
    subscribed.add(request.params.uri);
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
    subscribed.delete(request.params.uri);
    return {};
  });

  return source.watch(() => {
    if (!subscribed.has(source.uri) || !server.isConnected()) return;
    server.server.sendResourceUpdated({ uri: source.uri }).catch((error: unknown) => {
      process.stderr.write(`scrumdown mcp: could not notify the client of a change: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  });
}
