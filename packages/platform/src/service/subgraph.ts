import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { hopVerifier, type HopRefusalReason } from '@mutual-graph/hop';
import type { JWK } from 'jose';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { openDatabase, type OpenDatabaseOptions, type SubgraphDatabase } from '../database/orm.js';
import type { DispositionHold } from '../disposition/disposition-hold.js';
import type { DispositionTask } from '../disposition/disposition-task.js';
import { buildFederatedSchema, type FederatedSchemaOptions } from '../graphql/federated-schema.js';
import { jsonErrorHandler, maskInternalErrors } from '../http/errors.js';
import { graphqlHandler } from '../http/graphql-handler.js';
import { mountHealth } from '../http/health.js';
import { createLogger, loggableError } from '../observability/logger.js';
import { mountMetrics, ServiceMetrics, type PoolStats } from '../observability/metrics.js';
import { requestLogPlugin } from '../observability/request-log-plugin.js';
import { flushTelemetry } from '../observability/span-attributes.js';
import { listen } from '../http/listen.js';
import { replicaLagGuard, replicaState } from './replica-guard.js';
import { ConfigurationError, DEFAULT_REPLICA_MAX_LAG_MS, familyValues, readEnvironment, SUBGRAPH_ENVIRONMENT, type EnvironmentOf } from './environment.js';
import { gatewayNoticesPlugin } from './gateway-notices.js';
import { recordMembersRead } from './members-read.js';
import { oneOperationPlugin } from './one-operation.js';
import { readReplicaPlugin } from './read-replica-plugin.js';
import { guardSubgraph } from './shield.js';
import { subgraphContextFactory, type LoaderFactory, type SubgraphContext } from './context.js';

/**
 * Data a subgraph keeps apart from its own tables, in a schema of its own that only a role of its
 * own can reach (EDI answers, apart from membership): the code that serves everything else
 * connects with a role that has no grant on it.
 */
export interface IsolatedStore {
  name: string;
  database: SubgraphDatabase;
  /** What the store derives from its data once seeding is done (the EDI store publishes its first release); idempotent. */
  afterSeed?: (em: EntityManager) => Promise<void>;
  /**
   * Brings the store's own copies of its subgraph's data up to date, from the subgraph's schema into
   * the store and never back (the EDI store's copy of practices): run at every setup, before serving,
   * so a copy the gateway could not update, or one older than the copy itself, is mended. Returns the rows written.
   */
  reconcile?: (store: EntityManager, subgraph: EntityManager) => Promise<number>;
}

/** `<STORE>_DATABASE_URL`: where a subgraph finds an isolated store, as that store's own role. */
export function storeUrlVariable(store: string): string {
  return `${store.toUpperCase()}_DATABASE_URL`;
}

/** Everything that makes one subgraph what it is; the platform does the rest, identically for all four. */
export interface SubgraphDefinition<Loaders> {
  name: string;
  /** The contract's port for this subgraph (4001–4004). */
  defaultPort: number;
  database: SubgraphDatabase;
  isolatedStores?: IsolatedStore[];
  /** Other subgraphs this one asks, by name (their URLs come from `<NAME>_SUBGRAPH_URL`). */
  peers?: string[];
  schema: FederatedSchemaOptions<SubgraphContext<Loaders>>;
  createLoaders: LoaderFactory<Loaders>;
  /**
   * How this subgraph carries out the retention schedule's rules for what it holds, given the
   * EntityManagers of its isolated stores by name. Run by `npm run dispose`, never by a request.
   */
  disposition(stores: Record<string, EntityManager>): DispositionTask[];
  /**
   * For the one subgraph that keeps them (privacy): the holds from disposition in force on a day,
   * read with its own database role and handed to every subgraph's disposition job before it runs.
   */
  dispositionHolds?: (em: EntityManager, asOf: string) => Promise<DispositionHold[]>;
}

