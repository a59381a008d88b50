// deploy/grafana/scrumdown.json and deploy/prometheus/alerts.yaml: well formed, covering what
// operators watch (request rate, error rate, p95 latency by route, database time, items by
// status; alerts on errors over 1 %, p95 over 500 ms, instances down), and naming only metrics
// and labels that a running server really exports on /metrics. Where promtool is installed
// (or named by $PROMTOOL), it also checks every query's syntax and runs the alert unit tests.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot, startServerProcess, type ServerProcess } from './server-process.js';

interface Target {
  refId: string;
  expr: string;
  datasource?: { type: string; uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type: string; uid: string };
  targets?: Target[];
}
interface Variable {
  name: string;
  type: string;
  query?: string | { query: string };
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Variable[] };
}
interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const dashboard = JSON.parse(readFileSync(join(repositoryRoot, 'deploy', 'grafana', 'scrumdown.json'), 'utf8')) as Dashboard;
const alertsFile = parse(readFileSync(join(repositoryRoot, 'deploy', 'prometheus', 'alerts.yaml'), 'utf8')) as { groups: Array<{ name: string; rules: Rule[] }> };
const rules = alertsFile.groups.flatMap((group) => group.rules);
const targets = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel, target })));
const variableQueries = dashboard.templating.list.flatMap((variable) => (typeof variable.query === 'object' ? [variable.query.query] : []));

/** Every query text in the dashboard and the alerts. */
const queries = [...targets.map(({ target }) => target.expr), ...variableQueries, ...rules.map((rule) => rule.expr)];

// Labels Prometheus adds at scrape time, and the histogram bucket bound: not the server's to export.
const targetLabels = new Set(['job', 'instance', 'le']);
// Series Prometheus makes itself for every scrape target.
const scrapeSeries = new Set(['up']);

/** Metric names in a PromQL expression, with the label names each selector and grouping uses. */
function metricsIn(expression: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const match of expression.matchAll(/\b(scrumdown_[a-zA-Z0-9_]+|up)\b(\{([^}]*)\})?/g)) {
    const labels = found.get(match[1]) ?? new Set<string>();
    for (const matcher of (match[3] ?? '').split(',')) {
      const name = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/.exec(matcher)?.[1];
      if (name) labels.add(name);
    }
    found.set(match[1], labels);
  }
  // Grouping labels (`by (le, route)`) belong to the metrics of the expression they group.
  const grouping = [...expression.matchAll(/\bby\s*\(([^)]*)\)/g)].flatMap((match) => match[1].split(',').map((label) => label.trim()).filter(Boolean));
  const labelValues = /label_values\(\s*[a-zA-Z0-9_]+(?:\{[^}]*\})?\s*,\s*([a-zA-Z_]+)\s*\)/.exec(expression)?.[1];
  for (const labels of found.values()) {
    for (const label of grouping) labels.add(label);
    if (labelValues) labels.add(labelValues);
  }
  return found;
}

function balanced(expression: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  let inString = false;
  for (const char of expression) {
    if (char === '"') inString = !inString;
    if (inString) continue;
    if ('([{'.includes(char)) stack.push(char);
    else if (char in pairs && stack.pop() !== pairs[char]) return false;
  }
  return stack.length === 0 && !inString;
}

