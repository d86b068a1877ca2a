import { join } from 'node:path';
import type { SubgraphDefinition } from '@mutual-graph/platform';
import type { JWK } from 'jose';
import { ROOT } from './paths.js';
import { DATABASE_OWNERS } from './subgraphs.js';

/** The built entry point of a service: `subgraphs/<name>/dist/server.js`, or the gateway's. */
export function serviceScript(service: string): string {
  return service === 'gateway' ? join(ROOT, 'gateway', 'dist', 'server.js') : join(ROOT, 'subgraphs', service, 'dist', 'server.js');
}

/**
 * The environment a subgraph process runs with: its own database role (and its isolated stores'),
 * where its peers answer, the gateway's public key, its port.
 */
export function subgraphEnvironment(subgraph: Pick<SubgraphDefinition<unknown>, 'name' | 'peers'>, settings: {
  ownerUrls: Record<string, string>;
  peerUrl: (peer: string) => string;
  hopPublicJwk: JWK;
  port: number;
}): Record<string, string> {
  return {
    ...Object.fromEntries(DATABASE_OWNERS.filter((o) => o.service === subgraph.name).map((o) => [o.variable, settings.ownerUrls[o.name]!])),
    ...Object.fromEntries((subgraph.peers ?? []).map((peer) => [`${peer.toUpperCase()}_SUBGRAPH_URL`, settings.peerUrl(peer)])),
    GATEWAY_HOP_PUBLIC_KEY: JSON.stringify(settings.hopPublicJwk),
    PORT: String(settings.port),
    HOST: '127.0.0.1',
  };
}

/** The environment the gateway process runs with: the audit role, the token keys, every subgraph's address, its port. */
export function gatewayEnvironment(settings: {
  ownerUrls: Record<string, string>;
  issuerPublicJwk: JWK;
  hopPrivateJwk: JWK;
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
}): Record<string, string> {
  return {
    PORT: String(settings.port),
    AUTH_PUBLIC_KEY: JSON.stringify(settings.issuerPublicJwk),
    ...Object.fromEntries(DATABASE_OWNERS.filter((o) => o.service === 'gateway').map((o) => [o.variable, settings.ownerUrls[o.name]!])),
    GATEWAY_HOP_PRIVATE_KEY: JSON.stringify(settings.hopPrivateJwk),
    HOST: settings.host ?? '127.0.0.1',
    ...Object.fromEntries(Object.entries(settings.subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_SUBGRAPH_URL`, url])),
  };
}
