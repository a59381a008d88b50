// A valid configuration for tests, without touching the environment or the file system.

import type { ServerConfig } from './config.js';

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'sqlite::memory:',
    database: { dialect: 'sqlite', target: ':memory:' },
    production: false,
    jwtSecret: new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256-0123456789'),
    jwtSecretSource: 'environment',
    signup: 'open',
    rateLimit: 0,
    authRateLimit: 0,
    trustProxy: true,
    logLevel: 'silent',
    publicUrl: undefined,
    accessTokenSeconds: 900,
    refreshTokenSeconds: 30 * 24 * 3600,
    bodyLimitBytes: 10 * 1024 * 1024,
    digest: undefined,
    ...overrides,
  };
}
