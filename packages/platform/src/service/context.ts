import type { IncomingMessage } from 'node:http';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

type Connection = ReturnType<EntityManager['getConnection']>;
import { peerTokenHeader } from '@mutual-graph/policy';
import { type HopClaims, type HopRequest } from '@mutual-graph/hop';
import { badUserInput, isUuid } from '../graphql/input.js';
import type { GatewayNotice } from './gateway-notices.js';
import { annotateSpan } from '../observability/span-attributes.js';
import { readFromReplica } from '../database/read-replica.js';

/**
 * What every resolver of a subgraph sees for one request, built in one function, per request:
 * who is asking and why (from the gateway's signed hop token, verified before anything else),
 * its own EntityManager fork (identity map scoped to the request) and its own dataloaders
 * (batching and caching scoped to the request, so nothing leaks between callers). The fork and
 * the loaders are made when the request first reaches for them: a request that reads no entity
 * (one statement on `connection`, or a field the shield refuses) costs no fork.
 */
export interface SubgraphContext<Loaders> {
  requestId: string;
  hop: HopClaims;
  /**
   * Tokens the gateway signed for this subgraph's requests to its peers under this request (one per
   * peer, each bound to the one declared query it may ask: see PEER_CALLS), by peer name.
   */
  peerTokens: Record<string, string>;
  /** URLs of the other subgraphs this one asks (its definition's `peers`), by name. */
  peers: Record<string, string>;
  em: EntityManager;
  /** The subgraph's database connection, for a statement that needs no entity (no identity map, no fork). */
  connection: Connection;
  /**
   * EntityManagers of the subgraph's isolated stores, by name; only the code that needs one reaches
   * for it, and each is forked on that first reach (a request that never touches a store pays nothing for it).
   */
  stores: Record<string, EntityManager>;
  loaders: Loaders;
  /** Facts for the gateway to act on before it answers (see gateway-notices.ts). */
  notices: GatewayNotice[];
  /** Members whose personal fields this request resolved, reported to the gateway's audit (see members-read.ts). */
  membersRead: Set<string>;
}

/**
 * The member the request's token names: what self-service acts on, and nothing else. A claim that
 * is no member id names no member (it would otherwise reach the database as it came); lower case,
 * as the shield compares it.
 */
export function callerMemberId({ hop }: { hop: HopClaims }): string {
  if (!isUuid(hop.principal.memberId)) throw badUserInput('memberId', 'this token names no member');
  return hop.principal.memberId.toLowerCase();
}

/** Who is asking and why, and where the other subgraphs are: what a loader needs to ask a peer. */
export type LoaderRequest = Pick<SubgraphContext<unknown>, 'hop' | 'peerTokens' | 'peers'>;

/** Builds a request's loaders from its EntityManager, by name those of its isolated stores, and the request. */
export type LoaderFactory<Loaders> = (em: EntityManager, stores: Record<string, EntityManager>, request: LoaderRequest) => Loaders;
export type HopVerifier = (request: HopRequest) => Promise<HopClaims>;

/**
 * A maker of a request's isolated-store EntityManagers: each forked when the request first reads
 * it, then kept for the rest of the request (the getters are made once, on a prototype).
 */
function lazyForks(stores: Record<string, MikroORM>): () => Record<string, EntityManager> {
  const made = Symbol('forks');
  const prototype = {};
  for (const [name, store] of Object.entries(stores)) {
    Object.defineProperty(prototype, name, {
      enumerable: true,
      get(this: { [made]: Map<string, EntityManager> }) {
        let fork = this[made].get(name);
        if (!fork) this[made].set(name, (fork = store.em.fork()));
        return fork;
      },
    });
  }
  return () => Object.create(prototype, { [made]: { value: new Map() } }) as Record<string, EntityManager>;
}

/** What a request's context makes on first use, kept under a symbol (Apollo Server's copy of the context shares it). */
const onFirstUse = Symbol('made on first use');

/**
 * A request's context. The fork and the loaders are getters on the prototype, made on first use:
 * Apollo Server runs every operation on a copy of the context (`Object.assign` of its own
 * properties), which would call getters of its own, and make both, on every request.
 */
class RequestContext<Loaders> implements SubgraphContext<Loaders> {
  readonly requestId: string;
  readonly notices: GatewayNotice[] = [];
  readonly membersRead = new Set<string>();
  readonly [onFirstUse]: {
    orm: MikroORM;
    createLoaders: LoaderFactory<Loaders>;
    /** The entities this request's finds may read from the replica; set by allowReplicaReads once the operation is known to be a client's query. */
    replicaSafe?: readonly EntityClass<object>[];
    em?: EntityManager;
    loaders?: Loaders;
  };

  constructor(
    readonly hop: HopClaims,
    readonly peerTokens: Record<string, string>,
    readonly peers: Record<string, string>,
    readonly connection: Connection,
    readonly stores: Record<string, EntityManager>,
    orm: MikroORM,
    createLoaders: LoaderFactory<Loaders>,
  ) {
    this.requestId = hop.requestId;
    this[onFirstUse] = { orm, createLoaders };
  }

  get em(): EntityManager {
    const made = this[onFirstUse];
    return (made.em ??= readFromReplica(made.orm.em.fork(), made.replicaSafe ?? []));
  }

  get loaders(): Loaders {
    const made = this[onFirstUse];
    return (made.loaders ??= made.createLoaders(this.em, this.stores, { hop: this.hop, peerTokens: this.peerTokens, peers: this.peers }));
  }
}

/**
 * Lets the request's fork read `replicaSafe` entities from the replica (read-replica.ts), when called
 * before anything reached for the fork (the operation is known before any resolver runs); afterwards,
 * or on anything but a request's context, it changes nothing and every read stays on the primary.
 */
export function allowReplicaReads(context: unknown, replicaSafe: readonly EntityClass<object>[]): void {
  if (!(context instanceof RequestContext)) return;
  const made = (context as RequestContext<unknown>)[onFirstUse];
  if (made.em === undefined) made.replicaSafe = replicaSafe;
}

export function subgraphContextFactory<Loaders>(orm: MikroORM, stores: Record<string, MikroORM>, createLoaders: LoaderFactory<Loaders>, verifyHop: HopVerifier, peers: Record<string, string> = {}) {
  const connection = orm.em.getConnection();
  const storeForks = lazyForks(stores);
  return async ({ req }: { req: IncomingMessage & { body?: { query?: unknown; variables?: unknown; operationName?: unknown } } }): Promise<SubgraphContext<Loaders>> => {
    // Refuses (UNAUTHENTICATED) anything the gateway did not sign for this subgraph and this very
    // request, `_entities` and `_service` included. The gateway POSTs every request, and only a POST
    // runs its body: a GET runs its query string whatever JSON body it carries, so a GET (or a batch)
    // is checked as carrying no operation, and refused.
    const body = req.method !== 'POST' || Array.isArray(req.body) ? undefined : req.body;
    const hop = await verifyHop({ authorization: req.headers.authorization, query: body?.query, variables: body?.variables });
    annotateSpan({ purpose: hop.purpose, 'request.id': hop.requestId });
    const peerTokens: Record<string, string> = {};
    for (const peer of Object.keys(peers)) {
      const token = req.headers[peerTokenHeader(peer)];
      if (typeof token === 'string') peerTokens[peer] = token;
    }
    return new RequestContext(hop, peerTokens, peers, connection, storeForks(), orm, createLoaders);
  };
}
