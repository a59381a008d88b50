// The daily standup digest on its schedule, under a fixed clock, against a real SMTP server, on
// SQLite and PostgreSQL: sent once at SCRUMDOWN_DIGEST_AT in its time zone, not before and not
// twice, also with two schedules (two instances) on one database; a failed send is logged without
// the SMTP password and sent on the next tick. And the running server's schedule: its timer does
// not hold the process open and stops with the server.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../../src/api/server.js';
import { testConfig } from '../../src/config/testing.js';
import type { DigestSettings } from '../../src/config/config.js';
import { manualClock } from '../../src/services/clock.js';
import { digestSchedule, startDigestSchedule } from '../../src/services/digest/schedule.js';
import type { DigestSchedule } from '../../src/services/digest/schedule.js';
import type { ProjectView } from '../../src/services/projects/index.js';
import { migrateToLatest, openDatabase } from '../../src/store/database.js';
import { describeEachDatabase } from '../support/databases.js';
import { addMember, createProject, createTestApp, createUser, TEST_PASSWORD } from '../support/factories.js';
import type { TestApp, TestUser } from '../support/factories.js';
import { SMTP_PASSWORD, SMTP_USER, startSmtpServer } from '../support/smtp-server.js';
import type { TestSmtpServer } from '../support/smtp-server.js';
import { base } from './plans.js';

let smtp: TestSmtpServer;
let settings: DigestSettings;
beforeAll(async () => {
  smtp = await startSmtpServer();
  // 09:30 in Berlin is 08:30 UTC in November.
  settings = { at: '09:30', timeZone: 'Europe/Berlin', smtp: smtp.config };
});
afterAll(() => smtp.close());

/** The subjects of the digests received for the project of that name. */
function mailsFor(project: { name: string }): string[] {
  return smtp.received.filter((mail) => mail.data.includes(`[${project.name}]`)).map((mail) => /Subject: (.*)/.exec(mail.data)![1]!);
}

