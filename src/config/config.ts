// The team server's configuration: read from command-line flags and the environment, checked in
// one pass so that every problem is named (one line each) before the server starts. Flags win
// over the environment; the environment wins over defaults. The JWT secret is resolved separately
// (jwt-secret.ts) because in embedded mode it lives in a file beside the database.

import { ScrumdownError } from '../errors.js';
import { smtpConfigFromEnv } from '../services/digest/smtp-config.js';
import type { SmtpConfig } from '../services/digest/smtp-config.js';
import { parseDatabaseUrl, redactUrl } from '../store/database.js';
import type { DatabaseLocation } from '../store/database.js';

export const SIGNUP_MODES = ['open', 'invite', 'closed'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Production mode refuses a JWT secret shorter than this many bytes. */
export const MIN_SECRET_BYTES = 32;

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  database: DatabaseLocation;
  /** NODE_ENV=production: stricter checks (a real JWT secret is required). */
  production: boolean;
  /** The HS256 key for access tokens; set by resolveJwtSecret. */
  jwtSecret: Uint8Array;
  /** Where the secret came from, for the start-up line (never the secret itself). */
  jwtSecretSource: 'environment' | 'file' | 'memory';
  signup: SignupMode;
  /** Requests per minute per client on every route; 0 turns the limit off. */
  rateLimit: number;
  /** Sign-in and registration attempts per minute per IP address. */
  authRateLimit: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  logLevel: LogLevel;
  /** The address users reach the server at, when it differs from host:port (behind a proxy). */
  publicUrl: string | undefined;
  /** Lifetime of an access token (a JWT), in seconds. */
  accessTokenSeconds: number;
  /** Lifetime of a refresh token, in seconds. */
  refreshTokenSeconds: number;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Undefined when SCRUMDOWN_DIGEST_AT is not set: no scheduled digest. */
  digest: DigestSettings | undefined;
}

/** The daily standup digest: at what time of day, in which time zone, through which SMTP server. */
export interface DigestSettings {
  /** HH:MM, 24-hour clock. */
  at: string;
  /** An IANA time zone name, e.g. Europe/Berlin. */
  timeZone: string;
  smtp: SmtpConfig;
}

