// GET /projects/:p/items (filters, sort, cursor), GET|PATCH /projects/:p/items/:id and
// GET /projects/:p/items/:id/history. A PATCH goes through the edit engine into the document and
// its history in one transaction; If-Match names the document version it was made against.

import { createRoute } from '@hono/zod-openapi';
import { parseIfMatch } from '../../../services/documents/import.js';
import { itemHistoryPage } from '../../../services/items/history.js';
import { getProjectItem, patchProjectItem, patchProjectItems } from '../../../services/items/item.js';
import { listProjectItems } from '../../../services/items/list.js';
import { cachedJson } from '../../cached-json.js';
import { currentUser, requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf, ProjectParam } from '../../router.js';
import { IfMatchHeader } from '../documents/schemas.js';
import {
  HistoryPageSchema,
  HistoryQuerySchema,
  ItemDetailsSchema,
  ItemListQuerySchema,
  ItemPageSchema,
  ItemParams,
  ItemPatchSchema,
  ItemsPatchSchema,
  PatchedItemSchema,
  PatchedItemsSchema,
} from './schemas.js';

export function itemRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{p}/items',
      tags: ['items'],
      summary: "The project's items, filtered, sorted and paged",
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: ItemListQuerySchema },
      responses: { 200: json(ItemPageSchema, 'A page of items.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const query = c.req.valid('query');
      const page = await listProjectItems(db, currentProject(c).project.id, {
        ...query,
        ready: query.ready || undefined,
        blocked: query.blocked || undefined,
        actionable: query.actionable || undefined,
      });
      return cachedJson(c, page);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{p}/items/{id}',
      tags: ['items'],
      summary: 'One item with its checks, dependencies and place on the critical path',
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ItemParams },
      responses: { 200: json(ItemDetailsSchema, 'The item; ETag is its document version.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db } = c.get('services');
      const item = await getProjectItem(db, currentProject(c).project.id, c.req.valid('param').id);
      c.header('ETag', item.etag);
      return c.json({ ...item, details: item.details as unknown as Record<string, unknown> }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/projects/{p}/items/{id}',
      tags: ['items'],
      summary: "Change an item's status, assignee, points, hours or priority (members; If-Match)",
      description: 'The change is written into the document in its own style and recorded in the history. A stale If-Match answers 409 with the current version.',
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: ItemParams, headers: IfMatchHeader, body: jsonBodyOf(ItemPatchSchema) },
      responses: { 200: json(PatchedItemSchema, 'The item after the change; ETag is the new document version.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const patched = await patchProjectItem(db, {
        projectId: currentProject(c).project.id,
        key: c.req.valid('param').id,
        patch: c.req.valid('json'),
        userId: currentUser(c).id,
        ifMatch: parseIfMatch(c.req.header('if-match')),
        now: clock(),
      });
      c.header('ETag', patched.etag);
      return c.json(patched, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/projects/{p}/items',
      tags: ['items'],
      summary: 'Change several items of one document at once: all in one version, or none (members; If-Match)',
      description:
        'Each entry names an item and what to change, as PATCH /items/{id} takes it. Every change is written in one new version of the document, with a history row per changed field; when any one cannot be made (an unknown item, a status its line cannot take, a stale If-Match), nothing is written. Items of different documents are refused: send one request per document.',
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: ProjectParam, headers: IfMatchHeader, body: jsonBodyOf(ItemsPatchSchema) },
      responses: { 200: json(PatchedItemsSchema, 'The items after the change; ETag is the new document version.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const patched = await patchProjectItems(db, {
        projectId: currentProject(c).project.id,
        items: c.req.valid('json').items.map(({ id, ...patch }) => ({ key: id, patch })),
        userId: currentUser(c).id,
        ifMatch: parseIfMatch(c.req.header('if-match')),
        now: clock(),
      });
      c.header('ETag', patched.etag);
      return c.json(patched, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{p}/items/{id}/history',
      tags: ['items'],
      summary: "An item's history, newest first",
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ItemParams, query: HistoryQuerySchema },
      responses: { 200: json(HistoryPageSchema, 'A page of history entries.'), ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db } = c.get('services');
      return c.json(await itemHistoryPage(db, currentProject(c).project.id, c.req.valid('param').id, c.req.valid('query')), 200);
    },
  );

  return router;
}