describeEachDatabase('daily digest schedule', (getHandle, suite) => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let project: ProjectView;
  let memberToken: string;
  const name = `Lending Library ${suite.kind}`;

  beforeAll(async () => {
    t = createTestApp(getHandle());
    owner = await createUser(t, { name: 'Olga Owner' });
    member = await createUser(t, { name: 'Max Member' });
    project = await createProject(t, owner, { name });
    await addMember(t, project, member, 'member');
    // An API token outlasts the access token across the days below.
    memberToken = (await t.request('POST', '/api/v1/tokens', { token: member.token, json: { name: 'standups' } })).body.token;
  });

  function schedule(db = getHandle().db): DigestSchedule {
    return digestSchedule({ db, clock: t.clock, logger: t.logger, settings });
  }

  it('sends each day once at the time in its time zone: not before, not twice', async () => {
    const one = schedule();
    t.clock.set('2026-11-23T07:00:00.000Z');
    expect((await t.request('POST', `${base(project)}/standups`, { token: memberToken, json: { done: 'Loans', next: 'Returns' } })).status).toBe(201);

    t.clock.set('2026-11-23T08:29:59.000Z');
    await one.tick();
    expect(mailsFor(project)).toEqual([]);

    t.clock.set('2026-11-23T08:30:00.000Z');
    await one.tick();
    expect(mailsFor(project)).toEqual([`[${name}] Standups 2026-11-23: 1 entry`]);
    const mail = smtp.received.at(-1)!;
    expect(mail.to.sort()).toEqual([member.email, owner.email].sort());
    expect(mail.data).toContain('Done: Loans');

    for (const later of ['2026-11-23T08:30:30.000Z', '2026-11-23T15:00:00.000Z', '2026-11-23T22:59:00.000Z', '2026-11-24T08:29:00.000Z']) {
      t.clock.set(later);
      await one.tick();
    }
    expect(mailsFor(project)).toHaveLength(1);

    t.clock.set('2026-11-24T08:31:00.000Z');
    await one.tick();
    await one.tick();
    expect(mailsFor(project)).toEqual([`[${name}] Standups 2026-11-23: 1 entry`, `[${name}] Standups 2026-11-24: 0 entries`]);
    const runs = await getHandle().db.selectFrom('digest_runs').select(['day', 'status', 'attempts', 'sent_at']).where('project_id', '=', project.id).orderBy('day').execute();
    expect(runs).toEqual([
      { day: '2026-11-23', status: 'sent', attempts: 1, sent_at: '2026-11-23T08:30:00.000Z' },
      { day: '2026-11-24', status: 'sent', attempts: 1, sent_at: '2026-11-24T08:31:00.000Z' },
    ]);
  });

  it('is sent once when two instances tick at the same moment on one database', async () => {
    const other = openDatabase(suite.url());
    try {
      const first = schedule();
      const second = schedule(other.db);
      for (const day of ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']) {
        t.clock.set(`${day}T08:30:00.000Z`);
        await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
        expect(mailsFor(project).filter((subject) => subject.includes(day)), day).toHaveLength(1);
      }
    } finally {
      await other.close();
    }
  });

  it('logs a failed send without the SMTP password and sends it on the next tick', async () => {
    const one = schedule();
    const logStart = t.logText().length;
    smtp.refuseLogins(1);
    t.clock.set('2026-11-30T08:30:00.000Z');
    await one.tick();
    expect(mailsFor(project).filter((subject) => subject.includes('2026-11-30'))).toEqual([]);
    const failed = await getHandle().db.selectFrom('digest_runs').select(['status', 'attempts', 'error']).where('day', '=', '2026-11-30').executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error).toMatch(/^The digest could not be sent through 127\.0\.0\.1:\d+: .*Mailbox temporarily unavailable/);

    const lines = t.logText().slice(logStart).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, msg: 'standup digest not sent; it is tried again on the next tick', project: project.key, day: '2026-11-30', attempt: 1, error: failed.error }),
    ]);
    const credentials = Buffer.from(`\u0000${SMTP_USER}\u0000${SMTP_PASSWORD}`).toString('base64');
    for (const secret of [SMTP_PASSWORD, credentials, Buffer.from(SMTP_PASSWORD).toString('base64')]) expect(t.logText()).not.toContain(secret);

    t.clock.advance(30_000);
    await one.tick();
    expect(mailsFor(project).filter((subject) => subject.includes('2026-11-30'))).toHaveLength(1);
    expect(await getHandle().db.selectFrom('digest_runs').select(['status', 'attempts', 'error']).where('day', '=', '2026-11-30').executeTakeFirstOrThrow()).toEqual({ status: 'sent', attempts: 2, error: null });
    expect(t.logText()).toContain('"msg":"standup digest sent"');
  });

  it('takes over a claim that an instance left in the middle of sending', async () => {
    t.clock.set('2026-12-01T08:30:00.000Z');
    await getHandle().db.insertInto('digest_runs').values({ project_id: project.id, day: '2026-12-01', status: 'sending', attempts: 1, claimed_at: t.clock().toISOString(), sent_at: null, error: null }).execute();
    const one = schedule();
    t.clock.advance(9 * 60_000);
    await one.tick();
    expect(mailsFor(project).filter((subject) => subject.includes('2026-12-01'))).toEqual([]);
    t.clock.advance(60_000 + 1);
    await one.tick();
    expect(mailsFor(project).filter((subject) => subject.includes('2026-12-01'))).toHaveLength(1);
  });
});

it('runs on a timer that does not hold the process open, and stops with stop()', async () => {
  const t = createTestApp(openDatabase('sqlite::memory:'));
  await migrateToLatest(t.handle);
  const owner = await createUser(t);
  const project = await createProject(t, owner, { name: 'Timer Project' });
  t.clock.set('2026-12-02T08:30:00.000Z');
  const timers = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
  const running = startDigestSchedule({ db: t.handle.db, clock: t.clock, logger: t.logger, settings }, 10);
  expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length).toBe(timers);
  await expect.poll(() => mailsFor(project).length).toBe(1);
  await running.stop();
  t.clock.set('2026-12-03T08:30:00.000Z');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(mailsFor(project)).toHaveLength(1);
  await t.handle.close();
});

it('is started by the server when configured, and stopped when the server closes', async () => {
  expect(testConfig().digest).toBeUndefined();
  const clock = manualClock('2026-12-04T08:00:00.000Z');
  const server = await startServer(testConfig({ digest: settings }), { clock });
  const post = async (path: string, json: unknown, token?: string): Promise<Response> =>
    fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(json) });
  try {
    const { accessToken } = (await (await post('/auth/register', { email: 'server@example.test', name: 'Server Owner', password: TEST_PASSWORD })).json()) as { accessToken: string };
    expect((await post('/projects', { key: 'served', name: 'Served Project' }, accessToken)).status).toBe(201);
    clock.set('2026-12-04T08:30:00.000Z');
    await server.digest!.tick();
    expect(mailsFor({ name: 'Served Project' })).toHaveLength(1);
  } finally {
    await server.close();
  }
  clock.set('2026-12-05T08:30:00.000Z');
  await server.digest!.tick();
  expect(mailsFor({ name: 'Served Project' })).toHaveLength(1);
});
