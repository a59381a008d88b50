// The daily standup digest: the day's entries of a project (done, next, blockers, mood) and the
// blockers still open, mailed to the project's members over SMTP (settings: smtp-config.ts).

import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import { ScrumdownError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import { listMembers } from '../../store/repositories/members.js';
import { checkDay } from '../sprints/dates.js';
import { openBlockers, standupsBetween } from '../standups/index.js';
import type { SmtpConfig } from './smtp-config.js';

export { smtpConfigFromEnv } from './smtp-config.js';
export type { SmtpConfig } from './smtp-config.js';

export interface Digest {
  day: string;
  recipients: string[];
  subject: string;
  text: string;
}

export async function buildDigest(db: Kysely<Database>, project: { id: string; name: string }, day: string): Promise<Digest> {
  checkDay(day, 'day');
  const entries = await standupsBetween(db, project.id, day, day);
  const blockers = (await openBlockers(db, project.id, day)).filter((b) => b.day < day);
  const recipients = (await listMembers(db, project.id)).map((m) => m.email).sort();
  const lines = [`Standups of ${project.name} on ${day}`, ''];
  if (entries.length === 0) lines.push('Nobody wrote a standup today.', '');
  for (const entry of entries) {
    lines.push(`${entry.user.name}${entry.mood === null ? '' : ` (mood ${entry.mood}/5)`}`);
    if (entry.done) lines.push(`  Done: ${entry.done}`);
    if (entry.next) lines.push(`  Next: ${entry.next}`);
    if (entry.blockers) lines.push(`  Blockers: ${entry.blockers}`);
    if (entry.items.length > 0) lines.push(`  Items: ${entry.items.join(', ')}`);
    lines.push('');
  }
  if (blockers.length > 0) {
    lines.push('Blockers still open from earlier days:');
    for (const blocker of blockers) lines.push(`  ${blocker.user.name}, ${blocker.day} (${blocker.daysOpen} days): ${blocker.blockers}`);
    lines.push('');
  }
  return { day, recipients, subject: `[${project.name}] Standups ${day}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`, text: lines.join('\n') };
}

export interface DigestResult extends Digest {
  accepted: string[];
  rejected: string[];
  messageId: string;
}

export async function sendDigest(db: Kysely<Database>, project: { id: string; name: string }, day: string, smtp: SmtpConfig): Promise<DigestResult> {
  const digest = await buildDigest(db, project, day);
  if (digest.recipients.length === 0) throw new ScrumdownError('invalid_argument', 'The project has no members to send the digest to.', {});
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    const info = await transport.sendMail({ from: smtp.from, to: digest.recipients, subject: digest.subject, text: digest.text });
    return { ...digest, accepted: info.accepted.map(String), rejected: info.rejected.map(String), messageId: info.messageId };
  } catch (error) {
    throw new ScrumdownError('remote_error', `The digest could not be sent through ${smtp.host}:${smtp.port}: ${(error as Error).message}`, { host: smtp.host, port: smtp.port });
  } finally {
    transport.close();
  }
}