export interface SubgraphRunOptions extends OpenDatabaseOptions {
  /** The gateway's public key (JWK): only requests carrying a hop token it signed are answered. */
  hopPublicKey: JWK;
  /** Connection URL of each isolated store, as that store's own role. */
  storeUrls?: Record<string, string>;
  /** GraphQL URL of each peer subgraph. */
  peerUrls?: Record<string, string>;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** With `replicaUrl`: the most the replica may be behind and still serve reads (DATABASE_REPLICA_MAX_LAG_MS). */
  replicaMaxLagMs?: number;
}

export interface RunningSubgraph {
  name: string;
  server: import('node:http').Server;
  url: string;
  graphqlUrl: string;
  orm: MikroORM;
  stop(): Promise<void>;
}

function peerUrls(definition: Pick<SubgraphDefinition<unknown>, 'name' | 'peers'>, options: SubgraphRunOptions): Record<string, string> {
  return Object.fromEntries(
    (definition.peers ?? []).map((peer) => {
      const url = options.peerUrls?.[peer];
      if (!url) throw new Error(`${definition.name}: no URL for the ${peer} subgraph it asks (${peer.toUpperCase()}_SUBGRAPH_URL)`);
      return [peer, url];
    }),
  );
}

/** The subgraph's schema alone, unguarded: no database, no server (what composition needs). */
export function buildSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<GraphQLSchema> {
  return buildFederatedSchema(definition.schema);
}

/**
 * The schema a subgraph serves: every field behind the shield generated from its categories, and
 * inside the shield, the record of which members the request read.
 */
export async function buildGuardedSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<GraphQLSchema> {
  return guardSubgraph(recordMembersRead(await buildSubgraph(definition)));
}

/** Reads the pg pool behind a MikroORM connection (the primary's, or with `read` a replica's), for the pool gauges. */
export async function poolStats(orm: MikroORM, connection: 'write' | 'read' = 'write'): Promise<() => PoolStats | undefined> {
  const pool = (await (orm.em.getConnection(connection) as unknown as { getNativeClient(): Promise<PoolStats> }).getNativeClient()) as PoolStats | undefined;
  return () => (pool ? { totalCount: pool.totalCount, idleCount: pool.idleCount, waitingCount: pool.waitingCount } : undefined);
}

