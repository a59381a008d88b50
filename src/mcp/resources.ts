// The plan's Markdown as an MCP resource. Every read returns the plan as it is now; clients that
// subscribe are told when it changes (a save in an editor, a git checkout, a set_status call, an
// edit on the server). The source is watched only while someone is subscribed, so an idle agent
// costs a remote server nothing.

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
  const watch = source.watch?.bind(source);
  if (watch === undefined) return () => undefined;

  const subscribed = new Set<string>();
  let stopWatching: (() => void) | undefined;
  const notify = (): void => {
    if (!subscribed.has(source.uri) || !server.isConnected()) return;
    server.server.sendResourceUpdated({ uri: source.uri }).catch((error: unknown) => {
      process.stderr.write(`scrumdown mcp: could not notify the client of a change: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  };
  server.server.registerCapabilities({ resources: { subscribe: true, listChanged: true } });
  server.server.setRequestHandler(SubscribeRequestSchema, (request) => {
    subscribed.add(request.params.uri);
    if (subscribed.has(source.uri)) stopWatching ??= watch(notify);
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
    subscribed.delete(request.params.uri);
    if (!subscribed.has(source.uri)) {
      stopWatching?.();
      stopWatching = undefined;
    }
    return {};
  });
  return () => stopWatching?.();
}
