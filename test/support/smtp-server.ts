// A real SMTP server on 127.0.0.1 for the digest tests (smtp-server, no TLS): it keeps every
// message it accepts, takes the login digest / s3cret, and can be told to refuse the next logins.

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../../src/services/digest/index.js';

export const SMTP_USER = 'digest';
export const SMTP_PASSWORD = 's3cret';

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
  user?: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** How to reach it, as the digest takes it. */
  config: SmtpConfig;
  /** Refuses the next `count` logins, whatever the password. */
  refuseLogins(count: number): void;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        callback(new Error('Mailbox temporarily unavailable'));
      } else if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    config: { host: '127.0.0.1', port, secure: false, user: SMTP_USER, password: SMTP_PASSWORD, from: 'scrumdown <standups@example.test>' },
    refuseLogins: (count) => {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
