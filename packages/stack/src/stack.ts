import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { syntheticMember, type SyntheticOptions } from '@mutual-graph/synthetic';
import { DEFAULT_AUDIENCE, loadIdentityProviderConfig, startIdentityProviderProcess, type IdentityProviderConfig } from '@mutual-graph/identity-provider';
import { prepareDatabase, type PreparedDatabase } from './database.js';
import { openPostgres } from './postgres.js';
import { startPgBouncer, type RunningPgBouncer } from './pgbouncer.js';
import { spawnService, stopServices, waitUntilReady, type ServiceProcess } from './processes.js';
import { loadDevSecrets, type DevSecrets } from './secrets.js';
import { EFFECTS_WORKER_PORT } from '@mutual-graph/gateway';
import { effectsEnvironment, gatewayEnvironment, serviceScript, subgraphEnvironment, type GatewayAuthentication } from './service-environment.js';
import { DATABASE_LOGINS, EFFECTS_LOGIN, SUBGRAPHS } from './subgraphs.js';

/** Who signs callers' tokens: the development key (`npm run token`), or a local OpenID Connect provider on `port`. */
export type StackIdentityProvider = { mode: 'dev-key' } | { mode: 'local'; port: number };

/** The local identity provider a stack runs, and the clients and accounts it knows (development secrets, for the banner). */
export interface LocalIdentityProvider {
  issuer: string;
  tokenUrl: string;
  jwksUrl: string;
  audience: string;
  /** Its keys and its clients and accounts, under the data folder. */
  dir: string;
  config: IdentityProviderConfig;
}

export interface StackOptions {
  dataDir: string;
  /** Default: the development key. */
  identityProvider?: StackIdentityProvider;
  /** Gateway port; subgraphs take their contract ports unless `subgraphPorts` says otherwise. */
  gatewayPort: number;
  subgraphPorts?: Record<string, number>;
  /** The effects worker's port (health, dead letters, metrics); default EFFECTS_WORKER_PORT. */
  effectsPort?: number;
  /** External PostgreSQL (administrator URL); absent: embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  /** A streaming replica of `databaseUrl`'s server (its administrator URL): each subgraph reads there as its own role (DATABASE_REPLICA_URL). */
  replicaDatabaseUrl?: string;
  /** With `replicaDatabaseUrl`: the subgraphs' DATABASE_REPLICA_MAX_LAG_MS (their default otherwise). */
  replicaMaxLagMs?: number;
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
  /**
   * PgBouncer in transaction mode between PostgreSQL and the subgraphs and gateway (pgbouncer.ts);
   * setup, migrations and the effects worker (LISTEN) connect directly. Absent: everything direct.
   */
  pgbouncer?: { port: number; poolSize?: number };
  log?: (line: string) => void;
}

export interface RunningStack {
  secrets: DevSecrets;
  /** With `identityProvider: { mode: 'local' }`: the provider the gateway trusts. */
  identityProvider?: LocalIdentityProvider;
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  /** The effects worker's address (`/ready` lists its dead letters). */
  effectsUrl: string;
  adminUrl: string;
  /** Direct URLs by owner (setup's, the effects worker's). */
  database: PreparedDatabase;
  /** The URLs by owner the services were given: through PgBouncer when it runs, except the effects worker's. */
  serviceUrls: Record<string, string>;
  pgbouncer?: RunningPgBouncer;
  services: ServiceProcess[];
  stop(): Promise<void>;
}

/** Starts the development identity provider with its keys and its clients and accounts under `<dataDir>/identity-provider/` (generated on first start). */
async function startLocalIdentityProvider(
  dataDir: string,
  port: number,
  seed: SyntheticOptions | null,
  output: { quiet?: boolean; serviceLogFile?: string },
): Promise<{ provider: LocalIdentityProvider; service: ServiceProcess }> {
  const dir = join(dataDir, 'identity-provider');
  const configFile = join(dir, 'identity-provider.json');
  // The member account is the first synthetic member (the seed is deterministic), so that its `me` finds someone.
  const config = await loadIdentityProviderConfig(configFile, seed && seed.members > 0 ? { memberId: syntheticMember(0, seed).id } : {});
  const kept = output.serviceLogFile ? createWriteStream(output.serviceLogFile, { flags: 'a' }) : undefined;
  const process_ = await startIdentityProviderProcess({
    port,
    keysFile: join(dir, 'keys.json'),
    configFile,
    log: (line) => {
      kept?.write(`${'identity'.padEnd(9)} | ${line}\n`);
      if (!output.quiet) console.log(`${'identity'.padEnd(9)} | ${line}`);
    },
  });
  return {
    provider: { issuer: process_.issuer, tokenUrl: process_.tokenUrl, jwksUrl: process_.jwksUrl, audience: DEFAULT_AUDIENCE, dir, config },
    service: { name: 'identity', child: process_.child, exited: process_.exited },
  };
}

