import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import type { EntityClass, Logger } from '@mikro-orm/core';
import { DEFAULT_POOL_MAX } from '../service/environment.js';
import { OUTBOXES } from '../effects/deferred-effects.js';
import { ReplicaRoutingEntityManager } from './read-replica.js';

/** What one subgraph tells the platform about its own slice of the database. */
export interface SubgraphDatabase {
  /** The PostgreSQL schema this subgraph owns; its role can reach nothing else. */
  schema: string;
  entities: EntityClass<object>[];
  /** Folder of generated migrations, resolved beside the calling module (src in tests, dist at run time). */
  migrationsPath: string;
  /** Other schemas this role may read (granted by their owners) and must never manage: left out of migrations. */
  readsSchemas?: string[];
  /**
   * Entities whose reads in a client's GraphQL query may be answered by a read replica (read-replica.ts):
   * only entities that no decision reads (consent, eligibility, seats, fees, holds, idempotency stay
   * off this list), since a replica may not have the latest writes yet. Absent: every read goes to the primary.
   */
  replicaSafe?: EntityClass<object>[];
}

export interface OpenDatabaseOptions {
  /** Connection URL for this subgraph's own database role. */
  clientUrl: string;
  /** A streaming replica of the same database (DATABASE_REPLICA_URL), as the same role: MikroORM's read connection. */
  replicaUrl?: string;
  /** Pool size per service; PostgreSQL's default of 100 connections is shared by four services. */
  poolMax?: number;
  /** Replaces MikroORM's logger, e.g. to count statements. */
  loggerFactory?: () => Logger;
  /** Namespaces to log (`query` is what statement counting needs). */
  debug?: boolean | ('query' | 'query-params' | 'info' | 'schema' | 'discovery' | 'deprecated' | 'slow-query')[];
}

export function ormOptions(database: SubgraphDatabase, options: OpenDatabaseOptions): Options {
  return {
    clientUrl: options.clientUrl,
    schema: database.schema,
    entities: database.entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? DEFAULT_POOL_MAX },
    // Seen in pg_stat_activity and the server's log: which schema's service, and which connection.
    driverOptions: { application_name: applicationName(database, 'primary') },
    // The replica serves only what read-replica.ts routes to it; MikroORM's default would send every read there.
    entityManager: ReplicaRoutingEntityManager,
    preferReadReplicas: false,
    ...(options.replicaUrl ? { replicas: [{ name: 'replica', clientUrl: options.replicaUrl, driverOptions: { application_name: applicationName(database, 'replica') } }] } : {}),
    debug: options.debug ?? false,
    ...(options.loggerFactory ? { loggerFactory: options.loggerFactory } : {}),
    migrations: {
      path: database.migrationsPath,
      schema: database.schema,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    // The outboxes are graphile-worker's schemas, installed and upgraded by its own migrations at setup:
    // a generated migration that saw one in the database would otherwise drop it.
    schemaGenerator: { ignoreSchema: [...(database.readsSchemas ?? []), ...Object.values(OUTBOXES).map((o) => o.schema)] },
    // Entities are read by explicit class reference; no folder scanning at run time.
    discovery: { warnWhenNoEntities: true },
  };
}

/** The `application_name` of a subgraph's connections: `mutual-graph/<schema>/<primary|replica>`. */
export function applicationName(database: Pick<SubgraphDatabase, 'schema'>, connection: 'primary' | 'replica'): string {
  return `mutual-graph/${database.schema}/${connection}`;
}

export async function openDatabase(database: SubgraphDatabase, options: OpenDatabaseOptions): Promise<MikroORM> {
  return MikroORM.init(ormOptions(database, options));
}

/** Applies this subgraph's pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
