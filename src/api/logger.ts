// The server's JSON logger (pino). Request logs carry no headers or bodies; as a second line of
// defence, any field named like a credential is redacted wherever it appears in a log object.

import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../config/config.js';

export const REDACTED_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'invite',
  'secret',
  'jwtSecret',
  'authorization',
  'Authorization',
  'cookie',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const paths = [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`), 'req.headers.authorization', 'req.headers.cookie'];
  const options = { level, base: { service: 'scrumdown' }, redact: { paths, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime };
  // Asynchronous writes to stdout: under load, lines written while one write is pending go out
  // together instead of one blocking write per request; pino flushes what is left at exit.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
