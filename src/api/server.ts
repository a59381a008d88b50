// Runs the app on a real socket: opens and migrates the database, listens, runs the daily digest
// schedule when one is configured, and shuts down in order on SIGTERM/SIGINT (stop the schedule,
// stop accepting, finish requests in flight, close the database).

import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { DestinationStream, Logger } from 'pino';
import type { ServerConfig } from '../config/config.js';
import { ScrumdownError } from '../errors.js';
import { systemClock } from '../services/clock.js';
import { startDigestSchedule } from '../services/digest/schedule.js';
import type { DigestSchedule } from '../services/digest/schedule.js';
import type { Clock } from '../services/clock.js';
import { migrateToLatest, openDatabase } from '../store/database.js';
import type { DatabaseHandle } from '../store/database.js';
import { createApp } from './app.js';
import type { ScrumdownApp } from './app.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { inTurns } from './turns.js';

/** Requests started per turn of the event loop (see turns.ts). */
const REQUESTS_PER_TURN = 8;

export interface StartOptions {
  /** Where JSON logs go (stdout by default). */
  logDestination?: DestinationStream;
  logger?: Logger;
  clock?: Clock;
  /** Install SIGTERM/SIGINT handlers that stop the server and exit (the CLI does; tests do not). */
  handleSignals?: boolean;
  /** An already open database (tests, the demo); otherwise config.databaseUrl is opened. */
  database?: DatabaseHandle;
}

export interface RunningServer {
  /** http://host:port with the port actually bound. */
  url: string;
  app: ScrumdownApp;
  database: DatabaseHandle;
  logger: Logger;
  /** The daily digest schedule, when one is configured. */
  digest: DigestSchedule | undefined;
  /** Stops listening, waits for requests in flight, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel, options.logDestination);
  const database = options.database ?? openDatabase(config.databaseUrl);
  const { applied } = await migrateToLatest(database);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');

  const clock = options.clock ?? systemClock;
  const metrics = createMetrics(database.db, { defaultMetrics: true });
  const app = createApp({ db: database, config, clock, logger }, { metrics });

  let server: ServerType;
  try {
    server = await listen(app, config);
  } catch (error) {
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? 'the port is in use (another server?); choose another with --port or SCRUMDOWN_PORT'
        : code === 'EACCES'
          ? 'permission denied (ports below 1024 need privileges); choose a port above 1023'
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
            ? 'this machine has no such address; check --host or SCRUMDOWN_HOST'
            : (error as Error).message;
    throw new ScrumdownError('invalid_config', `Cannot listen on ${config.host}:${config.port}: ${reason}.`, { host: config.host, port: config.port, cause: code });
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url, database: database.display, secretSource: config.jwtSecretSource, signup: config.signup }, 'server listening');
  const digest = config.digest ? startDigestSchedule({ db: database.db, clock, logger, settings: config.digest }) : undefined;
  if (config.digest) logger.info({ at: config.digest.at, timeZone: config.digest.timeZone }, 'standup digest scheduled');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await digest?.stop();
      await new Promise<void>((resolve) => {
        // Idle keep-alive connections would hold close() open until they time out: close them
        // now, and each connection still busy as soon as its request is answered.
        const closeIdle = () => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        const sweeper = setInterval(closeIdle, 50);
        server.close(() => {
          clearInterval(sweeper);
          resolve();
        });
        closeIdle();
      });
      await database.close();
      logger.info('server stopped');
    })();
    return closing;
  };

  if (options.handleSignals) {
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      // A second signal while draining means "now".
      process.once(signal, () => process.exit(1));
      // Logs are written asynchronously: flush them before the process ends.
      const exit = (code: number) => logger.flush(() => process.exit(code));
      void close().then(
        () => exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  }

  return { url, app, database, logger, digest, close };
}

function listen(app: ScrumdownApp, config: ServerConfig): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: inTurns(app.fetch, REQUESTS_PER_TURN), port: config.port, hostname: config.host }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error);
    });
  });
}
