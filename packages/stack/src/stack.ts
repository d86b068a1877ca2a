import { join } from 'node:path';
import type { SyntheticOptions } from '@mutual-graph/synthetic';
import { prepareDatabase, type PreparedDatabase } from './database.js';
import { openPostgres } from './postgres.js';
import { spawnService, stopServices, waitUntilReady, type ServiceProcess } from './processes.js';
import { loadDevSecrets, type DevSecrets } from './secrets.js';
import { EFFECTS_WORKER_PORT } from '@mutual-graph/gateway';
import { effectsEnvironment, gatewayEnvironment, serviceScript, subgraphEnvironment } from './service-environment.js';
import { DATABASE_LOGINS, SUBGRAPHS } from './subgraphs.js';

export interface StackOptions {
  dataDir: string;
  /** Gateway port; subgraphs take their contract ports unless `subgraphPorts` says otherwise. */
  gatewayPort: number;
  subgraphPorts?: Record<string, number>;
  /** The effects worker's port (health, dead letters, metrics); default EFFECTS_WORKER_PORT. */
  effectsPort?: number;
  /** External PostgreSQL (administrator URL); absent: embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  /** Embedded PostgreSQL's port. */
  postgresPort?: number;
  /** Further settings for the embedded PostgreSQL. */
  postgresSettings?: Record<string, string>;
  /** Synthetic population to seed into empty tables; null seeds nothing. */
  seed: SyntheticOptions | null;
  /** Silence the services' own output (tests). */
  quiet?: boolean;
  /** Keep every line the services print in this file (tests read it back). */
  serviceLogFile?: string;
  log?: (line: string) => void;
}

export interface RunningStack {
  secrets: DevSecrets;
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** The effects worker's address (`/ready` lists its dead letters). */
  effectsUrl: string;
  adminUrl: string;
  database: PreparedDatabase;
  services: ServiceProcess[];
  stop(): Promise<void>;
}

/**
 * The whole stack as `npm start` runs it: PostgreSQL (embedded unless DATABASE_URL is set),
 * roles and schemas, migrations and seed, then four subgraph processes, the effects worker and the
 * gateway, each started only when the one before it answers /ready.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => {});
  const secrets = await loadDevSecrets(join(options.dataDir, 'secrets.json'), DATABASE_LOGINS);
  log('starting PostgreSQL…');
  const postgres = await openPostgres(options.dataDir, secrets, { databaseUrl: options.databaseUrl, port: options.postgresPort, settings: options.postgresSettings });
  const services: ServiceProcess[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopServices([...services].reverse());
    await postgres.stop();
  };
  try {
    log(postgres.embedded ? `PostgreSQL (embedded) on ${new URL(postgres.adminUrl).host}; preparing roles, migrations, seed…` : 'PostgreSQL from DATABASE_URL; preparing roles, migrations, seed…');
    const database = await prepareDatabase(postgres.adminUrl, secrets.rolePasswords, options.seed);
    for (const [name, tables] of Object.entries(database.seeded)) {
      if (Object.keys(tables).length > 0)
        log(
          `seeded ${name}: ${Object.entries(tables)
            .map(([t, n]) => `${n} ${t}`)
            .join(', ')}`,
        );
    }
    const subgraphUrls: Record<string, string> = {};
    for (const subgraph of SUBGRAPHS) {
      const port = options.subgraphPorts?.[subgraph.name] ?? subgraph.defaultPort;
      const service = spawnService(
        subgraph.name,
        serviceScript(subgraph.name),
        subgraphEnvironment(subgraph, {
          ownerUrls: database.ownerUrls,
          peerUrl: (peer) => `http://127.0.0.1:${options.subgraphPorts?.[peer] ?? SUBGRAPHS.find((s) => s.name === peer)!.defaultPort}/graphql`,
          hopPublicJwk: secrets.hopKey.publicJwk,
          port,
        }),
        options.quiet,
        options.serviceLogFile,
      );
      services.push(service);
      subgraphUrls[subgraph.name] = `http://127.0.0.1:${port}/graphql`;
    }
    await Promise.all(
      services.map((s, i) => waitUntilReady(`http://127.0.0.1:${options.subgraphPorts?.[SUBGRAPHS[i].name] ?? SUBGRAPHS[i].defaultPort}/ready`, 30_000, () => s.child.exitCode === null)),
    );
    const effectsPort = options.effectsPort ?? EFFECTS_WORKER_PORT;
    const effects = spawnService(
      'effects',
      serviceScript('effects'),
      effectsEnvironment({
        ownerUrls: database.ownerUrls,
        hopPrivateJwk: secrets.hopKey.privateJwk,
        subgraphUrls,
        port: effectsPort,
      }),
      options.quiet,
      options.serviceLogFile,
    );
    services.push(effects);
    const effectsUrl = `http://127.0.0.1:${effectsPort}`;
    await waitUntilReady(`${effectsUrl}/ready`, 30_000, () => effects.child.exitCode === null);
    const gateway = spawnService(
      'gateway',
      serviceScript('gateway'),
      gatewayEnvironment({
        ownerUrls: database.ownerUrls,
        issuerPublicJwk: secrets.issuerKey.publicJwk,
        hopPrivateJwk: secrets.hopKey.privateJwk,
        subgraphUrls,
        port: options.gatewayPort,
        host: process.env.HOST,
      }),
      options.quiet,
      options.serviceLogFile,
    );
    services.push(gateway);
    await waitUntilReady(`http://127.0.0.1:${options.gatewayPort}/ready`, 30_000, () => gateway.child.exitCode === null);
    return { secrets, gatewayUrl: `http://localhost:${options.gatewayPort}/graphql`, subgraphUrls, effectsUrl, adminUrl: postgres.adminUrl, database, services, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
