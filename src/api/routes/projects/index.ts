// GET|POST /projects, GET|PATCH|DELETE /projects/:p. Members see their projects, administrators
// all; changing or deleting a project needs the owner role.

import { createRoute, z } from '@hono/zod-openapi';
import { createProject, deleteProject, listProjects, projectView, updateProject } from '../../../services/projects/index.js';
import { currentUser, requireAuth } from '../../middleware/auth/index.js';
import { currentProject, requireProjectRole } from '../../middleware/project-access/index.js';
import { BEARER, createRouter, errorResponses, json, jsonBodyOf, ProjectParam } from '../../router.js';
import { ProjectSchema } from '../../schemas.js';
import { projectsContext } from '../../service-context.js';

const CreateBody = z
  .object({
    key: z.string().max(64).openapi({ example: 'platform', description: 'URL name: lower-case letters, digits and dashes; unique.' }),
    name: z.string().max(200).openapi({ example: 'Platform rollout' }),
    description: z.string().max(10_000).optional(),
  })
  .openapi('CreateProjectRequest');

const UpdateBody = z
  .object({ key: z.string().max(64).optional(), name: z.string().max(200).optional(), description: z.string().max(10_000).optional() })
  .openapi('UpdateProjectRequest');

export function projectRoutes() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects',
      tags: ['projects'],
      summary: 'Projects the caller is a member of (administrators: all)',
      security: BEARER,
      middleware: [requireAuth()] as const,
      responses: { 200: json(z.object({ projects: z.array(ProjectSchema) }), 'The projects, by key.'), ...errorResponses(401, 429) },
    }),
    async (c) => c.json({ projects: await listProjects(projectsContext(c), currentUser(c)) }, 200),
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/projects',
      tags: ['projects'],
      summary: 'Create a project; the caller becomes its owner',
      security: BEARER,
      middleware: [requireAuth()] as const,
      request: { body: jsonBodyOf(CreateBody) },
      responses: { 201: json(ProjectSchema, 'The new project.'), ...errorResponses(400, 401, 409, 429) },
    }),
    async (c) => c.json(await createProject(projectsContext(c), currentUser(c), c.req.valid('json')), 201),
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{p}',
      tags: ['projects'],
      summary: 'One project',
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('viewer')] as const,
      request: { params: ProjectParam },
      responses: { 200: json(ProjectSchema, 'The project.'), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const access = currentProject(c);
      return c.json(projectView(access.project, access.memberRole), 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'patch',
      path: '/projects/{p}',
      tags: ['projects'],
      summary: "Change a project's key, name or description (owners)",
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('owner')] as const,
      request: { params: ProjectParam, body: jsonBodyOf(UpdateBody) },
      responses: { 200: json(ProjectSchema, 'The project as changed.'), ...errorResponses(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => c.json(await updateProject(projectsContext(c), currentProject(c), c.req.valid('json')), 200),
  );

  router.openapi(
    createRoute({
      method: 'delete',
      path: '/projects/{p}',
      tags: ['projects'],
      summary: 'Delete a project with its documents, items and history (owners)',
      security: BEARER,
      middleware: [requireAuth(), requireProjectRole('owner')] as const,
      request: { params: ProjectParam },
      responses: { 204: { description: 'Deleted.' }, ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => {
      await deleteProject(projectsContext(c), currentProject(c));
      return c.body(null, 204);
    },
  );

  return router;
}
