import type { ConnectionType, EntityClass, EntityMetadata, EntityName } from '@mikro-orm/core';
import { EntityManager as PostgreSqlEntityManager } from '@mikro-orm/postgresql';
import { OperationTypeNode } from 'graphql';
import type { HopClaims } from '@mutual-graph/hop';

/*
 * Which reads a read replica may serve. A replica lags the primary, so a read it answers may miss
 * the latest writes. The ORM is opened with `preferReadReplicas: false` (openDatabase): every
 * statement goes to the primary unless this module sends it elsewhere, and it does so only for
 * all of these at once:
 *   - the request is a GraphQL query (a mutation's reads go with its writes), and not a peer call
 *     (another subgraph asks in order to decide: consent, eligibility, whom to survey);
 *   - the read is an `em.find`, `findOne` or `count` (and what MikroORM builds on them: findAll,
 *     findAndCount, findByCursor, findOneOrFail) outside any transaction, without a lock;
 *   - the entity read, and every entity it loads with it (populated, joined for partial fields,
 *     eager), is one the subgraph's database declaration lists as `replicaSafe` (entities that no
 *     decision reads: rows loaded from the replica stay in the request's identity map).
 * Everything else stays on the primary: writes and transactions (MikroORM pins them there), raw SQL
 * on the connection, query builders, lazy loads of references and collections, isolated stores.
 */

/**
 * Whether a request's reads may use the replica at all: queries the gateway planned for a client's
 * query, never a mutation or a peer's call. The gateway's follow-up fetches for a mutation's answer
 * are queries here too; the hop token's `clientOperation` keeps them on the primary, with the writes.
 */
export function requestMayReadReplica(operation: OperationTypeNode | undefined, hop: Pick<HopClaims, 'peerCall' | 'clientOperation'>): boolean {
  return operation === OperationTypeNode.QUERY && hop.peerCall !== true && hop.clientOperation === 'query';
}

/** What a find asks for, as far as choosing its connection goes. */
export interface FindRequest {
  /** The entity read and, for each populated path, the entities it reaches (undefined when a path names no relation). */
  entities: (EntityClass<object> | undefined)[];
  inTransaction: boolean;
  locked: boolean;
  /** A connection the caller chose itself. */
  connectionType?: ConnectionType;
}

/** The connection one find goes to, given the entities the request may read from the replica (none: the request may not use it). */
export function connectionForFind(replicaSafe: ReadonlySet<EntityClass<object>> | undefined, find: FindRequest): ConnectionType {
  if (find.connectionType) return find.connectionType;
  if (!replicaSafe || find.inTransaction || find.locked) return 'write';
  return find.entities.every((entity) => entity !== undefined && replicaSafe.has(entity)) ? 'read' : 'write';
}

/** The entities a populate hint reaches, path by path ('*' and `true` reach anything: undefined, so the primary). */
export function populatedEntities(root: EntityMetadata, populate: unknown): (EntityClass<object> | undefined)[] {
  if (populate === undefined || populate === false || (Array.isArray(populate) && populate.length === 0)) return [];
  if (!Array.isArray(populate)) return [undefined];
  const reached: (EntityClass<object> | undefined)[] = [];
  for (const hint of populate as unknown[]) {
    if (typeof hint !== 'string' || hint.includes('*')) return [undefined];
    let meta: EntityMetadata | undefined = root;
    for (const segment of hint.split('.')) {
      // `path:ref` and `path:joined` hints name the same relation.
      const property = meta?.properties[segment.replace(/:.*$/, '') as never] as { targetMeta?: EntityMetadata } | undefined;
      meta = property?.targetMeta;
      reached.push(meta?.class as EntityClass<object> | undefined);
    }
  }
  return reached;
}

/**
 * Every entity a find loads besides its own: what it populates, the relations its partial `fields`
 * (`member.firstName`) join, and eager relations, followed from each entity reached.
 */
export function loadedEntities(root: EntityMetadata, options: { populate?: unknown; fields?: unknown } = {}): (EntityClass<object> | undefined)[] {
  const fields = Array.isArray(options.fields) ? (options.fields as unknown[]) : [];
  const joined = fields.filter((f): f is string => typeof f === 'string' && f.includes('.')).map((f) => f.slice(0, f.lastIndexOf('.')));
  // `true`, or any hint that is not a path, reaches anything (populatedEntities answers undefined for it).
  const hints = options.populate === undefined || options.populate === false ? [] : Array.isArray(options.populate) ? (options.populate as unknown[]) : [options.populate];
  const reached = populatedEntities(root, [...hints, ...joined]);
  const seen = new Set<EntityMetadata>();
  const eager = (meta: EntityMetadata) => {
    if (seen.has(meta)) return;
    seen.add(meta);
    for (const relation of meta.relations as { eager?: boolean; targetMeta?: EntityMetadata }[]) {
      if (!relation.eager) continue;
      reached.push(relation.targetMeta?.class as EntityClass<object> | undefined);
      if (relation.targetMeta) eager(relation.targetMeta);
    }
  };
  eager(root);
  return reached;
}