export async function startSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>, options: SubgraphRunOptions): Promise<RunningSubgraph> {
  const schema = await buildGuardedSubgraph(definition);
  const logger = createLogger(definition.name);
  const metrics = new ServiceMetrics(definition.name);
  // A refused token is someone, or something, calling past the gateway: logged and counted.
  const hopRefused = (reason: HopRefusalReason) => {
    metrics.hopRefusals.inc({ reason });
    logger.warn({ reason }, 'hop token refused');
  };
  const verifyHop = await hopVerifier(options.hopPublicKey, definition.name, hopRefused);
  const orm = await openDatabase(definition.database, options);
  const stores: Record<string, MikroORM> = {};
  for (const store of definition.isolatedStores ?? []) {
    const clientUrl = options.storeUrls?.[store.name];
    if (!clientUrl) throw new Error(`${definition.name}: no connection for its isolated store "${store.name}" (${storeUrlVariable(store.name)})`);
    // An isolated store has no replica: DATABASE_REPLICA_URL is the subgraph's own schema's, as its own role.
    stores[store.name] = await openDatabase(store.database, { ...options, clientUrl, replicaUrl: undefined });
  }
  metrics.watchPool('main', await poolStats(orm));
  if (options.replicaUrl) metrics.watchPool('replica', await poolStats(orm, 'read'));
  const lagGuard = options.replicaUrl ? replicaLagGuard(orm, options.replicaMaxLagMs ?? DEFAULT_REPLICA_MAX_LAG_MS, logger) : undefined;
  if (lagGuard) metrics.watchReplicaLag(() => ({ lagMs: lagGuard.lagMs, usable: lagGuard.replicaUsable }));
  for (const [name, store] of Object.entries(stores)) metrics.watchPool(name, await poolStats(store));
  const app = express();
  app.disable('x-powered-by');
  const listening = await listen(app, options.host ?? '127.0.0.1', options.port ?? definition.defaultPort);

  // Only with a replica configured do any reads leave the primary.
  const replicaSafe = options.replicaUrl ? (definition.database.replicaSafe ?? []) : [];
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    // Subgraphs answer the gateway only; their schema is published through composition, not introspection.
    introspection: false,
    includeStacktraceInErrorResponses: false,
    // runSubgraph stops the server on SIGTERM/SIGINT, draining first; Apollo's handler would re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: maskInternalErrors(logger),
    plugins: [
      requestLogPlugin(logger, metrics),
      oneOperationPlugin(() => hopRefused('wrong-request')),
      gatewayNoticesPlugin(),
      readReplicaPlugin(replicaSafe, () => lagGuard?.replicaUsable ?? false),
      ApolloServerPluginLandingPageDisabled(),
      // No Apollo Studio here: traces would only cost time on every request.
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints either: the plugin would wrap every field of the schema to read them, for a
      // \`cache-control: no-store\` that graphqlHandler sets on every answer anyway.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: listening.server }),
    ],
  });
  await apollo.start();
  lagGuard?.start();

  mountHealth(
    app,
    definition.name,
    {
      // A real round trip: MikroORM connects lazily, so its own connection flag can say no before the first query.
      database: async () => (await orm.em.getConnection().execute('select 1 as ok')).length === 1,
      ...Object.fromEntries(Object.entries(stores).map(([name, store]) => [`database:${name}`, async () => (await store.em.getConnection().execute('select 1 as ok')).length === 1])),
      schema: () => schema.getQueryType() !== undefined,
    },
    // The replica is optional: down or behind, reads go to the primary, so it informs and never makes the pod unready.
    lagGuard ? () => Promise.resolve({ replica: replicaState(lagGuard) }) : undefined,
  );
  mountMetrics(app, metrics);
  app.use('/graphql', express.json({ limit: '2mb' }), graphqlHandler(apollo, subgraphContextFactory(orm, stores, definition.createLoaders, verifyHop, peerUrls(definition, options))));
  app.use(jsonErrorHandler(logger));

  return {
    name: definition.name,
    server: listening.server,
    url: listening.url,
    graphqlUrl: `${listening.url}/graphql`,
    orm,
    async stop() {
      await lagGuard?.stop();
      await apollo.stop();
      await orm.close();
      for (const store of Object.values(stores)) await store.close();
    },
  };
}

/** A subgraph process's entry point: configuration from the environment, clean exit on SIGINT/SIGTERM. */
export async function runSubgraph<Loaders>(definition: SubgraphDefinition<Loaders>): Promise<void> {
  const logger = createLogger(definition.name);
  let env: EnvironmentOf<typeof SUBGRAPH_ENVIRONMENT>;
  try {
    env = readEnvironment(SUBGRAPH_ENVIRONMENT);
  } catch (error) {
    // The message names every variable at fault; a stack would say nothing more.
    if (!(error instanceof ConfigurationError)) throw error;
    logger.fatal(error.message);
    process.exit(1);
  }
  const peerUrls = familyValues(SUBGRAPH_ENVIRONMENT.families['<NAME>_SUBGRAPH_URL']);
  const storeUrls = familyValues(SUBGRAPH_ENVIRONMENT.families['<STORE>_DATABASE_URL']);
  const running = await startSubgraph(definition, {
    hopPublicKey: env.GATEWAY_HOP_PUBLIC_KEY,
    clientUrl: env.DATABASE_URL,
    replicaUrl: env.DATABASE_REPLICA_URL,
    storeUrls: Object.fromEntries((definition.isolatedStores ?? []).map((s) => [s.name, storeUrls[s.name] ?? ''])),
    peerUrls: Object.fromEntries((definition.peers ?? []).map((peer) => [peer, peerUrls[peer] ?? ''])),
    host: env.HOST,
    port: env.PORT ?? definition.defaultPort,
    poolMax: env.DATABASE_POOL_MAX,
    replicaMaxLagMs: env.DATABASE_REPLICA_MAX_LAG_MS,
  });
  logger.info({ url: running.graphqlUrl }, 'subgraph ready');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop().catch((error) => logger.error({ err: loggableError(error) }, 'stop failed'));
    await flushTelemetry();
    process.exit(0);
  };
  // stop() logs its own failure and exits: nothing is left to handle.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
