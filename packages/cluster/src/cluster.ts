import { join } from 'node:path';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import {
  DATABASE_LOGINS,
  effectsEnvironment,
  freePort,
  gatewayEnvironment,
  loadDevSecrets,
  openPostgres,
  prepareDatabase,
  serviceScript,
  spawnService,
  stopServices,
  subgraphEnvironment,
  SUBGRAPHS,
  waitUntilReady,
  type DevSecrets,
  type PreparedDatabase,
  type ServiceProcess,
  type StackOptions,
} from '@mutual-graph/stack';
import { ensureNginx, startNginx, type RunningNginx } from './nginx.js';
import type { Balanced } from './nginx-config.js';

export interface ClusterOptions {
  dataDir: string;
  /** Where clients reach the gateways (nginx); default: a free port. */
  port?: number;
  /** Replicas of the gateway and of each subgraph; default 2. */
  replicas?: number;
  /** Effects workers; default 2 (graphile-worker's named queues keep each kind in order across workers). */
  effectsWorkers?: number;
  /** Seconds after its last heartbeat that an effects worker's locks go to another (EFFECTS_STALE_LOCK_SECONDS); default the worker's own. */
  effectsStaleLockSeconds?: number;
  /** The supergraph file every gateway serves and watches; default the composed one, `schema/supergraph.graphql`. */
  supergraphPath?: string;
  databaseUrl?: string;
  postgresPort?: number;
  seed: StackOptions['seed'];
  quiet?: boolean;
  serviceLogFile?: string;
  log?: (line: string) => void;
}

/** One process of the cluster, reached directly (not through nginx). */
export interface Replica {
  /** `gateway-1`, `member-2`, `effects-1`, … */
  name: string;
  /** `gateway`, a subgraph's name, or `effects`. */
  service: string;
  /** Its own address: `/graphql` on a gateway or subgraph, `/ready` on every one. */
  url: string;
  process: ServiceProcess;
}

export interface RunningCluster {
  secrets: DevSecrets;
  adminUrl: string;
  database: PreparedDatabase;
  /** What clients use: nginx, in front of every gateway. */
  gatewayUrl: string;
  /** nginx in front of each subgraph's replicas: what the gateways, the effects workers and peer subgraphs call. */
  subgraphUrls: Record<string, string>;
  replicas: Replica[];
  supergraphPath: string;
  nginx: RunningNginx;
  /** Every process, nginx first. */
  services: ServiceProcess[];
  stop(): Promise<void>;
}

const base = (port: number) => `http://127.0.0.1:${port}`;

/** Free loopback ports, `count` of them, all different. */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/**
 * Several of each service on this machine, on one PostgreSQL (embedded unless `databaseUrl`):
 * roles, migrations and seed prepared once, as `npm start` prepares them; then nginx, in front of
 * every replica; the subgraph replicas, each calling its peers through nginx; the effects workers and
 * the gateway replicas, calling the subgraphs through nginx. Each group starts once the one before
 * answers /ready, and the cluster is running once nginx's gateway address does.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const log = options.log ?? (() => {});
  const replicaCount = options.replicas ?? 2;
  const supergraphPath = options.supergraphPath ?? SUPERGRAPH_PATH;
  const nginxBinary = await ensureNginx(log);
  const secrets = await loadDevSecrets(join(options.dataDir, 'secrets.json'), DATABASE_LOGINS);
  log('starting PostgreSQL…');
  // Every replica holds pools of its own: more connections than one of each needs.
  const postgres = await openPostgres(options.dataDir, secrets, { databaseUrl: options.databaseUrl, port: options.postgresPort, settings: { max_connections: '400' } });
  const services: ServiceProcess[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // Every process is asked at once, as npm start asks its own: on SIGINT or SIGTERM the embedded
    // PostgreSQL's exit hook ends this process once PostgreSQL has stopped, and a process asked only
    // after that (were they stopped one group after another) would be left running.
    await stopServices([...services].reverse());
    await postgres.stop();
  };
  try {
    log('preparing roles, migrations, seed…');
    const database = await prepareDatabase(postgres.adminUrl, secrets.rolePasswords, options.seed);
    const names = ['gateway', ...SUBGRAPHS.map((s) => s.name)];
    const ports = await freePorts(names.length * (replicaCount + 1) + (options.effectsWorkers ?? 2) + 1);
    const take = () => ports.pop()!;
    const fronts: Balanced[] = names.map((name) => ({
      name,
      port: name === 'gateway' && options.port ? options.port : take(),
      replicas: Array.from({ length: replicaCount }, take),
    }));
    const front = (name: string) => fronts.find((f) => f.name === name)!;
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `${base(front(s.name).port)}/graphql`]));
    const output = [options.quiet, options.serviceLogFile] as const;

    log('starting nginx…');
    const nginx = await startNginx(nginxBinary, join(options.dataDir, 'nginx'), fronts, { quiet: options.quiet });
    services.push(nginx.process);

    const replicas: Replica[] = [];
    const start = async (group: { name: string; service: string; port: number; script: string; env: Record<string, string> }[]) => {
      const started = group.map((r) => {
        const process_ = spawnService(r.name, r.script, r.env, ...output);
        services.push(process_);
        const replica = { name: r.name, service: r.service, url: base(r.port), process: process_ };
        replicas.push(replica);
        return replica;
      });
      await Promise.all(started.map((r) => waitUntilReady(`${r.url}/ready`, 60_000, () => r.process.child.exitCode === null)));
    };

    log(`starting ${replicaCount} of each subgraph…`);
    await start(
      SUBGRAPHS.flatMap((subgraph) =>
        front(subgraph.name).replicas.map((port, i) => ({
          name: `${subgraph.name}-${i + 1}`,
          service: subgraph.name,
          port,
          script: serviceScript(subgraph.name),
          env: subgraphEnvironment(subgraph, { ownerUrls: database.ownerUrls, peerUrl: (peer) => subgraphUrls[peer], hopPublicJwk: secrets.hopKey.publicJwk, port }),
        })),
      ),
    );
    log('starting the effects workers…');
    await start(
      Array.from({ length: options.effectsWorkers ?? 2 }, take).map((port, i) => ({
        name: `effects-${i + 1}`,
        service: 'effects',
        port,
        script: serviceScript('effects'),
        env: {
          ...effectsEnvironment({ ownerUrls: database.ownerUrls, hopPrivateJwk: secrets.hopKey.privateJwk, subgraphUrls, port }),
          ...(options.effectsStaleLockSeconds ? { EFFECTS_STALE_LOCK_SECONDS: String(options.effectsStaleLockSeconds) } : {}),
        },
      })),
    );
    log(`starting ${replicaCount} gateways…`);
    await start(
      front('gateway').replicas.map((port, i) => ({
        name: `gateway-${i + 1}`,
        service: 'gateway',
        port,
        script: serviceScript('gateway'),
        env: {
          ...gatewayEnvironment({ ownerUrls: database.ownerUrls, authentication: { publicJwk: secrets.issuerKey.publicJwk }, hopPrivateJwk: secrets.hopKey.privateJwk, subgraphUrls, port }),
          // The same file for every gateway: a change to it reaches them all.
          SUPERGRAPH_PATH: supergraphPath,
        },
      })),
    );
    const gatewayBase = base(front('gateway').port);
    await waitUntilReady(`${gatewayBase}/ready`, 30_000, () => nginx.process.child.exitCode === null);
    return { secrets, adminUrl: postgres.adminUrl, database, gatewayUrl: `${gatewayBase}/graphql`, subgraphUrls, replicas, supergraphPath, nginx, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
