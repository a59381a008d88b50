// Request and response shapes of the document routes.

import { z } from '@hono/zod-openapi';
import { ITEM_KINDS, STATUSES } from '../../../engine/model.js';
import { ProjectParam } from '../../router.js';

export const FindingSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    line: z.number().int(),
    message: z.string(),
    itemId: z.string().optional(),
    expected: z.union([z.number(), z.string()]).optional(),
    actual: z.union([z.number(), z.string()]).optional(),
  })
  .openapi('Finding');

export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    etag: z.string().openapi({ description: 'Send it back as If-Match to replace the document or change its items.', example: '"3"' }),
    hash: z.string(),
    size: z.number().int(),
    title: z.string(),
    dialects: z.array(z.string()),
    items: z.number().int(),
    findings: z.array(FindingSchema).openapi({ description: 'Problems the engine met while reading the plan; they never refuse an upload.' }),
    updatedAt: z.string(),
  })
  .openapi('DocumentSummary');

export const DocumentListEntrySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    etag: z.string(),
    hash: z.string(),
    size: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('DocumentListEntry');

/** Most commits, items and events (all items together) a pushed history may hold. */
export const HISTORY_LIMITS = { commits: 100_000, items: 100_000, events: 200_000 } as const;

const DateText = z
  .string()
  .max(40)
  .refine((value) => Number.isFinite(Date.parse(value)), { message: 'not an ISO 8601 date' });
const AuthorSchema = z.object({ name: z.string().max(200), email: z.string().max(320) });
const StatusSchema = z.enum(STATUSES);
const PointsSchema = z.number().finite().nullable();
const origin = { commit: z.string().min(1).max(100), date: DateText, author: AuthorSchema };

const HistoryEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('added'), ...origin, status: StatusSchema, points: PointsSchema }),
  z.object({ type: z.literal('removed'), ...origin, status: StatusSchema, points: PointsSchema }),
  z.object({ type: z.literal('status'), ...origin, from: StatusSchema, to: StatusSchema }),
  z.object({ type: z.literal('points'), ...origin, from: PointsSchema, to: PointsSchema }),
  z.object({
    type: z.literal('renamed'),
    ...origin,
    fromId: z.string().max(300),
    toId: z.string().max(300),
    fromTitle: z.string().max(2000),
    toTitle: z.string().max(2000),
    matchedBy: z.enum(['id', 'title']),
  }),
]);

export const PlanHistorySchema = z
  .object({
    commits: z
      .array(z.object({ hash: z.string().min(1).max(100), date: DateText, author: AuthorSchema, path: z.string().max(1000).optional(), subject: z.string().max(1000).optional() }))
      .min(1)
      .max(HISTORY_LIMITS.commits),
    items: z
      .array(
        z.object({
          key: z.string().max(320),
          id: z.string().min(1).max(300),
          title: z.string().max(2000),
          kind: z.enum(ITEM_KINDS),
          status: StatusSchema,
          points: PointsSchema,
          counted: z.boolean(),
          present: z.boolean(),
          events: z.array(HistoryEventSchema).max(HISTORY_LIMITS.events),
        }),
      )
      .max(HISTORY_LIMITS.items),
  })
  .superRefine((history, context) => {
    const events = history.items.reduce((total, item) => total + item.events.length, 0);
    if (events > HISTORY_LIMITS.events) context.addIssue({ code: 'custom', path: ['items'], message: `${events} events; at most ${HISTORY_LIMITS.events}` });
  })
  .openapi('PlanHistory', {
    description: 'The plan\'s history read from git, as `scrumdown history --json` prints it (`commits` and `items`): stored as the document\'s item history (source `git`).',
  });

export const DocumentUploadSchema = z
  .object({
    name: z.string().min(1).max(200).openapi({ example: 'tasks.md', description: "The document's file name within the project." }),
    content: z.string().openapi({ description: 'The Markdown: text, or its bytes in base64 with `encoding: "base64"` (keeps invalid UTF-8 exactly).' }),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    history: PlanHistorySchema.optional(),
  })
  .openapi('DocumentUpload');

export const DocumentReplaceSchema = DocumentUploadSchema.omit({ name: true }).openapi('DocumentReplace');

export const MultipartUploadSchema = z
  .object({
    file: z.any().openapi({ type: 'string', format: 'binary', description: 'The Markdown file.' }),
    name: z.string().optional().openapi({ description: "The document's name; the file's own name when omitted." }),
  })
  .openapi('DocumentMultipartUpload');

export const DocumentParams = ProjectParam.extend({
  d: z.string().min(1).max(300).openapi({ param: { name: 'd', in: 'path' }, description: "The document's id or its name (URL-encoded).", example: 'tasks.md' }),
});

export const DownloadQuery = z.object({
  format: z.enum(['json', 'raw']).optional().openapi({ description: '`raw` answers the Markdown itself (text/markdown), byte for byte.' }),
});

export const IfMatchHeader = z.object({
  'if-match': z.string().max(40).optional().openapi({ param: { name: 'if-match', in: 'header' }, description: 'The ETag you read, e.g. "3"; another version answers 409.' }),
});