/**
 * The entities a condition or an ordering joins: a relation given a nested condition
 * (`{ member: { status: … } }`) or ordered by a field of its own (`{ member: { lastName: 'asc' } }`)
 * is read in the same statement, from the same server. A relation compared by its key
 * (`{ member: id }`, `{ member: { $in: ids } }`) joins nothing.
 */
export function filteredEntities(root: EntityMetadata, condition: unknown, depth = 0): (EntityClass<object> | undefined)[] {
  if (depth > 8) return [undefined]; // deeper than any condition we write: the primary
  if (Array.isArray(condition)) return condition.flatMap((c) => filteredEntities(root, c, depth + 1));
  if (condition === null || typeof condition !== 'object') return [];
  const reached: (EntityClass<object> | undefined)[] = [];
  for (const [key, value] of Object.entries(condition as Record<string, unknown>)) {
    if (key.startsWith('$')) {
      reached.push(...filteredEntities(root, value, depth + 1)); // $and, $or, $not: the same entity's conditions
      continue;
    }
    const target = (root.properties[key as never] as { targetMeta?: EntityMetadata } | undefined)?.targetMeta;
    if (!target || value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    if (Object.keys(value).every((k) => k.startsWith('$'))) continue; // operators on the key itself
    reached.push(target.class as EntityClass<object>, ...filteredEntities(target, value, depth + 1));
  }
  return reached;
}

const replicaSafe = Symbol('entities this fork reads from the replica');

/** What of a find's options choosing its connection reads. */
export interface RoutedOptions {
  connectionType?: ConnectionType;
  populate?: unknown;
  fields?: unknown;
  orderBy?: unknown;
  lockMode?: unknown;
  ctx?: unknown;
}

/**
 * The subgraphs' EntityManager (openDatabase sets it as MikroORM's `entityManager`): MikroORM's own,
 * which on a fork marked by readFromReplica sends the finds connectionForFind allows to the replica.
 * Forks it makes (transactions among them) are unmarked: they read the primary.
 */
export class ReplicaRoutingEntityManager extends PostgreSqlEntityManager {
  [replicaSafe]?: ReadonlySet<EntityClass<object>>;
}

/** The connection a find, findOne or count on `em` goes to with this condition and these options: what the methods below hand MikroORM. */
export function connectionOfFind(em: object, entityName: EntityName<object>, options?: RoutedOptions, where?: unknown): ConnectionType {
  const safe = em instanceof ReplicaRoutingEntityManager ? em[replicaSafe] : undefined;
  if (options?.connectionType) return options.connectionType;
  if (!safe) return 'write';
  const meta = (em as ReplicaRoutingEntityManager).getMetadata().find(entityName);
  return connectionForFind(safe, {
    entities: meta ? [meta.class, ...loadedEntities(meta, options), ...filteredEntities(meta, where), ...filteredEntities(meta, options?.orderBy)] : [undefined],
    inTransaction: (em as ReplicaRoutingEntityManager).isInTransaction() || options?.ctx !== undefined,
    locked: options?.lockMode !== undefined,
  });
}

// find, findOne, count and countBy take (entity, where or groupBy, options); MikroORM's findAll,
// findAndCount, findByCursor and findOneOrFail call them on the same EntityManager. Replaced on the
// prototype so the generic signatures stay MikroORM's own.
for (const method of ['find', 'findOne', 'count', 'countBy'] as const) {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the EntityManager as `this`
  const base = PostgreSqlEntityManager.prototype[method] as (this: PostgreSqlEntityManager, entityName: EntityName<object>, second: unknown, options?: RoutedOptions) => Promise<unknown>;
  Object.defineProperty(ReplicaRoutingEntityManager.prototype, method, {
    configurable: true,
    writable: true,
    value(this: ReplicaRoutingEntityManager, entityName: EntityName<object>, second: unknown, options?: RoutedOptions) {
      // Only a move to the replica changes the options; MikroORM's own default (primary) is left as it was.
      // countBy's second argument groups, it does not filter.
      const where = method === 'countBy' ? undefined : second;
      const routed = !options?.connectionType && connectionOfFind(this, entityName, options, where) === 'read' ? { ...options, connectionType: 'read' as const } : options;
      return base.call(this, entityName, second, routed);
    },
  });
}

/** Marks a request's fork: its finds of `entities` (the subgraph's `replicaSafe`) go to the replica, as connectionForFind decides. */
export function readFromReplica<EM>(fork: EM, entities: readonly EntityClass<object>[]): EM {
  if (fork instanceof ReplicaRoutingEntityManager && entities.length > 0) fork[replicaSafe] = new Set(entities);
  return fork;
}
