// The daily digest reaches an SMTP server the test starts: sent to every member of the project,
// with the day's entries and the blockers still open, on SQLite and PostgreSQL.

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProjectView } from '../../src/services/projects/index.js';
import { smtpConfigFromEnv } from '../../src/services/digest/index.js';
import { describeEachDatabase } from '../support/databases.js';
import { createRoleUsers, createTestApp, projectWithRoles } from '../support/factories.js';
import type { RoleUsers, TestApp } from '../support/factories.js';
import { SMTP_PASSWORD, SMTP_USER, startSmtpServer } from '../support/smtp-server.js';
import type { TestSmtpServer } from '../support/smtp-server.js';
import { base } from './plans.js';

let server: TestSmtpServer;
const saved: Record<string, string | undefined> = {};
const VARIABLES = ['SCRUMDOWN_SMTP_HOST', 'SCRUMDOWN_SMTP_PORT', 'SCRUMDOWN_SMTP_SECURE', 'SCRUMDOWN_SMTP_USER', 'SCRUMDOWN_SMTP_PASSWORD', 'SCRUMDOWN_SMTP_FROM'];

beforeAll(async () => {
  server = await startSmtpServer();
  for (const name of VARIABLES) saved[name] = process.env[name];
  Object.assign(process.env, {
    SCRUMDOWN_SMTP_HOST: '127.0.0.1',
    SCRUMDOWN_SMTP_PORT: String(server.port),
    SCRUMDOWN_SMTP_SECURE: 'false',
    SCRUMDOWN_SMTP_USER: SMTP_USER,
    SCRUMDOWN_SMTP_PASSWORD: SMTP_PASSWORD,
    SCRUMDOWN_SMTP_FROM: 'scrumdown <standups@example.test>',
  });
});
afterAll(async () => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await server.close();
});

it('reads the SMTP settings and names a bad one', () => {
  expect(smtpConfigFromEnv({})).toBeUndefined();
  expect(smtpConfigFromEnv({ SCRUMDOWN_SMTP_HOST: 'mail', SCRUMDOWN_SMTP_SECURE: 'true', SCRUMDOWN_SMTP_FROM: 'a@b.test' })).toEqual({ host: 'mail', port: 465, secure: true, user: undefined, password: undefined, from: 'a@b.test' });
  expect(() => smtpConfigFromEnv({ SCRUMDOWN_SMTP_HOST: 'mail', SCRUMDOWN_SMTP_PORT: '99999', SCRUMDOWN_SMTP_FROM: 'a@b.test' })).toThrow(/SCRUMDOWN_SMTP_PORT/);
  expect(() => smtpConfigFromEnv({ SCRUMDOWN_SMTP_HOST: 'mail' })).toThrow(/SCRUMDOWN_SMTP_FROM/);
});

describeEachDatabase('daily digest over SMTP', (getHandle) => {
  let t: TestApp;
  let users: RoleUsers;
  let project: ProjectView;
  const tokens = { member: '', other: '', owner: '' };

  beforeAll(async () => {
    t = createTestApp(getHandle());
    t.clock.set('2026-11-17T09:00:00.000Z');
    users = await createRoleUsers(t);
    project = await projectWithRoles(t, users);
    // API tokens outlast the access tokens across the two days.
    for (const who of ['member', 'other', 'owner'] as const) {
      tokens[who] = (await t.request('POST', '/api/v1/tokens', { token: users[who].token, json: { name: 'digest' } })).body.token;
    }
    expect((await t.request('POST', `${base(project)}/standups`, { token: tokens.other, json: { done: 'Search', blockers: 'Index server down' } })).status).toBe(201);
    t.clock.set('2026-11-18T09:00:00.000Z');
    expect((await t.request('POST', `${base(project)}/standups`, { token: tokens.member, json: { done: 'Loans', next: 'Returns', mood: 4 } })).status).toBe(201);
  });

  it('sends the day to every member, and only owners may send it', async () => {
    expect((await t.request('POST', `${base(project)}/standups/digest`, { token: tokens.member })).status).toBe(403);
    const before = server.received.length;
    const response = await t.request('POST', `${base(project)}/standups/digest?day=2026-11-18`, { token: tokens.owner });
    expect(response.status, response.text).toBe(200);
    const emails = [users.member.email, users.other.email, users.owner.email, users.viewer.email].sort();
    expect(response.body.recipients).toEqual(emails);
    expect(response.body.accepted.sort()).toEqual(emails);
    expect(server.received.length).toBe(before + 1);
    const mail = server.received[server.received.length - 1];
    expect(mail.from).toBe('standups@example.test');
    expect(mail.to.sort()).toEqual(emails);
    expect(mail.user).toBe('digest');
    expect(mail.data).toMatch(/Subject: \[Project [^\]]+\] Standups 2026-11-18: 1 entry/);
    expect(mail.data).toContain('Max Member (mood 4/5)');
    expect(mail.data).toContain('Done: Loans');
    expect(mail.data).toContain('Next: Returns');
    expect(mail.data).toContain('Otto Other, 2026-11-17 (1 days): Index server down');
  });
});
