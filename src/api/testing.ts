// A bare app for middleware tests: services on an in-memory database, a manual clock, a captured
// log and the real error handler, with nothing else in the way. Not part of the build.

import { Writable } from 'node:stream';
import { Hono } from 'hono';
import type { ServerConfig } from '../config/config.js';
import { testConfig } from '../config/testing.js';
import { manualClock } from '../services/clock.js';
import { migrateToLatest, openDatabase } from '../store/database.js';
import type { DatabaseHandle } from '../store/database.js';
import { clientIp } from './client-ip.js';
import type { AppEnv, AppServices } from './env.js';
import { errorResponse } from './errors.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';

export interface Harness {
  app: Hono<AppEnv>;
  handle: DatabaseHandle;
  services: AppServices;
  clock: ReturnType<typeof manualClock>;
  logText(): string;
  close(): Promise<void>;
}

export async function harness(overrides: Partial<ServerConfig> = {}): Promise<Harness> {
  const handle = openDatabase('sqlite::memory:');
  await migrateToLatest(handle);
  const config = testConfig({ logLevel: 'info', ...overrides });
  const clock = manualClock();
  const lines: string[] = [];
  const logger = createLogger(
    config.logLevel,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const metrics = createMetrics(handle.db);
  const services: AppServices = { db: handle.db, handle, config, clock, logger, metrics };
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('services', services);
    c.set('logger', logger);
    c.set('clientIp', clientIp(c, config.trustProxy));
    await next();
  });
  app.onError((error, c) => errorResponse(c, error));
  return { app, handle, services, clock, logText: () => lines.join(''), close: () => handle.close() };
}

/** The error body every failure has. */
export interface ErrorJson {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/** A response's JSON body, typed as the test expects it. */
export async function readJson<T = ErrorJson>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