/** PgBouncer under `<dataDir>/pgbouncer/`, knowing every login the services connect as. */
function startPooler(dataDir: string, settings: NonNullable<StackOptions['pgbouncer']>, ownerUrls: Record<string, string>, output: Pick<StackOptions, 'quiet' | 'serviceLogFile'>) {
  const kept = output.serviceLogFile ? createWriteStream(output.serviceLogFile, { flags: 'a' }) : undefined;
  const logins = Object.fromEntries(Object.values(ownerUrls).map((url) => [decodeURIComponent(new URL(url).username), decodeURIComponent(new URL(url).password)]));
  return startPgBouncer({
    dir: join(dataDir, 'pgbouncer'),
    port: settings.port,
    poolSize: settings.poolSize,
    upstreamUrl: Object.values(ownerUrls)[0],
    logins,
    log: (line) => {
      kept?.write(`${'pgbouncer'.padEnd(9)} | ${line}\n`);
      if (!output.quiet) console.log(`${'pgbouncer'.padEnd(9)} | ${line}`);
    },
  });
}

/**
 * The whole stack as `npm start` runs it: the local identity provider when asked for, PostgreSQL
 * (embedded unless DATABASE_URL is set), roles and schemas, migrations and seed, then four subgraph
 * processes, the effects worker and the gateway, each started only when the one before it answers /ready.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => {});
  const secrets = await loadDevSecrets(join(options.dataDir, 'secrets.json'), DATABASE_LOGINS);
  const services: ServiceProcess[] = [];
  let identityProvider: LocalIdentityProvider | undefined;
  if (options.identityProvider?.mode === 'local') {
    log('starting the identity provider…');
    const local = await startLocalIdentityProvider(options.dataDir, options.identityProvider.port, options.seed, options);
    services.push(local.service);
    identityProvider = local.provider;
  }
  const authentication: GatewayAuthentication = identityProvider
    ? { jwksUrl: identityProvider.jwksUrl, issuer: identityProvider.issuer, audience: identityProvider.audience, claims: 'keycloak', tokenType: 'at+jwt' }
    : { publicJwk: secrets.issuerKey.publicJwk };
  log('starting PostgreSQL…');
  const postgres = await openPostgres(options.dataDir, secrets, { databaseUrl: options.databaseUrl, port: options.postgresPort, settings: options.postgresSettings }).catch(async (error: unknown) => {
    await stopServices(services);
    throw error;
  });
  let stopped = false;
  let pgbouncer: RunningPgBouncer | undefined;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // PgBouncer once its clients have closed their connections, as PostgreSQL.
    await stopServices([...services].reverse().filter((s) => s !== pgbouncer?.process));
    await pgbouncer?.stop();
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
    pgbouncer = options.pgbouncer && (await startPooler(options.dataDir, options.pgbouncer, database.ownerUrls, options));
    if (pgbouncer) services.push(pgbouncer.process);
    // The effects worker LISTENs for new jobs: a session PgBouncer's transaction pooling would not keep.
    const serviceUrls = Object.fromEntries(Object.entries(database.ownerUrls).map(([owner, url]) => [owner, pgbouncer && owner !== EFFECTS_LOGIN ? pgbouncer.pooled(url) : url]));
    const subgraphUrls: Record<string, string> = {};
    const subgraphServices: ServiceProcess[] = [];
    for (const subgraph of SUBGRAPHS) {
      const port = options.subgraphPorts?.[subgraph.name] ?? subgraph.defaultPort;
      const service = spawnService(
        subgraph.name,
        serviceScript(subgraph.name),
        subgraphEnvironment(subgraph, {
          ownerUrls: serviceUrls,
          peerUrl: (peer) => `http://127.0.0.1:${options.subgraphPorts?.[peer] ?? SUBGRAPHS.find((s) => s.name === peer)!.defaultPort}/graphql`,
          hopPublicJwk: secrets.hopKey.publicJwk,
          port,
          replicaAdminUrl: options.replicaDatabaseUrl,
          replicaMaxLagMs: options.replicaMaxLagMs,
        }),
        options.quiet,
        options.serviceLogFile,
      );
      services.push(service);
      subgraphServices.push(service);
      subgraphUrls[subgraph.name] = `http://127.0.0.1:${port}/graphql`;
    }
    await Promise.all(
      subgraphServices.map((s, i) => waitUntilReady(`http://127.0.0.1:${options.subgraphPorts?.[SUBGRAPHS[i].name] ?? SUBGRAPHS[i].defaultPort}/ready`, 30_000, () => s.child.exitCode === null)),
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
        ownerUrls: serviceUrls,
        authentication,
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
    return {
      secrets,
      identityProvider,
      gatewayUrl: `http://localhost:${options.gatewayPort}/graphql`,
      subgraphUrls,
      effectsUrl,
      adminUrl: postgres.adminUrl,
      database,
      serviceUrls,
      pgbouncer,
      services,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
