import { readVariables, type VariableSpecs } from '@mutual-graph/platform';
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

export const GATEWAY_VARIABLES = {
  HOST: { required: false, description: 'Address to bind (default 127.0.0.1)' },
  PORT: { required: false, description: 'Port (default 4000)' },
  SUPERGRAPH_PATH: { required: false, description: 'Composed supergraph to serve and watch (default schema/supergraph.graphql)' },
  GATEWAY_SANDBOX: { required: false, description: 'false turns off the Apollo Sandbox landing page (default on)' },
  '<NAME>_SUBGRAPH_URL': {
    required: false,
    pattern: SUBGRAPH_URL,
    description: 'Where subgraph <name> answers, e.g. MEMBER_SUBGRAPH_URL (default: the URL composed into the supergraph)',
  },
} satisfies VariableSpecs;

/** Reads the gateway's configuration from GATEWAY_VARIABLES, which the README lists. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const values = readVariables(GATEWAY_VARIABLES, env);
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = SUBGRAPH_URL.exec(key);
    if (match && value) subgraphUrls[match[1]!.toLowerCase()] = value;
  }
  return {
    host: values.HOST ?? '127.0.0.1',
    port: values.PORT ? Number(values.PORT) : 4000,
    supergraphPath: values.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH,
    subgraphUrls,
    sandbox: values.GATEWAY_SANDBOX !== 'false',
  };
}
