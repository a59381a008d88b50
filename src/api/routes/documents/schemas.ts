// Request and response shapes of the document routes.

import { z } from '@hono/zod-openapi';
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

export const DocumentUploadSchema = z
  .object({
    name: z.string().min(1).max(200).openapi({ example: 'tasks.md', description: "The document's file name within the project." }),
    content: z.string().openapi({ description: 'The Markdown: text, or its bytes in base64 with `encoding: "base64"` (keeps invalid UTF-8 exactly).' }),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
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
