import { join } from 'node:path';
import type { SubgraphDefinition } from '@mutual-graph/platform';
import type { JWK } from 'jose';
import { ROOT } from './paths.js';
import { onStandby } from './standby.js';
import { DATABASE_OWNERS, EFFECTS_LOGIN } from './subgraphs.js';

/** The built entry point of a service: `subgraphs/<name>/dist/server.js`, the gateway's, or the effects worker's (in the gateway's workspace). */
export function serviceScript(service: string): string {
  if (service === 'gateway') return join(ROOT, 'gateway', 'dist', 'server.js');
  if (service === 'effects') return join(ROOT, 'gateway', 'dist', 'effects', 'server.js');
  return join(ROOT, 'subgraphs', service, 'dist', 'server.js');
}

/**
 * The environment a subgraph process runs with: its own database role (and its isolated stores'),
 * where its peers answer, the gateway's public key, its port.
 */
export function subgraphEnvironment(
  subgraph: Pick<SubgraphDefinition<unknown>, 'name' | 'peers'>,
  settings: {
    ownerUrls: Record<string, string>;
    peerUrl: (peer: string) => string;
    hopPublicJwk: JWK;
    port: number;
    /** A read replica's administrator URL: the subgraph's own role there becomes its DATABASE_REPLICA_URL. */
    replicaAdminUrl?: string;
    /** How far behind the replica may be and still serve reads (DATABASE_REPLICA_MAX_LAG_MS). */
    replicaMaxLagMs?: number;
  },
): Record<string, string> {
  const replicaAdminUrl = settings.replicaAdminUrl;
  return {
    ...Object.fromEntries(DATABASE_OWNERS.filter((o) => o.service === subgraph.name).map((o) => [o.variable, settings.ownerUrls[o.name]])),
    ...(replicaAdminUrl ? { DATABASE_REPLICA_URL: onStandby(settings.ownerUrls[subgraph.name], replicaAdminUrl) } : {}),
    ...(replicaAdminUrl && settings.replicaMaxLagMs !== undefined ? { DATABASE_REPLICA_MAX_LAG_MS: String(settings.replicaMaxLagMs) } : {}),
    ...Object.fromEntries((subgraph.peers ?? []).map((peer) => [`${peer.toUpperCase()}_SUBGRAPH_URL`, settings.peerUrl(peer)])),
    GATEWAY_HOP_PUBLIC_KEY: JSON.stringify(settings.hopPublicJwk),
    PORT: String(settings.port),
    HOST: '127.0.0.1',
  };
}

/** How the gateway verifies callers' tokens: the one development key, or an identity provider's JWKS (as in production). */
export type GatewayAuthentication = { publicJwk: JWK } | { jwksUrl: string; issuer: string; audience: string; claims: 'contract' | 'keycloak' | 'entra'; tokenType?: string };

export const isJwksAuthentication = (authentication: GatewayAuthentication): authentication is Extract<GatewayAuthentication, { jwksUrl: string }> => 'jwksUrl' in authentication;

function authenticationEnvironment(authentication: GatewayAuthentication): Record<string, string> {
  if (!isJwksAuthentication(authentication)) return { AUTH_PUBLIC_KEY: JSON.stringify(authentication.publicJwk) };
  return {
    AUTH_JWKS_URL: authentication.jwksUrl,
    AUTH_ISSUER: authentication.issuer,
    AUTH_AUDIENCE: authentication.audience,
    AUTH_CLAIMS: authentication.claims,
    ...(authentication.tokenType ? { AUTH_TOKEN_TYPE: authentication.tokenType } : {}),
  };
}

/** The environment the gateway process runs with: the audit role, how callers' tokens are verified, the hop key, every subgraph's address, its port. */
export function gatewayEnvironment(settings: {
  ownerUrls: Record<string, string>;
  authentication: GatewayAuthentication;
  hopPrivateJwk: JWK;
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
}): Record<string, string> {
  return {
    PORT: String(settings.port),
    ...authenticationEnvironment(settings.authentication),
    ...Object.fromEntries(DATABASE_OWNERS.filter((o) => o.service === 'gateway').map((o) => [o.variable, settings.ownerUrls[o.name]])),
    GATEWAY_HOP_PRIVATE_KEY: JSON.stringify(settings.hopPrivateJwk),
    HOST: settings.host ?? '127.0.0.1',
    ...Object.fromEntries(Object.entries(settings.subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_SUBGRAPH_URL`, url])),
  };
}

/** The environment the effects worker runs with: its own role (the outboxes only), the hop key, where the receiving subgraphs answer, its port. */
export function effectsEnvironment(settings: { ownerUrls: Record<string, string>; hopPrivateJwk: JWK; subgraphUrls: Record<string, string>; port: number }): Record<string, string> {
  return {
    DATABASE_URL: settings.ownerUrls[EFFECTS_LOGIN],
    GATEWAY_HOP_PRIVATE_KEY: JSON.stringify(settings.hopPrivateJwk),
    PORT: String(settings.port),
    HOST: '127.0.0.1',
    ...Object.fromEntries(Object.entries(settings.subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_SUBGRAPH_URL`, url])),
  };
}
