// GET /projects/:p/reports/weekly?week=2026-W47&format=… and /reports/monthly?month=2026-11&format=…:
// one report model in JSON, Markdown, CSV, print-friendly HTML or PDF. Any member reads them.

import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isoWeekName } from '../../../engine/history/index.js';
import { CONTENT_TYPES, monthlyReport, renderReport, REPORT_FORMATS, weeklyReport } from '../../../services/reports/index.js';
import type { Report, ReportFormat } from '../../../services/reports/index.js';
import type { AppEnv } from '../../env.js';
import { requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, ProjectParam } from '../../router.js';

const Format = z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]]).optional().openapi({ description: 'json (default), md, csv, html or pdf.' });
const WeeklyQuery = z.object({ week: z.string().max(20).optional().openapi({ description: 'ISO week, e.g. 2026-W47; default this week.' }), format: Format });
const MonthlyQuery = z.object({ month: z.string().max(20).optional().openapi({ description: 'YYYY-MM; default this month.' }), format: Format });

const EXTENSIONS: Record<ReportFormat, string> = { json: 'json', md: 'md', csv: 'csv', html: 'html', pdf: 'pdf' };

async function send(c: Context<AppEnv>, report: Report, format: ReportFormat, name: string): Promise<Response> {
  const body = await renderReport(report, format, c.get('services').clock());
  c.header('Content-Type', CONTENT_TYPES[format]);
  if (format !== 'html' && format !== 'json') c.header('Content-Disposition', `attachment; filename="${name}.${EXTENSIONS[format]}"`);
  return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>), 200);
}

const content = {
  'application/json': { schema: z.record(z.string(), z.unknown()).openapi('Report') },
  'text/markdown': { schema: z.string() },
  'text/csv': { schema: z.string() },
  'text/html': { schema: z.string() },
  'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
};

export function reportRoutes() {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/reports/weekly', tags: ['reports'], summary: 'Weekly summary per person and team for an ISO week', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: WeeklyQuery },
      responses: { 200: { description: 'The report in the format asked for.', content }, ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const { project } = currentProject(c);
      const query = c.req.valid('query');
      const week = query.week ?? isoWeekName(Math.floor(clock().getTime() / 86_400_000));
      const report = await weeklyReport(db, { id: project.id, name: project.name }, week, clock());
      return send(c, report, query.format ?? 'json', `${project.key}-weekly-${week}`);
    },
  );
  router.openapi(
    createRoute({
      method: 'get', path: '/projects/{p}/reports/monthly', tags: ['reports'], summary: 'Monthly report: a row per week, velocity, throughput, cycle time, top blockers, sprint outcomes', security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam, query: MonthlyQuery },
      responses: { 200: { description: 'The report in the format asked for.', content }, ...errorResponses(400, 401, 404, 429) },
    }),
    async (c) => {
      const { db, clock } = c.get('services');
      const { project } = currentProject(c);
      const query = c.req.valid('query');
      const month = query.month ?? clock().toISOString().slice(0, 7);
      const report = await monthlyReport(db, { id: project.id, name: project.name }, month, clock());
      return send(c, report, query.format ?? 'json', `${project.key}-monthly-${month}`);
    },
  );
  return router;
}
