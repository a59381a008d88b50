// deploy/k8s: every overlay rendered with `kubectl kustomize` (the kubectl on PATH, or the one
// named by $KUBECTL), every object validated against the Kubernetes schemas
// (kubernetes-models), then the policies the manifests promise: non-root read-only containers
// with probes and limits, replicas and budgets for availability, a NetworkPolicy that lets in
// only the ingress controller and lets out only PostgreSQL and DNS, no secret values in git.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../src/config/config.js';
import { keyValues, parseDockerfile, stagesOf } from './dockerfile-parse.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const kubectl = process.env.KUBECTL || 'kubectl';
const environments = ['dev', 'staging', 'prod'] as const;
type Environment = (typeof environments)[number];
const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

// Each kind the manifests may contain, with the model that validates it.
const models: Record<string, (object: KubeObject) => { validate(): void }> = {
  'v1/Namespace': (object) => new Namespace(object as never),
  'v1/ServiceAccount': (object) => new ServiceAccount(object as never),
  'v1/ConfigMap': (object) => new ConfigMap(object as never),
  'v1/Secret': (object) => new Secret(object as never),
  'v1/Service': (object) => new Service(object as never),
  'v1/PersistentVolumeClaim': (object) => new PersistentVolumeClaim(object as never),
  'apps/v1/Deployment': (object) => new Deployment(object as never),
  'batch/v1/CronJob': (object) => new CronJob(object as never),
  'autoscaling/v2/HorizontalPodAutoscaler': (object) => new HorizontalPodAutoscaler(object as never),
  'networking.k8s.io/v1/Ingress': (object) => new Ingress(object as never),
  'networking.k8s.io/v1/NetworkPolicy': (object) => new NetworkPolicy(object as never),
  'policy/v1/PodDisruptionBudget': (object) => new PodDisruptionBudget(object as never),
};

function kubectlAvailable(): boolean {
  return spawnSync(kubectl, ['version', '--client'], { stdio: 'ignore' }).status === 0;
}

const warnings = new Map<Environment, string[]>();