describe('deploy/grafana/scrumdown.json', () => {
  it('is a dashboard with a stable uid, unique panel ids and panels inside the 24-column grid without overlapping', () => {
    expect(dashboard.uid).toBe('scrumdown-overview');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cells = new Set<string>();
    for (const panel of dashboard.panels) {
      const { x, y, w, h } = panel.gridPos;
      expect(x + w, panel.title).toBeLessThanOrEqual(24);
      for (let row = y; row < y + h; row++) {
        for (let column = x; column < x + w; column++) {
          const cell = `${column},${row}`;
          expect(cells.has(cell), `${panel.title} overlaps another panel at ${cell}`).toBe(false);
          cells.add(cell);
        }
      }
    }
  });

  it('queries Prometheus through its data source variable, and uses only variables it defines', () => {
    const defined = new Set(dashboard.templating.list.map((variable) => variable.name));
    expect(dashboard.templating.list.find((variable) => variable.name === 'datasource')?.type).toBe('datasource');
    for (const { panel, target } of targets) {
      expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
      expect(target.expr.trim(), `${panel.title} ${target.refId}`).not.toBe('');
      expect(balanced(target.expr), `${panel.title}: ${target.expr}`).toBe(true);
      for (const [, name] of target.expr.matchAll(/\$(?:\{)?([a-zA-Z_][a-zA-Z0-9_]*)/g)) {
        if (name.startsWith('__')) continue; // Grafana's own: $__rate_interval, $__interval
        expect(defined, `${panel.title} uses $${name}`).toContain(name);
      }
    }
  });

  it('shows request rate, error rate, p95 latency by route, database time and items by status', () => {
    const exprs = targets.map(({ target }) => target.expr.replace(/\s+/g, ' '));
    expect(exprs.some((expr) => /sum by \(route\) \(rate\(scrumdown_http_requests_total\{/.test(expr))).toBe(true);
    expect(exprs.some((expr) => /status=~"5\.\."[^/]*\/ sum\(rate\(scrumdown_http_requests_total/.test(expr))).toBe(true);
    expect(exprs.some((expr) => /histogram_quantile\(0\.95, sum by \(le, route\) \(rate\(scrumdown_http_request_duration_seconds_bucket/.test(expr))).toBe(true);
    expect(exprs.some((expr) => /rate\(scrumdown_db_query_duration_seconds_sum/.test(expr))).toBe(true);
    // Every instance counts the same table: summing over instances would multiply the items.
    expect(exprs.filter((expr) => expr.includes('scrumdown_items'))).toEqual([expect.stringMatching(/^max by \(status\) \(scrumdown_items\{/)]);
  });
});

describe('deploy/prometheus/alerts.yaml', () => {
  it('has well-formed alerting rules with a duration, a severity and a description', () => {
    expect(rules.length).toBeGreaterThanOrEqual(3);
    for (const rule of rules) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^Scrumdown[A-Za-z]+$/);
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toBeTruthy();
      expect(rule.annotations.description).toBeTruthy();
      expect(balanced(rule.expr), rule.alert).toBe(true);
    }
    expect(new Set(rules.map((rule) => rule.alert)).size).toBe(rules.length);
  });

  it('alerts on an error rate over 1 %, a p95 latency over 500 ms, and an instance down', () => {
    const byName = new Map(rules.map((rule) => [rule.alert, rule.expr.replace(/\s+/g, ' ')]));
    expect(byName.get('ScrumdownHighErrorRate')).toMatch(/status=~"5\.\."\}\[5m\]\)\) \/ sum by \(job\) \(rate\(scrumdown_http_requests_total\{[^}]*\}\[5m\]\)\) \) > 0\.01/);
    expect(byName.get('ScrumdownHighLatency')).toMatch(/histogram_quantile\(0\.95, sum by \(job, le\) \(rate\(scrumdown_http_request_duration_seconds_bucket\{[^}]*\}\[5m\]\)\) \) > 0\.5/);
    expect(byName.get('ScrumdownInstanceDown')).toBe('up{job="scrumdown"} == 0');
  });
});

describe('every metric and label the dashboard and alerts name is exported by a running server', () => {
  let server: ServerProcess;
  let exposition = '';
  const steps: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
    // Traffic so that the labelled series have samples: probes, a refused and an accepted call.
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/api/v1/projects`);
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      steps.push(`POST ${path} → ${response.status}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const session = await post('/auth/register', { email: 'metrics@example.com', password: 'correct horse battery staple', name: 'Metrics' });
    const token = String(session.accessToken);
    // A plan with items, so that items by status has series.
    await post('/projects', { key: 'ops', name: 'Operations' }, token);
    await post('/projects/ops/documents', { name: 'plan.md', content: '# Plan\n\n- [x] T001 Install\n- [ ] T002 Watch the dashboards\n' }, token);
    exposition = await (await fetch(`${server.url}/metrics`)).text();
  });
  afterAll(async () => {
    await server?.stop();
    server?.dispose();
  });

  function exported(): { types: Map<string, string>; labels: Map<string, Set<string>> } {
    const types = new Map<string, string>();
    const labels = new Map<string, Set<string>>();
    for (const line of exposition.split('\n')) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) types.set(type[1], type[2]);
      const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? /.exec(line);
      if (sample) {
        const names = labels.get(sample[1]) ?? new Set<string>();
        for (const [, name] of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="/g)) names.add(name);
        labels.set(sample[1], names);
      }
    }
    return { types, labels };
  }

  it('the server exports the request, latency, database and items metrics', () => {
    const { types } = exported();
    expect(types.get('scrumdown_http_requests_total')).toBe('counter');
    expect(types.get('scrumdown_http_request_duration_seconds')).toBe('histogram');
    expect(types.get('scrumdown_db_query_duration_seconds')).toBe('histogram');
    expect(types.get('scrumdown_items')).toBe('gauge');
    expect(exposition, steps.join(', ')).toMatch(/^scrumdown_items\{status="done"\} 1$/m);
    expect(exposition, steps.join(', ')).toMatch(/^scrumdown_items\{status="todo"\} 1$/m);
  });

  it('each metric named in a query exists (histogram series by their base name), with every label the query uses', () => {
    const { types, labels } = exported();
    const named = new Map<string, Set<string>>();
    for (const query of queries) {
      for (const [metric, used] of metricsIn(query)) {
        const all = named.get(metric) ?? new Set<string>();
        for (const label of used) all.add(label);
        named.set(metric, all);
      }
    }
    expect(named.size).toBeGreaterThanOrEqual(8);
    const problems: string[] = [];
    for (const [metric, used] of named) {
      if (scrapeSeries.has(metric)) continue;
      const base = metric.replace(/_(bucket|sum|count)$/, '');
      const type = types.get(metric) ?? (types.get(base) === 'histogram' ? 'histogram' : undefined);
      if (type === undefined) {
        problems.push(`${metric} is not exported`);
        continue;
      }
      const sampleLabels = labels.get(metric);
      // A gauge with nothing to count yet (no items stored) has no samples to read labels from.
      if (sampleLabels === undefined) continue;
      for (const label of used) {
        if (targetLabels.has(label)) continue;
        if (!sampleLabels.has(label)) problems.push(`${metric} has no label ${label}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the names check is live: a query on a misspelt metric would be caught', () => {
    const { types } = exported();
    const misspelt = metricsIn('sum(rate(scrumdown_http_request_total[5m]))');
    expect([...misspelt.keys()]).toEqual(['scrumdown_http_request_total']);
    expect(types.has('scrumdown_http_request_total')).toBe(false);
  });
});

// promtool, where installed: Debian's `prometheus` package, or $PROMTOOL.
const promtool = process.env.PROMTOOL || 'promtool';
const hasPromtool = spawnSync(promtool, ['--version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasPromtool)('promtool (installed)', () => {
  it('accepts the alerting rules and passes their unit tests', () => {
    execFileSync(promtool, ['check', 'rules', join(repositoryRoot, 'deploy', 'prometheus', 'alerts.yaml')], { stdio: 'pipe' });
    execFileSync(promtool, ['test', 'rules', join(repositoryRoot, 'deploy', 'prometheus', 'alerts.test.yaml')], { stdio: 'pipe' });
  });

  it('accepts every dashboard query as PromQL', () => {
    const work = mkdtempSync(join(tmpdir(), 'deploy-promql-'));
    try {
      const recording = targets.map(({ panel, target }) => ({
        record: `dashboard:panel${panel.id}:${target.refId}`,
        expr: target.expr.replace(/\$__rate_interval/g, '5m').replace(/\$(job|instance)/g, '.*'),
      }));
      writeFileSync(join(work, 'dashboard.rules.json'), JSON.stringify({ groups: [{ name: 'dashboard', rules: recording }] }));
      execFileSync(promtool, ['check', 'rules', join(work, 'dashboard.rules.json')], { stdio: 'pipe' });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
