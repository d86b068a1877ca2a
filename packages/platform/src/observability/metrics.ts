import type { Express } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names are the client's to choose: a bounded set of labels, the rest counted as `other`. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_LABELS = 200;

/** pg's pool counters, read when Prometheus scrapes. */
export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * One Prometheus registry per service (prom-client): request rate and latency per operation name,
 * refusals by rule and purpose, errors from subgraphs, and the database pools. Labels never carry
 * a value from a request other than a well-formed operation name.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly duration: Histogram<'operation'>;
  readonly refusals: Counter<'rule' | 'purpose'>;
  readonly subgraphErrors: Counter<'subgraph'>;
  readonly hopRefusals: Counter<'reason'>;
  private readonly pools = new Map<string, () => PoolStats | undefined>();
  private replicaLag: (() => { lagMs: number | undefined; usable: boolean }) | undefined;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations answered, by operation name and outcome (ok, refused, error)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL operation latency',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.refusals = new Counter({ name: 'graphql_refusals_total', help: 'Operations refused, by policy rule or limit, and purpose of use', labelNames: ['rule', 'purpose'], registers });
    this.subgraphErrors = new Counter({ name: 'gateway_subgraph_errors_total', help: 'Failed calls from the gateway to a subgraph', labelNames: ['subgraph'], registers });
    this.hopRefusals = new Counter({
      name: 'subgraph_hop_refusals_total',
      help: 'Requests a subgraph refused for their hop token: missing, invalid (signature, expiry, audience), wrong-request (signed for another), replayed',
      labelNames: ['reason'],
      registers,
    });
    const pools = this.pools;
    const poolGauge = (name: string, help: string, pick: (s: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers,
        collect() {
          for (const [pool, read] of pools) {
            const stats = read();
            if (stats) this.set({ pool }, pick(stats));
          }
        },
      });
    poolGauge('db_pool_connections', 'Connections open in the pool', (s) => s.totalCount);
    poolGauge('db_pool_idle_connections', 'Idle connections in the pool', (s) => s.idleCount);
    poolGauge('db_pool_waiting_requests', 'Queries waiting for a connection', (s) => s.waitingCount);
    const lagOf = () => this.replicaLag?.();
    new Gauge({
      name: 'db_replica_lag_seconds',
      help: 'How far the read replica is at most behind the primary, as last measured (absent while unknown)',
      // Labelled so that reset() leaves no series at all (a gauge without labels would show 0).
      labelNames: ['pool'],
      registers,
      collect() {
        this.reset();
        const lag = lagOf()?.lagMs;
        if (lag !== undefined) this.set({ pool: 'replica' }, lag / 1000);
      },
    });
    new Gauge({
      name: 'db_replica_reads_enabled',
      help: 'Whether the read replica serves reads now (1), or every read goes to the primary (0: lag over the bound, or unknown)',
      registers,
      collect() {
        const state = lagOf();
        if (state) this.set(state.usable ? 1 : 0);
      },
    });
  }

  /** The label for an operation name: itself while the set is small and the name well formed. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  watchPool(pool: string, read: () => PoolStats | undefined): void {
    this.pools.set(pool, read);
  }

  /** The read replica's lag and whether it serves reads, for the gauges above (a subgraph with a replica). */
  watchReplicaLag(read: () => { lagMs: number | undefined; usable: boolean }): void {
    this.replicaLag = read;
  }
}

/** `GET /metrics` in Prometheus' text format. */
export function mountMetrics(app: Express, metrics: ServiceMetrics): void {
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
