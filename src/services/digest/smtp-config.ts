// The SMTP server the standup digest is mailed through, from SCRUMDOWN_SMTP_HOST, _PORT, _SECURE,
// _USER, _PASSWORD and _FROM; without a host there is no digest. Apart from the mailer so that
// the configuration can check these at start without loading it.

import { ScrumdownError } from '../../errors.js';

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** The SMTP settings from the environment; undefined when no host is set (no digest). */
export function smtpConfigFromEnv(env: Record<string, string | undefined>): SmtpConfig | undefined {
  const host = env.SCRUMDOWN_SMTP_HOST?.trim();
  if (!host) return undefined;
  const secureText = (env.SCRUMDOWN_SMTP_SECURE ?? 'false').trim().toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(secureText)) {
    throw new ScrumdownError('invalid_config', `SCRUMDOWN_SMTP_SECURE must be true or false (got ${JSON.stringify(env.SCRUMDOWN_SMTP_SECURE)}).`, { variable: 'SCRUMDOWN_SMTP_SECURE' });
  }
  const secure = ['true', '1', 'yes'].includes(secureText);
  const portText = env.SCRUMDOWN_SMTP_PORT?.trim() || (secure ? '465' : '587');
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ScrumdownError('invalid_config', `SCRUMDOWN_SMTP_PORT must be a port number from 1 to 65535 (got ${JSON.stringify(portText)}).`, { variable: 'SCRUMDOWN_SMTP_PORT' });
  }
  const from = env.SCRUMDOWN_SMTP_FROM?.trim();
  if (!from || !/^[^@\s]+@[^@\s]+$|<[^@\s]+@[^@\s]+>$/.test(from)) {
    throw new ScrumdownError('invalid_config', 'SCRUMDOWN_SMTP_FROM must be the sender address, e.g. "scrumdown <standups@example.com>".', { variable: 'SCRUMDOWN_SMTP_FROM' });
  }
  const user = env.SCRUMDOWN_SMTP_USER?.trim() || undefined;
  return { host, port, secure, user, password: user ? (env.SCRUMDOWN_SMTP_PASSWORD ?? '') : undefined, from };
}
