// The server configuration in one call: check flags and environment, then resolve the JWT secret.

import { checkConfig } from './config.js';
import type { ConfigFlags, Environment, ServerConfig } from './config.js';
import { resolveJwtSecret } from './jwt-secret.js';

export { checkConfig, LOG_LEVELS, MIN_SECRET_BYTES, SIGNUP_MODES } from './config.js';
export type { CheckedConfig, ConfigFlags, DigestSettings, Environment, LogLevel, ServerConfig, SignupMode } from './config.js';
export { resolveJwtSecret, secretFileFor } from './jwt-secret.js';

export async function loadConfig(flags: ConfigFlags, env: Environment): Promise<ServerConfig> {
  return resolveJwtSecret(checkConfig(flags, env));
}
