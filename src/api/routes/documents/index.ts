// GET|POST /projects/:p/documents, GET|PUT /projects/:p/documents/:d. Uploads come as JSON
// (`content` as text, or base64 for bytes that are not UTF-8; `history`, the plan's history from
// git, only here) or as multipart/form-data (`file`); a download with `?format=raw` answers the
// stored bytes. Reading needs viewer, writing member.

import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ScrumdownError } from '../../../errors.js';
import { importDocument, parseIfMatch, replaceDocument } from '../../../services/documents/import.js';
import { downloadDocument, getDocument, listDocuments } from '../../../services/documents/read.js';
import type { Timeline } from '../../../engine/history/types.js';
import type { AppEnv } from '../../env.js';
import { validationError } from '../../errors.js';
import { currentUser, requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, ProjectParam } from '../../router.js';
import {
  DocumentListEntrySchema,
  DocumentParams,
  DocumentReplaceSchema,
  DocumentSummarySchema,
  DocumentUploadSchema,
  DownloadQuery,
  IfMatchHeader,
  MultipartUploadSchema,
} from './schemas.js';

interface Upload {
  name: string | undefined;
  bytes: Uint8Array;
  history?: Timeline;
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;
const MULTIPART_TYPE = /^multipart\/form-data\b/i;

/** The uploaded document from a JSON or multipart body. */
async function readUpload(c: Context<AppEnv>): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  if (JSON_TYPE.test(type)) {
    const parsed = DocumentUploadSchema.partial({ name: true }).safeParse(await c.req.json());
    if (!parsed.success) throw validationError(parsed.error, 'body');
    const { name, content, encoding, history } = parsed.data;
    const bytes = encoding === 'base64' ? decodeBase64(content) : new TextEncoder().encode(content);
    return { name, bytes, history };
  }
  if (MULTIPART_TYPE.test(type)) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) {
      throw new ScrumdownError('validation_failed', 'The multipart body has no file field: send the Markdown as a part named "file".', {
        in: 'form',
        fields: [{ field: 'file', problem: 'missing' }],
      });
    }
    const name = typeof form.name === 'string' && form.name.trim() !== '' ? form.name : file.name;
    return { name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  throw new ScrumdownError('unsupported_format', `Send the document as application/json or multipart/form-data (got ${type === '' ? 'no Content-Type' : type}).`, {
    contentType: type,
  });
}

function decodeBase64(content: string): Uint8Array {
  const compact = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new ScrumdownError('validation_failed', 'content is not valid base64.', { in: 'body', fields: [{ field: 'content', problem: 'not base64' }] });
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

const uploadBody = {
  required: false,
  content: {
    'application/json': { schema: DocumentUploadSchema },
    'multipart/form-data': { schema: MultipartUploadSchema },
  },
};

const replaceBody = {
  required: false,
  content: {
    'application/json': { schema: DocumentReplaceSchema },
    'multipart/form-data': { schema: MultipartUploadSchema },
  },
};

export function documentRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{p}/documents',
      tags: ['documents'],
      summary: "The project's plan documents",
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam },
      responses: { 200: json(z.object({ documents: z.array(DocumentListEntrySchema) }), 'The documents, by name.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const { db } = c.get('services');
      return c.json({ documents: await listDocuments(db, currentProject(c).project.id) }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{p}/documents',
      tags: ['documents'],
      summary: 'Upload a Markdown plan (members)',
      description: 'Parse problems come back as `findings`; they never refuse an upload. At most 10 MB.',
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: ProjectParam, body: uploadBody },
      responses: { 201: json(DocumentSummarySchema, 'Stored as version 1.'), ...errorResponses(400, 401, 403, 404, 409, 413, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const upload = await readUpload(c);
      if (upload.name === undefined) {
        throw new ScrumdownError('validation_failed', 'Invalid body: name: give the document a name, e.g. tasks.md.', { in: 'body', fields: [{ field: 'name', problem: 'missing' }] });
      }
      const summary = await importDocument(db, {
        projectId: currentProject(c).project.id,
        name: upload.name,
        bytes: upload.bytes,
        userId: currentUser(c).id,
        history: upload.history,
        now: clock(),
      });
      c.header('ETag', summary.etag);
      return c.json(summary, 201);
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{p}/documents/{d}',
      tags: ['documents'],
      summary: 'A document: its summary and findings, or with ?format=raw the Markdown with every edit applied',
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: DocumentParams, query: DownloadQuery },
      responses: {
        200: {
          description: 'The summary (JSON), or the Markdown bytes (text/markdown) with ?format=raw. The ETag header carries the version.',
          content: { 'application/json': { schema: DocumentSummarySchema }, 'text/markdown': { schema: z.string() } },
        },
        ...errorResponses(401, 404, 429),
      },
    }),
    async (c) => {
      const { db } = c.get('services');
      const { d } = c.req.valid('param');
      const projectId = currentProject(c).project.id;
      if (c.req.valid('query').format === 'raw') {
        const download = await downloadDocument(db, projectId, d);
        c.header('ETag', download.etag);
        c.header('Content-Type', 'text/markdown; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="${download.name.split('/').pop()?.replace(/["\\]/g, '_') ?? 'plan.md'}"`);
        return c.body(new Uint8Array(download.bytes), 200) as never;
      }
      const summary = await getDocument(db, projectId, d);
      c.header('ETag', summary.etag);
      return c.json(summary, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'put',
      path: '/projects/{p}/documents/{d}',
      tags: ['documents'],
      summary: "Replace a document's Markdown (members; If-Match)",
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('member')] as const,
      request: { params: DocumentParams, headers: IfMatchHeader, body: replaceBody },
      responses: { 200: json(DocumentSummarySchema, 'Stored as the next version.'), ...errorResponses(400, 401, 403, 404, 409, 413, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const upload = await readUpload(c);
      const summary = await replaceDocument(db, {
        projectId: currentProject(c).project.id,
        document: c.req.valid('param').d,
        bytes: upload.bytes,
        userId: currentUser(c).id,
        history: upload.history,
        ifMatch: parseIfMatch(c.req.header('if-match')),
        now: clock(),
      });
      c.header('ETag', summary.etag);
      return c.json(summary, 200);
    },
  );

  return router;
}
