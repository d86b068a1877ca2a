import type { Purpose } from '@mutual-graph/policy';

/** Who is asking, as the verified token says. */
export interface Principal {
  sub: string;
  roles: string[];
  /** The purposes of use this principal may declare. */
  purposes: Purpose[];
  memberId?: string;
  partnerId?: string;
}

/** What the gateway tells a subgraph about a request, in the token it signs for the hop. */
export interface HopClaims {
  principal: Principal;
  purpose: Purpose;
  requestId: string;
  /**
   * Set only on the gateway's own follow-up calls that carry out what a request's subgraphs asked
   * for (recording a disclosure or a consent): the one gateway-only field (`Mutation.…`) the token
   * may call. Never on a client's operation.
   */
  effect?: string;
  /**
   * Set when the token is a peer token: bound to one declared peer call's query (any variables),
   * which a subgraph asks of another under the request, never the gateway's plan for a client.
   */
  peerCall?: true;
  /**
   * What the client's operation is, once the gateway has resolved it: a subgraph answers a fetch
   * from its read replica only under a client's query (a mutation's follow-up fetches read with its
   * writes). Absent on tokens signed before the operation was known: the primary, then.
   */
  clientOperation?: ClientOperation;
}

/** The client operations the gateway resolves (GraphQL's operation types). */
export type ClientOperation = 'query' | 'mutation' | 'subscription';
const CLIENT_OPERATIONS: readonly string[] = ['query', 'mutation', 'subscription'];
export const isClientOperation = (value: unknown): value is ClientOperation => typeof value === 'string' && CLIENT_OPERATIONS.includes(value);

/** Issuer of the gateway-to-subgraph token; its audience is the one subgraph it is for. */
export const HOP_ISSUER = 'mutual-graph-gateway';
/** Seconds a hop token lives: long enough for one request's fetches, too short to replay usefully. */
export const HOP_TTL_SECONDS = 60;
