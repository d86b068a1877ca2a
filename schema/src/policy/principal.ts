import type { Purpose } from './vocabulary.js';

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
   * for (recording a disclosure or a consent); never on a client's operation.
   */
  effect?: boolean;
}

/** Issuer and audience of the gateway-to-subgraph token. */
export const HOP_ISSUER = 'mutual-graph-gateway';
export const HOP_AUDIENCE = 'mutual-graph-subgraphs';
/** Seconds a hop token lives: long enough for one request's fetches, too short to replay usefully. */
export const HOP_TTL_SECONDS = 60;