function render(environment: Environment): KubeObject[] {
  const result = spawnSync(kubectl, ['kustomize', join(root, 'deploy', 'k8s', 'overlays', environment)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kubectl kustomize ${environment} failed: ${result.stderr}`);
  warnings.set(environment, result.stderr.split('\n').filter((line) => line.trim() !== ''));
  const list = parseAllDocuments(result.stdout)
    .map((document) => document.toJS() as KubeObject | null)
    .filter((object): object is KubeObject => object !== null);
  // Newer kustomize wraps long base64 values at 76 columns; the API server's decoder skips the
  // line breaks, the schema's "byte" format does not.
  for (const object of list) {
    if (object.kind === 'Secret' && object.data) {
      object.data = Object.fromEntries(Object.entries(object.data as Record<string, string>).map(([key, value]) => [key, value.replace(/\s+/g, '')]));
    }
  }
  return list;
}

function cpu(quantity: string | number): number {
  const text = String(quantity);
  return text.endsWith('m') ? Number(text.slice(0, -1)) / 1000 : Number(text);
}
function bytes(quantity: string | number): number {
  const match = /^(\d+(?:\.\d+)?)([KMGT]i?)?$/.exec(String(quantity));
  if (!match) throw new Error(`unreadable memory quantity ${quantity}`);
  const units: Record<string, number> = { K: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  return Number(match[1]) * (match[2] ? units[match[2]] : 1);
}

// What the container image promises, read from the Dockerfile, so the two cannot drift apart.
const image = (() => {
  const runtime = stagesOf(parseDockerfile(readFileSync(join(root, 'deploy', 'Dockerfile'), 'utf8'))).find((stage) => stage.name === 'runtime');
  const user = runtime?.instructions.filter((instruction) => instruction.keyword === 'USER').pop()?.args ?? '';
  const exposed = runtime?.instructions.find((instruction) => instruction.keyword === 'EXPOSE')?.args ?? '';
  const env = new Map(runtime?.instructions.filter((instruction) => instruction.keyword === 'ENV').flatMap((instruction) => [...keyValues(instruction.args)]));
  return { uid: Number(user.split(':')[0]), gid: Number(user.split(':')[1]), port: Number(exposed), env };
})();

const agreedSettings = ['SCRUMDOWN_PORT', 'SCRUMDOWN_HOST', 'SCRUMDOWN_DATABASE_URL', 'SCRUMDOWN_JWT_SECRET', 'SCRUMDOWN_SIGNUP', 'SCRUMDOWN_RATE_LIMIT', 'SCRUMDOWN_AUTH_RATE_LIMIT', 'SCRUMDOWN_TRUST_PROXY', 'SCRUMDOWN_LOG_LEVEL', 'SCRUMDOWN_PUBLIC_URL'];
/** The daily digest's settings: every one in the ConfigMap, off until the SMTP host and time are set. */
const digestSettings = ['SCRUMDOWN_DIGEST_AT', 'SCRUMDOWN_DIGEST_TIME_ZONE', 'SCRUMDOWN_SMTP_HOST', 'SCRUMDOWN_SMTP_PORT', 'SCRUMDOWN_SMTP_SECURE', 'SCRUMDOWN_SMTP_USER', 'SCRUMDOWN_SMTP_FROM'];

it('kubectl is installed (CI installs Debian’s kubernetes-client when it is missing)', () => {
  expect(kubectlAvailable(), `${kubectl} not found: apt-get install kubernetes-client`).toBe(true);
});

const rendered = new Map<Environment, KubeObject[]>();
function objects(environment: Environment): KubeObject[] {
  let list = rendered.get(environment);
  if (!list) {
    list = render(environment);
    rendered.set(environment, list);
  }
  return list;
}
function find(environment: Environment, kind: string, name?: string): KubeObject[] {
  return objects(environment).filter((object) => object.kind === kind && (name === undefined || object.metadata.name === name || object.metadata.name.startsWith(`${name}-`)));
}
function one<T>(environment: Environment, kind: string, name: string): KubeObject & T {
  const found = objects(environment).filter((object) => object.kind === kind && object.metadata.name === name);
  expect(found, `${environment}: one ${kind} ${name}`).toHaveLength(1);
  return found[0] as KubeObject & T;
}

interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; runAsGroup?: number; seccompProfile?: { type: string } };
  affinity?: { podAntiAffinity?: { preferredDuringSchedulingIgnoredDuringExecution?: Array<{ podAffinityTerm: { topologyKey: string; labelSelector: { matchLabels: Record<string, string> } } }>; requiredDuringSchedulingIgnoredDuringExecution?: Array<{ topologyKey: string; labelSelector: { matchLabels: Record<string, string> } }> } };
  containers: IContainer[];
  volumes?: Array<{ name: string; emptyDir?: Record<string, unknown>; persistentVolumeClaim?: { claimName: string } }>;
}
interface DeploymentShape {
  spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
}
interface CronJobShape {
  spec: { schedule: string; concurrencyPolicy: string; jobTemplate: { spec: { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } } } };
}
function scrumdownDeployment(environment: Environment) {
  return one<DeploymentShape>(environment, 'Deployment', 'scrumdown');
}
function scrumdownContainer(environment: Environment): IContainer {
  const container = scrumdownDeployment(environment).spec.template.spec.containers.find((candidate) => candidate.name === 'scrumdown');
  if (!container) throw new Error(`${environment}: no scrumdown container`);
  return container;
}
function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}
function ingressHost(environment: Environment): string {
  const ingress = one<{ spec: { rules: Array<{ host: string }> } }>(environment, 'Ingress', 'scrumdown');
  return ingress.spec.rules[0].host;
}

describe.each(environments)('overlay %s', (environment) => {
  it('renders, and every object is valid against the Kubernetes schema', () => {
    const list = objects(environment);
    expect(list.length).toBeGreaterThan(8);
    // Newer kustomize only warns about the older field names kept for kubectl 1.20.
    for (const line of warnings.get(environment) ?? []) expect(line).toMatch(/'(bases|patchesStrategicMerge|patchesJson6902)' is deprecated/);
    for (const object of list) {
      const model = models[`${object.apiVersion}/${object.kind}`];
      expect(model, `${object.apiVersion} ${object.kind} ${object.metadata.name} has no schema here`).toBeDefined();
      expect(() => model(object).validate(), `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  it('has every piece: Deployment, Service, Ingress, ConfigMap, HPA, PDB, NetworkPolicy, ServiceAccount, Namespace', () => {
    const kinds = new Set(objects(environment).map((object) => object.kind));
    for (const kind of ['Deployment', 'Service', 'Ingress', 'ConfigMap', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceAccount', 'Namespace', 'CronJob', 'PersistentVolumeClaim']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('puts everything in its own namespace, which enforces the restricted Pod Security Standard', () => {
    const [namespace] = find(environment, 'Namespace');
    expect(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const object of objects(environment).filter((candidate) => candidate.kind !== 'Namespace')) {
      expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe(namespace.metadata.name);
    }
  });

  it('every container runs non-root with a read-only root, no privilege escalation, no capabilities, the runtime seccomp profile, and requests and limits', () => {
    const workloads = [
      ...(find(environment, 'Deployment') as Array<KubeObject & DeploymentShape>).map((deployment) => ({ name: deployment.metadata.name, pod: deployment.spec.template.spec, serves: true })),
      ...(find(environment, 'CronJob') as Array<KubeObject & CronJobShape>).map((job) => ({ name: job.metadata.name, pod: job.spec.jobTemplate.spec.template.spec, serves: false })),
    ];
    expect(workloads.length).toBeGreaterThanOrEqual(2);
    for (const { name, pod, serves } of workloads) {
      for (const container of pod.containers) {
        const where = `${name}/${container.name}`;
        const security = container.securityContext ?? {};
        expect(security.runAsNonRoot ?? pod.securityContext?.runAsNonRoot, where).toBe(true);
        expect(security.readOnlyRootFilesystem, where).toBe(true);
        expect(security.allowPrivilegeEscalation, where).toBe(false);
        expect(security.privileged ?? false, where).toBe(false);
        expect(security.capabilities?.drop, where).toEqual(['ALL']);
        expect(security.capabilities?.add ?? [], where).toEqual([]);
        expect((security.seccompProfile ?? pod.securityContext?.seccompProfile)?.type, where).toBe('RuntimeDefault');
        const { requests = {}, limits = {} } = (container.resources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> };
        for (const resource of ['cpu', 'memory']) {
          expect(requests[resource], `${where} requests.${resource}`).toBeDefined();
          expect(limits[resource], `${where} limits.${resource}`).toBeDefined();
        }
        expect(cpu(limits.cpu)).toBeGreaterThanOrEqual(cpu(requests.cpu));
        expect(bytes(limits.memory)).toBeGreaterThanOrEqual(bytes(requests.memory));
        expect(container.image, where).toMatch(/:[\w.-]+$/);
        expect(container.image, where).not.toMatch(/:latest$/);
        if (serves) {
          expect(container.readinessProbe, `${where} readiness`).toBeDefined();
          expect(container.livenessProbe, `${where} liveness`).toBeDefined();
        }
      }
      expect(pod.automountServiceAccountToken, name).toBe(false);
    }
  });

  it('scrumdown: the image’s user, port and version; liveness on /healthz, readiness on /readyz, a startup probe; /tmp as an emptyDir', () => {
    const pod = scrumdownDeployment(environment).spec.template.spec;
    const container = scrumdownContainer(environment);
    expect(pod.securityContext?.runAsUser).toBe(image.uid);
    expect(pod.securityContext?.runAsGroup).toBe(image.gid);
    expect(container.image).toMatch(new RegExp(`(^|/)scrumdown:${packageVersion.replace(/\./g, '\\.')}$`));
    expect(container.args).toEqual(['serve', '--host', '0.0.0.0']);
    expect(container.ports).toEqual([{ name: 'http', containerPort: image.port, protocol: 'TCP' }]);
    expect(container.startupProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    // Startup gets longer than liveness would allow, so migrations can finish.
    const startupSeconds = (container.startupProbe?.periodSeconds ?? 10) * (container.startupProbe?.failureThreshold ?? 3);
    const livenessSeconds = (container.livenessProbe?.periodSeconds ?? 10) * (container.livenessProbe?.failureThreshold ?? 3);
    expect(startupSeconds).toBeGreaterThan(livenessSeconds);
    const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
    expect(tmp).toBeDefined();
    expect(pod.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it('scrumdown: settings from the ConfigMap, the database URL and signing secret from the Secret `scrumdown`', () => {
    const container = scrumdownContainer(environment);
    const configName = container.envFrom?.[0]?.configMapRef?.name;
    const config = one<{ data: Record<string, string> }>(environment, 'ConfigMap', configName ?? '');
    const names = Object.keys(config.data);
    for (const name of names) expect([...agreedSettings, ...digestSettings, 'NODE_ENV'], name).toContain(name);
    for (const name of digestSettings) expect(names).toContain(name);
    expect(names).not.toContain('SCRUMDOWN_JWT_SECRET');
    expect(names).not.toContain('SCRUMDOWN_DATABASE_URL');
    expect(config.data.NODE_ENV).toBe('production');
    expect(Number(config.data.SCRUMDOWN_PORT)).toBe(image.port);
    expect(config.data.SCRUMDOWN_PUBLIC_URL).toBe(`https://${ingressHost(environment)}`);
    const fromSecret = Object.fromEntries((container.env ?? []).map((variable) => [variable.name, variable.valueFrom?.secretKeyRef]));
    expect(Object.keys(fromSecret).sort()).toEqual(['SCRUMDOWN_DATABASE_URL', 'SCRUMDOWN_JWT_SECRET', 'SCRUMDOWN_SMTP_PASSWORD']);
    // The SMTP password is optional: a Secret without it still starts the pod.
    expect(fromSecret.SCRUMDOWN_SMTP_PASSWORD).toMatchObject({ key: 'smtp-password', optional: true });
    expect(fromSecret.SCRUMDOWN_DATABASE_URL?.optional).toBeUndefined();
    expect(fromSecret.SCRUMDOWN_DATABASE_URL?.key).toBe('database-url');
    expect(fromSecret.SCRUMDOWN_JWT_SECRET?.key).toBe('jwt-secret');
    const secretName = fromSecret.SCRUMDOWN_JWT_SECRET?.name ?? '';
    expect(fromSecret.SCRUMDOWN_DATABASE_URL?.name).toBe(secretName);
    // The server's own check accepts the settings (with stand-in secrets outside dev).
    const secretValues = environment === 'dev' ? undefined : { SCRUMDOWN_DATABASE_URL: 'postgres://scrumdown:secret@db.internal:5432/scrumdown', SCRUMDOWN_JWT_SECRET: 'x'.repeat(48) };
    const secrets = find(environment, 'Secret');
    if (environment === 'dev') {
      // Dev generates its Secret (throwaway values); the reference follows the generated name.
      const secret = one<{ data: Record<string, string> }>(environment, 'Secret', secretName);
      const decoded = Object.fromEntries(Object.entries(secret.data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString('utf8')]));
      expect(decoded['database-url']).toMatch(/^postgres:\/\/scrumdown:[^@]+@postgres:5432\/scrumdown$/);
      expect(Buffer.byteLength(decoded['jwt-secret'])).toBeGreaterThanOrEqual(32);
      expect(decoded['jwt-secret']).toContain('dev-only');
      const checked = checkConfig({ host: container.args?.[2] }, { ...config.data, SCRUMDOWN_DATABASE_URL: decoded['database-url'], SCRUMDOWN_JWT_SECRET: decoded['jwt-secret'] });
      expect(checked.production).toBe(true);
    } else {
      const checked = checkConfig({ host: container.args?.[2] }, { ...config.data, ...secretValues });
      expect(checked.production).toBe(true);
      expect(checked.trustProxy).toBe(true);
      expect(checked.digest).toBeUndefined();
      // Naming a time and a mail server is all it takes to turn the digest on.
      const withDigest = checkConfig({ host: container.args?.[2] }, { ...config.data, ...secretValues, SCRUMDOWN_DIGEST_AT: '09:30', SCRUMDOWN_SMTP_HOST: 'smtp.example.com', SCRUMDOWN_SMTP_FROM: 'scrumdown@example.com' });
      expect(withDigest.digest).toBeDefined();
      // No secret values from git: the Secret is created in the cluster beforehand.
      expect(secrets).toEqual([]);
      expect(secretName).toBe('scrumdown');
    }
  });

  it('scrumdown: its own ServiceAccount without a token, and anti-affinity between its replicas', () => {
    const deployment = scrumdownDeployment(environment);
    const pod = deployment.spec.template.spec;
    const account = one<{ automountServiceAccountToken: boolean }>(environment, 'ServiceAccount', pod.serviceAccountName ?? '');
    expect(account.automountServiceAccountToken).toBe(false);
    const terms = pod.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    expect(terms.length).toBeGreaterThan(0);
    expect(terms[0].podAffinityTerm.topologyKey).toBe('kubernetes.io/hostname');
    expect(matches(terms[0].podAffinityTerm.labelSelector.matchLabels, deployment.spec.template.metadata.labels)).toBe(true);
  });

  it('replicas, autoscaler and disruption budget keep at least two pods serving outside dev', () => {
    const deployment = scrumdownDeployment(environment);
    const labels = deployment.spec.template.metadata.labels;
    expect(matches(deployment.spec.selector.matchLabels, labels)).toBe(true);
    const hpa = one<{ spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number } }>(environment, 'HorizontalPodAutoscaler', 'scrumdown');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'scrumdown' });
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.minReplicas).toBe(deployment.spec.replicas);
    const pdb = one<{ spec: { maxUnavailable?: number; minAvailable?: number; selector: { matchLabels: Record<string, string> } } }>(environment, 'PodDisruptionBudget', 'scrumdown');
    expect(matches(pdb.spec.selector.matchLabels, labels)).toBe(true);
    if (environment === 'dev') {
      expect(deployment.spec.replicas).toBe(1);
    } else {
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      // A drain never takes the last serving pods: replicas minus what may be unavailable ≥ 1.
      const available = pdb.spec.minAvailable ?? deployment.spec.replicas - (pdb.spec.maxUnavailable ?? 0);
      expect(available).toBeGreaterThanOrEqual(1);
    }
  });

  it('Service and Ingress reach the pods over HTTPS on the environment’s host', () => {
    const labels = scrumdownDeployment(environment).spec.template.metadata.labels;
    const service = one<{ spec: { selector: Record<string, string>; ports: Array<{ name: string; port: number; targetPort: string }> } }>(environment, 'Service', 'scrumdown');
    expect(matches(service.spec.selector, labels)).toBe(true);
    const containerPorts = (scrumdownContainer(environment).ports ?? []).map((port) => port.name);
    for (const port of service.spec.ports) expect(containerPorts).toContain(port.targetPort);
    const ingress = one<{ spec: { ingressClassName: string; tls: Array<{ hosts: string[]; secretName: string }>; rules: Array<{ host: string; http: { paths: Array<{ backend: { service: { name: string; port: { name: string } } } }> } }> } }>(environment, 'Ingress', 'scrumdown');
    const tlsHosts = ingress.spec.tls.flatMap((entry) => entry.hosts);
    expect(ingress.spec.tls.every((entry) => entry.secretName !== '')).toBe(true);
    for (const rule of ingress.spec.rules) {
      expect(tlsHosts).toContain(rule.host);
      for (const path of rule.http.paths) {
        expect(path.backend.service.name).toBe('scrumdown');
        expect(service.spec.ports.map((port) => port.name)).toContain(path.backend.service.port.name);
      }
    }
    if (environment !== 'dev') expect(ingress.metadata.annotations?.['cert-manager.io/cluster-issuer']).toMatch(/letsencrypt/);
  });

  it('/metrics through the ingress controller is refused, on the same host, without a second certificate', () => {
    type IngressShape = { spec: { tls: Array<{ hosts: string[]; secretName: string }>; rules: Array<{ host: string; http: { paths: Array<{ path: string; pathType: string; backend: { service: { name: string } } }> } }> } };
    const main = one<IngressShape>(environment, 'Ingress', 'scrumdown');
    const shield = one<IngressShape>(environment, 'Ingress', 'scrumdown-metrics');
    expect(shield.spec.rules.map((rule) => rule.host)).toEqual(main.spec.rules.map((rule) => rule.host));
    expect(shield.spec.tls).toEqual(main.spec.tls);
    expect(shield.spec.rules[0].http.paths).toEqual([{ path: '/metrics', pathType: 'Exact', backend: { service: { name: 'scrumdown', port: { name: 'http' } } } }]);
    // Only the controller's own loopback may pass, which no client is.
    expect(shield.metadata.annotations?.['nginx.ingress.kubernetes.io/whitelist-source-range']).toBe('127.0.0.1/32');
    expect(shield.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBeUndefined();
  });

  it('backups: an hourly job, never two at once, writing `scrumdown backup` files to its own volume, with the server’s image and database URL', () => {
    const job = one<CronJobShape>(environment, 'CronJob', 'scrumdown-backup');
    expect(job.spec.schedule).toMatch(/^\d+ \* \* \* \*$/);
    expect(job.spec.concurrencyPolicy).toBe('Forbid');
    const pod = job.spec.jobTemplate.spec.template.spec;
    const [container] = pod.containers;
    expect(container.image).toBe(scrumdownContainer(environment).image);
    expect(container.command?.join(' ')).toMatch(/scrumdown backup --out "\/backups\/scrumdown-/);
    const mount = container.volumeMounts?.find((candidate) => candidate.mountPath === '/backups');
    const claim = pod.volumes?.find((volume) => volume.name === mount?.name)?.persistentVolumeClaim?.claimName;
    expect(find(environment, 'PersistentVolumeClaim').map((object) => object.metadata.name)).toEqual([claim]);
    const serverUrl = scrumdownContainer(environment).env?.find((variable) => variable.name === 'SCRUMDOWN_DATABASE_URL')?.valueFrom?.secretKeyRef;
    const jobUrl = container.env?.find((variable) => variable.name === 'SCRUMDOWN_DATABASE_URL')?.valueFrom?.secretKeyRef;
    expect(jobUrl).toEqual(serverUrl);
    // Its own NetworkPolicy: nothing in, out only to the server's database and DNS (no mail).
    type Policy = { spec: { podSelector: { matchLabels: Record<string, string> }; policyTypes: string[]; ingress?: unknown[]; egress: unknown[] } };
    const policy = one<Policy>(environment, 'NetworkPolicy', 'scrumdown-backup');
    expect(matches(policy.spec.podSelector.matchLabels, job.spec.jobTemplate.spec.template.metadata.labels)).toBe(true);
    expect(matches(policy.spec.podSelector.matchLabels, scrumdownDeployment(environment).spec.template.metadata.labels)).toBe(false);
    expect(policy.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    expect(policy.spec.ingress ?? []).toEqual([]);
    expect(policy.spec.egress).toEqual(one<Policy>(environment, 'NetworkPolicy', 'scrumdown').spec.egress.slice(0, 2));
  });

  it('NetworkPolicy: in only from the ingress controller (and Prometheus), out only to PostgreSQL, DNS and mail submission', () => {
    type Rule = { from?: INetworkPolicyPeer[]; to?: INetworkPolicyPeer[]; ports?: Array<{ port: number | string; protocol: string }> };
    const policy = one<{ spec: { podSelector: { matchLabels: Record<string, string> }; policyTypes: string[]; ingress: Rule[]; egress: Rule[] } }>(environment, 'NetworkPolicy', 'scrumdown');
    expect(matches(policy.spec.podSelector.matchLabels, scrumdownDeployment(environment).spec.template.metadata.labels)).toBe(true);
    expect(policy.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    const describePeer = (peer: INetworkPolicyPeer) => JSON.stringify(peer);
    // Ingress: each rule names its peers (an empty `from` would admit everyone).
    const ingressPeers = policy.spec.ingress.flatMap((rule) => {
      expect(rule.from?.length ?? 0).toBeGreaterThan(0);
      expect(rule.ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
      return (rule.from ?? []).map(describePeer);
    });
    expect(ingressPeers.sort()).toEqual(
      [
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } } },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } },
      ].map(describePeer).sort(),
    );
    // Egress: DNS in kube-system on 53, PostgreSQL on 5432, mail submission on 587 and 465 (the
    // digest's SMTP server is outside the cluster, wherever SCRUMDOWN_SMTP_HOST points), nothing else.
    expect(policy.spec.egress).toHaveLength(3);
    const [database, dns, mail] = policy.spec.egress;
    expect(mail).toEqual({ ports: [{ port: 587, protocol: 'TCP' }, { port: 465, protocol: 'TCP' }] });
    expect(database.ports).toEqual([{ port: 5432, protocol: 'TCP' }]);
    expect(database.to).toHaveLength(1);
    if (environment === 'dev') {
      expect(database.to?.[0]).toEqual({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgresql' } } });
      const postgres = one<DeploymentShape>(environment, 'Deployment', 'postgres');
      expect(matches(database.to?.[0].podSelector?.matchLabels ?? {}, postgres.spec.template.metadata.labels)).toBe(true);
      // The dev database lets in the server and the backup job, and nothing else.
      const guard = one<{ spec: { ingress: Rule[] } }>(environment, 'NetworkPolicy', 'postgres');
      const admitted = guard.spec.ingress.flatMap((rule) => rule.from ?? []).map((peer) => peer.podSelector?.matchLabels ?? {});
      expect(admitted).toEqual([{ 'app.kubernetes.io/name': 'scrumdown' }]);
      const backupLabels = one<CronJobShape>(environment, 'CronJob', 'scrumdown-backup').spec.jobTemplate.spec.template.metadata.labels;
      expect(matches(admitted[0], backupLabels) && matches(admitted[0], scrumdownDeployment(environment).spec.template.metadata.labels)).toBe(true);
    } else {
      expect(database.to?.[0].ipBlock?.cidr).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
      expect(database.to?.[0].ipBlock?.cidr).not.toBe('0.0.0.0/0');
    }
    expect(dns.to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }]);
    expect(dns.ports).toEqual([
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ]);
  });
});

describe('the backup job’s command, run here with the built CLI', () => {
  it('writes a dated backup into /backups and deletes only scrumdown backups older than BACKUP_KEEP_DAYS', () => {
    const job = one<CronJobShape>('dev', 'CronJob', 'scrumdown-backup');
    const [container] = job.spec.jobTemplate.spec.template.spec.containers;
    const [shell, flag, script] = container.command ?? [];
    expect([shell, flag]).toEqual(['/bin/sh', '-c']);
    const keepDays = container.env?.find((variable) => variable.name === 'BACKUP_KEEP_DAYS')?.value;
    expect(keepDays).toBe('14');
    const work = mkdtempSync(join(tmpdir(), 'deploy-backup-job-'));
    try {
      const backups = join(work, 'backups');
      const bin = join(work, 'bin');
      mkdirSync(backups);
      mkdirSync(bin);
      // `scrumdown` on the PATH, as in the image.
      writeFileSync(join(bin, 'scrumdown'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'dist', 'cli', 'main.js')}" "$@"\n`, { mode: 0o755 });
      const database = `sqlite:${join(work, 'scrumdown.db')}`;
      execFileSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'migrate', '--db', database], { stdio: 'pipe' });
      const day = 24 * 60 * 60 * 1000;
      const aged = (name: string, days: number) => {
        writeFileSync(join(backups, name), '');
        const when = new Date(Date.now() - days * day);
        utimesSync(join(backups, name), when, when);
      };
      aged('scrumdown-20000101T000000Z.jsonl', 20);
      aged('scrumdown-20000102T000000Z.jsonl', 2);
      aged('notes.txt', 20);
      execFileSync('/bin/sh', ['-c', (script ?? '').replaceAll('/backups', backups)], {
        env: { PATH: `${bin}:${process.env.PATH ?? ''}`, SCRUMDOWN_DATABASE_URL: database, BACKUP_KEEP_DAYS: keepDays },
        stdio: 'pipe',
      });
      const left = readdirSync(backups).sort();
      expect(left.filter((name) => !/^scrumdown-\d{8}T\d{6}Z\.jsonl$/.test(name) || name.startsWith('scrumdown-2000'))).toEqual(['notes.txt', 'scrumdown-20000102T000000Z.jsonl']);
      const fresh = left.filter((name) => /^scrumdown-\d{8}T\d{6}Z\.jsonl$/.test(name) && !name.startsWith('scrumdown-2000'));
      expect(fresh).toHaveLength(1);
      // A backup file: JSON lines, the first one its header.
      const firstLine = readFileSync(join(backups, fresh[0]), 'utf8').split('\n')[0];
      expect(() => JSON.parse(firstLine) as unknown).not.toThrow();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('overlays differ where they should', () => {
  it('each has its own namespace, host and configuration; prod runs more and larger replicas than staging', () => {
    const namespaces = environments.map((environment) => find(environment, 'Namespace')[0].metadata.name);
    expect(new Set(namespaces).size).toBe(3);
    const hosts = environments.map(ingressHost);
    expect(new Set(hosts).size).toBe(3);
    const staging = scrumdownDeployment('staging');
    const prod = scrumdownDeployment('prod');
    expect(prod.spec.replicas).toBeGreaterThan(staging.spec.replicas);
    const resources = (environment: Environment) => scrumdownContainer(environment).resources as { requests: Record<string, string>; limits: Record<string, string> };
    expect(cpu(resources('prod').requests.cpu)).toBeGreaterThan(cpu(resources('staging').requests.cpu));
    expect(bytes(resources('prod').limits.memory)).toBeGreaterThan(bytes(resources('staging').limits.memory));
    expect(cpu(resources('dev').requests.cpu)).toBeLessThan(cpu(resources('staging').requests.cpu));
    // Only dev runs its own PostgreSQL.
    expect(find('dev', 'Deployment', 'postgres')).toHaveLength(1);
    expect(find('staging', 'Deployment', 'postgres')).toHaveLength(0);
    expect(find('prod', 'Deployment', 'postgres')).toHaveLength(0);
  });
});
