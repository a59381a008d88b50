// Prometheus metrics for one app: requests and their latency by route pattern and status,
// database query timings by kind of statement (through a Kysely plugin on the handlers' db), and
// items by status read from the items table when scraped. Each app has its own registry, so
// several apps in one process (tests) do not collide.

import type { Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../store/schema.js';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  dbDuration: Histogram<'operation'>;
  /** The db with query timing attached. */
  instrument(db: Kysely<Database>): Kysely<Database>;
}

export function createMetrics(db: Kysely<Database>, options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'scrumdown_' });
  const httpRequests = new Counter({
    name: 'scrumdown_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'scrumdown_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const dbDuration = new Histogram({
    name: 'scrumdown_db_query_duration_seconds',
    help: 'Database query time, by kind of statement.',
    labelNames: ['operation'] as const,
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  new Gauge({
    name: 'scrumdown_items',
    help: 'Items stored across all projects, by status.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await db
        .selectFrom('items')
        .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('status')
        .execute();
      for (const row of rows) this.set({ status: row.status }, Number(row.count));
    },
  });
  return {
    registry,
    httpRequests,
    httpDuration,
    dbDuration,
    instrument: (target) => target.withPlugin(new QueryTimingPlugin(dbDuration)),
  };
}

const OPERATION: Partial<Record<RootOperationNode['kind'], string>> = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
  MergeQueryNode: 'merge',
  RawNode: 'raw',
};

/** Times each query from compilation to result; transformQuery and transformResult share the queryId. */
class QueryTimingPlugin implements KyselyPlugin {
  readonly #started = new WeakMap<object, { at: number; operation: string }>();

  constructor(private readonly histogram: Histogram<'operation'>) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#started.set(args.queryId, { at: performance.now(), operation: OPERATION[args.node.kind] ?? 'other' });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(args.queryId);
    if (started) this.histogram.observe({ operation: started.operation }, (performance.now() - started.at) / 1000);
    return args.result;
  }
}