/** Command-line flags of `scrumdown serve`; each has an environment variable. */
export interface ConfigFlags {
  port?: string;
  host?: string;
  db?: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** The configuration before the JWT secret is resolved. */
export type CheckedConfig = Omit<ServerConfig, 'jwtSecret' | 'jwtSecretSource'> & { jwtSecretText: string | undefined };

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off', '']);

/**
 * Checks flags and environment together. Throws one invalid_config error whose message lists
 * every problem on its own line (and `details.problems` as an array), so a bad deployment is
 * fixed in one go rather than one restart per mistake.
 */
export function checkConfig(flags: ConfigFlags, env: Environment): CheckedConfig {
  const problems: string[] = [];
  const pick = (flag: string | undefined, name: string): { value: string | undefined; source: string } =>
    flag !== undefined ? { value: flag, source: `--${flagName(name)}` } : { value: env[name], source: name };

  const port = pick(flags.port, 'SCRUMDOWN_PORT');
  const portValue = port.value === undefined || port.value.trim() === '' ? 8080 : wholeNumber(port.value);
  if (portValue === undefined || portValue > 65535) {
    problems.push(`${port.source}="${port.value}" is not a port: give a whole number from 0 to 65535 (0 picks a free port).`);
  }

  const host = pick(flags.host, 'SCRUMDOWN_HOST');
  const hostValue = host.value === undefined || host.value === '' ? '127.0.0.1' : host.value.trim();
  if (hostValue === '' || /\s|\//.test(hostValue)) {
    problems.push(`${host.source}="${host.value}" is not a host name or address: give e.g. 127.0.0.1, 0.0.0.0 or ::.`);
  }

  const db = pick(flags.db, 'SCRUMDOWN_DATABASE_URL');
  const databaseUrl = db.value === undefined || db.value.trim() === '' ? 'sqlite:./scrumdown.db' : db.value.trim();
  let database: DatabaseLocation = { dialect: 'sqlite', target: './scrumdown.db' };
  try {
    database = parseDatabaseUrl(databaseUrl);
  } catch {
    problems.push(`${db.source}="${redactUrl(databaseUrl)}" is not a database URL: give sqlite:./scrumdown.db, sqlite::memory: or postgres://USER:PASSWORD@HOST:5432/NAME.`);
  }

  const production = env.NODE_ENV === 'production';

  const signupText = (env.SCRUMDOWN_SIGNUP ?? '').trim().toLowerCase();
  const signup = (signupText === '' ? 'open' : signupText) as SignupMode;
  if (!SIGNUP_MODES.includes(signup)) {
    problems.push(`SCRUMDOWN_SIGNUP="${env.SCRUMDOWN_SIGNUP}" is not a sign-up mode: give open, invite or closed.`);
  }

  const rateLimit = limitValue(env, 'SCRUMDOWN_RATE_LIMIT', 1000, problems);
  const authRateLimit = limitValue(env, 'SCRUMDOWN_AUTH_RATE_LIMIT', 10, problems);

  const proxyText = (env.SCRUMDOWN_TRUST_PROXY ?? '').trim().toLowerCase();
  const trustProxy = TRUE_WORDS.has(proxyText);
  if (!trustProxy && !FALSE_WORDS.has(proxyText)) {
    problems.push(`SCRUMDOWN_TRUST_PROXY="${env.SCRUMDOWN_TRUST_PROXY}" is not a yes or no: give true or false.`);
  }

  const levelText = (env.SCRUMDOWN_LOG_LEVEL ?? '').trim().toLowerCase();
  const logLevel = (levelText === '' ? 'info' : levelText) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`SCRUMDOWN_LOG_LEVEL="${env.SCRUMDOWN_LOG_LEVEL}" is not a log level: give one of ${LOG_LEVELS.join(', ')}.`);
  }

  const publicText = (env.SCRUMDOWN_PUBLIC_URL ?? '').trim();
  let publicUrl: string | undefined;
  if (publicText !== '') {
    if (/^https?:\/\/[^\s/]+/i.test(publicText) && URL.canParse(publicText)) publicUrl = publicText.replace(/\/+$/, '');
    else problems.push(`SCRUMDOWN_PUBLIC_URL="${publicText}" is not an http(s) URL: give e.g. https://plans.example.com.`);
  }

  const digest = digestSettings(env, problems);

  const secretText = env.SCRUMDOWN_JWT_SECRET === undefined || env.SCRUMDOWN_JWT_SECRET === '' ? undefined : env.SCRUMDOWN_JWT_SECRET;
  if (production) {
    if (secretText === undefined) {
      problems.push(`SCRUMDOWN_JWT_SECRET is not set: production mode (NODE_ENV=production) needs a secret of at least ${MIN_SECRET_BYTES} bytes, e.g. from: openssl rand -base64 48.`);
    } else if (Buffer.byteLength(secretText, 'utf8') < MIN_SECRET_BYTES) {
      problems.push(
        `SCRUMDOWN_JWT_SECRET is ${Buffer.byteLength(secretText, 'utf8')} bytes: production mode needs at least ${MIN_SECRET_BYTES}, e.g. from: openssl rand -base64 48.`,
      );
    }
  } else if (secretText === undefined && database.dialect === 'postgres') {
    problems.push('SCRUMDOWN_JWT_SECRET is not set: with PostgreSQL every server instance must share one secret (only the embedded SQLite database keeps a generated one).');
  }

  if (problems.length > 0) {
    const heading = problems.length === 1 ? 'The server configuration has a problem:' : `The server configuration has ${problems.length} problems:`;
    throw new ScrumdownError('invalid_config', [heading, ...problems.map((problem) => `  ${problem}`)].join('\n'), { problems });
  }

  return {
    port: portValue!,
    host: hostValue,
    databaseUrl,
    database,
    production,
    jwtSecretText: secretText,
    signup,
    rateLimit,
    authRateLimit,
    trustProxy,
    logLevel,
    publicUrl,
    accessTokenSeconds: 15 * 60,
    refreshTokenSeconds: 30 * 24 * 60 * 60,
    bodyLimitBytes: 10 * 1024 * 1024,
    digest,
  };
}

function digestSettings(env: Environment, problems: string[]): DigestSettings | undefined {
  const zoneText = (env.SCRUMDOWN_DIGEST_TIME_ZONE ?? '').trim();
  const timeZone = zoneText === '' ? 'UTC' : zoneText;
  let zoneOk = true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    zoneOk = false;
    problems.push(`SCRUMDOWN_DIGEST_TIME_ZONE="${zoneText}" is not a time zone: give an IANA name such as UTC, Europe/Berlin or America/New_York.`);
  }
  const at = (env.SCRUMDOWN_DIGEST_AT ?? '').trim();
  if (at === '') return undefined;
  const atOk = /^([01]\d|2[0-3]):[0-5]\d$/.test(at);
  if (!atOk) problems.push(`SCRUMDOWN_DIGEST_AT="${env.SCRUMDOWN_DIGEST_AT}" is not a time of day: give HH:MM on the 24-hour clock, e.g. 09:30 (empty: no daily digest).`);
  let smtp: SmtpConfig | undefined;
  try {
    smtp = smtpConfigFromEnv(env);
    if (!smtp) problems.push('SCRUMDOWN_DIGEST_AT is set but SCRUMDOWN_SMTP_HOST is not: the daily digest needs an SMTP server (SCRUMDOWN_SMTP_HOST and SCRUMDOWN_SMTP_FROM).');
  } catch (error) {
    problems.push((error as Error).message);
  }
  return atOk && zoneOk && smtp ? { at, timeZone, smtp } : undefined;
}

function flagName(variable: string): string {
  return { SCRUMDOWN_PORT: 'port', SCRUMDOWN_HOST: 'host', SCRUMDOWN_DATABASE_URL: 'db' }[variable] ?? variable;
}

function wholeNumber(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

function limitValue(env: Environment, name: string, fallback: number, problems: string[]): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = wholeNumber(text);
  if (value === undefined) {
    problems.push(`${name}="${text}" is not a number of requests per minute: give a whole number (0 turns the limit off).`);
    return fallback;
  }
  return value;
}
