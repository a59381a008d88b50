// Request and response shapes of the item and history routes.

import { z } from '@hono/zod-openapi';
import { ITEM_KINDS, STATUSES } from '../../../engine/model.js';
import { ITEM_SORT_KEYS, MAX_PAGE_SIZE } from '../../../services/items/list.js';
import { ProjectParam } from '../../router.js';

export const StatusSchema = z.enum(STATUSES).openapi('Status');

export const ItemSchema = z
  .object({
    key: z.string().openapi({ description: 'The id to use in item routes: the plan id, or document:id when the project has several documents.' }),
    document: z.string(),
    id: z.string(),
    title: z.string(),
    kind: z.enum(ITEM_KINDS),
    status: StatusSchema,
    points: z.number().nullable(),
    hours: z.number().nullable(),
    priority: z.string().nullable(),
    assignee: z.string().nullable(),
    tags: z.array(z.string()),
    deps: z.array(z.string()),
    parent: z.string().nullable(),
    section: z.string(),
    line: z.number().int(),
  })
  .openapi('Item');

const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')).map((part) => part.trim()).filter((part) => part !== '')));

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === '');

export const ItemListQuerySchema = z.object({
  status: many.openapi({ description: 'Statuses to keep (repeat or comma-separate): todo, in_progress, review, done, blocked, deferred, cancelled.', type: 'string' }),
  kind: many.openapi({ description: 'Kinds to keep: epic, phase, story, task, subtask, check (checks only when asked for).', type: 'string' }),
  tag: many.openapi({ description: 'Tags the item must all have (case-insensitive).', type: 'string' }),
  assignee: z.string().max(200).optional().openapi({ description: 'The assignee, or one of several comma-separated names (case-insensitive).' }),
  ready: flag.openapi({ description: 'Only items ready to start.', type: 'boolean' }),
  blocked: flag.openapi({ description: 'Only blocked items.', type: 'boolean' }),
  actionable: flag.openapi({ description: 'Only actionable items: those with no child items other than checks (a phase, an epic or a story with tasks is left out).', type: 'boolean' }),
  q: z.string().max(200).optional().openapi({ description: 'Free text: items whose id or title contains it.' }),
  document: z.string().max(300).optional().openapi({ description: "Only this document's items (name or id)." }),
  sort: z.string().max(20).optional().openapi({ description: `One of ${ITEM_SORT_KEYS.join(', ')}; a leading - sorts descending. Document order by default.` }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().openapi({ description: `Page size, 1–${MAX_PAGE_SIZE} (default 50).`, type: 'integer' }),
  cursor: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page.' }),
});

export const ItemPageSchema = z
  .object({
    items: z.array(ItemSchema),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    versions: z.record(z.string(), z.number().int()),
  })
  .openapi('ItemPage');

export const ItemParams = ProjectParam.extend({
  id: z.string().min(1).max(300).openapi({ param: { name: 'id', in: 'path' }, description: "The plan's item id (URL-encoded); document:id when the project has several documents.", example: 'T012' }),
});

export const ItemDetailsSchema = z
  .object({
    key: z.string(),
    document: z.string(),
    version: z.number().int(),
    etag: z.string(),
    details: z.record(z.string(), z.unknown()).openapi({ description: 'The item, its fields, checks, dependencies both ways, roll-up and place on the critical path.' }),
  })
  .openapi('ItemDetails');

export const ItemPatchSchema = z
  .object({
    status: z.string().max(40).optional().openapi({ example: 'done', description: 'A status (todo, in_progress, review, done, blocked, deferred, cancelled) or a common word for one (wip, closed…).' }),
    assignee: z.string().min(1).max(200).optional(),
    points: z.number().min(0).max(1e6).optional(),
    hours: z.number().min(0).max(1e6).optional(),
    priority: z.string().min(1).max(40).optional(),
  })
  .strict()
  .openapi('ItemPatch');

export const FieldChangeSchema = z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() }).openapi('FieldChange');

export const PatchedItemSchema = z
  .object({
    key: z.string(),
    document: z.string(),
    version: z.number().int(),
    etag: z.string(),
    item: ItemSchema.omit({ key: true, document: true }),
    changes: z.array(FieldChangeSchema),
  })
  .openapi('PatchedItem');

/** Most items one request may change: a sprint's worth, while a body stays small. */
export const MAX_ITEMS_PER_PATCH = 200;

export const ItemsPatchSchema = z
  .object({
    items: z
      .array(ItemPatchSchema.extend({ id: z.string().min(1).max(300).openapi({ example: 'T012', description: 'The item: its id or key, as in PATCH /items/{id}.' }) }).strict())
      .min(1)
      .max(MAX_ITEMS_PER_PATCH),
  })
  .strict()
  .openapi('ItemsPatch');

export const PatchedItemsSchema = z
  .object({
    document: z.string(),
    version: z.number().int(),
    etag: z.string(),
    items: z.array(z.object({ key: z.string(), item: ItemSchema.omit({ key: true, document: true }), changes: z.array(FieldChangeSchema) })),
  })
  .openapi('PatchedItems');

export const HistoryEntrySchema = z
  .object({
    id: z.number().int(),
    document: z.string(),
    item: z.string(),
    field: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    at: z.string(),
    source: z.string(),
    user: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }).nullable(),
    author: z.string().nullable().openapi({ description: 'For source git: the commit\'s author as git gave it ("Name <email>"); `user` is set when a user has that e-mail.' }),
  })
  .openapi('HistoryEntry');

export const HistoryPageSchema = z.object({ entries: z.array(HistoryEntrySchema), nextCursor: z.string().nullable() }).openapi('HistoryPage');

export const HistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ type: 'integer' }),
  cursor: z.string().max(20).optional(),
});
