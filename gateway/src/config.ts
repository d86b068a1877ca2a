import { SUPERGRAPH_PATH } from '@mutual-graph/schema';

export interface GatewayConfig {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  supergraphPath: string;
  /** Subgraph URL by subgraph name, overriding the URL composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  /** Serve Apollo Sandbox to browsers on GET /graphql. */
  sandbox: boolean;
}

const SUBGRAPH_URL = /^([A-Z]+)_SUBGRAPH_URL$/;

/** Reads the gateway's configuration; every variable is listed in the README. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = SUBGRAPH_URL.exec(key);
    if (match && value) subgraphUrls[match[1]!.toLowerCase()] = value;
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT ? Number(env.PORT) : 4000,
    supergraphPath: env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH,
    subgraphUrls,
    sandbox: env.GATEWAY_SANDBOX !== 'false',
  };
}
