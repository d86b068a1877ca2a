// Capacity on paper: from measured cost per request (CPU ms by process, PostgreSQL connection time by
// role) to what a stated load needs. Pure arithmetic, so that the section's figures follow from the
// run's and the rules can be tested without one.

/** What one request of an operation cost, measured at saturation. */
export interface OperationCost {
  /** CPU ms per request, by process kind ('gateway', 'member', …, 'postgres'). */
  cpuMs: Record<string, number>;
  /** Connection time per request at PostgreSQL, ms, by the pool that holds it ('gateway', 'member', …). */
  connectionMs: Record<string, number>;
}

export interface SizingRules {
  /** The share of a core each process may use at the stated load: the rest is the queueing headroom that keeps p99 down. */
  utilisation: number;
  /** Pool connections per connection busy on average (Little's law gives the mean; bursts need more). */
  poolHeadroom: number;
  /** The smallest pool a replica keeps (one for the work, one for the health check). */
  minPool: number;
  /** PostgreSQL's max_connections, less what is reserved for superusers and replication. */
  maxConnections: number;
}

export const DEFAULT_RULES: SizingRules = { utilisation: 0.5, poolHeadroom: 2, minPool: 2, maxConnections: 100 };

export interface ComponentSizing {
  name: string;
  /** Cores kept busy at the load, on average. */
  busyCores: number;
  /** Cores to provide at the rules' utilisation. */
  cores: number;
  /** Single-threaded Node processes (one core each) to run, one more than the load needs (N+1); PostgreSQL: one primary plus a standby. */
  replicas: number;
  /** Connections busy at PostgreSQL on average (Little's law: rate × time held). */
  busyConnections: number;
  /** Pool size per replica, and connections in all (replicas × pool). */
  poolPerReplica: number;
  connections: number;
}

export interface Sizing {
  load: Record<string, number>;
  components: ComponentSizing[];
  /** Connections every replica's pools hold in all, against the rules' max_connections. */
  connections: number;
  connectionsFit: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Cores, replicas and pools for a load (requests a second by operation) from what each request
 * cost. Node processes are sized one core a replica (one event loop), N+1; PostgreSQL as one
 * primary with a standby (its cores are one machine's). An operation in the load with no cost is an
 * error: it would be sized as free.
 */
export function size(load: Record<string, number>, costs: Record<string, OperationCost>, rules: SizingRules = DEFAULT_RULES): Sizing {
  for (const operation of Object.keys(load)) if (!costs[operation]) throw new Error(`no measured cost for ${operation}`);
  const names = [...new Set(Object.keys(load).flatMap((o) => [...Object.keys(costs[o].cpuMs), ...Object.keys(costs[o].connectionMs)]))];
  const components = names.map((name): ComponentSizing => {
    const busyCores = Object.entries(load).reduce((sum, [o, rate]) => sum + (rate * (costs[o].cpuMs[name] ?? 0)) / 1000, 0);
    const busyConnections = Object.entries(load).reduce((sum, [o, rate]) => sum + (rate * (costs[o].connectionMs[name] ?? 0)) / 1000, 0);
    const cores = busyCores / rules.utilisation;
    const postgres = name === 'postgres';
    const replicas = postgres ? 2 : Math.max(1, Math.ceil(cores)) + 1;
    // The pools hold connections only for the processes that have one; spread over the replicas that serve the load (not the spare).
    const poolPerReplica = postgres || busyConnections === 0 ? 0 : Math.max(rules.minPool, Math.ceil((busyConnections * rules.poolHeadroom) / (replicas - 1)));
    return {
      name,
      busyCores: round2(busyCores),
      cores: postgres ? Math.ceil(cores) : round2(cores),
      replicas,
      busyConnections: round2(busyConnections),
      poolPerReplica,
      connections: poolPerReplica * (postgres ? 0 : replicas),
    };
  });
  const connections = components.reduce((n, c) => n + c.connections, 0);
  return { load, components, connections, connectionsFit: connections <= rules.maxConnections };
}

/** The load times a factor. */
export const scaled = (load: Record<string, number>, factor: number) => Object.fromEntries(Object.entries(load).map(([o, rate]) => [o, rate * factor]));
