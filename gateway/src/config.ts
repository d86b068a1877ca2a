import { readVariables, type VariableSpecs } from '@mutual-graph/platform';
import type { JWK } from 'jose';
import type { AuthenticationConfig } from './authentication.js';
import { DEFAULT_LIMITS, limitsFrom, type OperationLimits } from './limits.js';
import type { IntrospectionMode } from './plugins/operation-policy.js';
import { fileURLToPath } from 'node:url';
import { PARTNER_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from '@mutual-graph/schema';

export interface GatewayConfig {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  supergraphPath: string;
  /** The partner contract's supergraph, served on /partner/graphql. */
  partnerSupergraphPath: string;
  /** Folder of the partner operations that may run (`.graphql` files). */
  partnerOperationsDir: string;
  /** Subgraph URL by subgraph name, overriding the URL composed into the supergraph. */
  subgraphUrls: Record<string, string>;
  /** Serve Apollo Sandbox to browsers on GET /graphql. */
  sandbox: boolean;
  authentication: AuthenticationConfig;
  /** The gateway's own key (Ed25519 private JWK) for the tokens it signs to subgraphs. */
  hopPrivateKey: JWK;
  /** PostgreSQL URL as role mg_audit, for the audit records. */
  auditDatabaseUrl: string;
  /** Operation and request limits per graph (default DEFAULT_LIMITS). */
  limits?: Record<'internal' | 'partner', OperationLimits>;
  /** Who may introspect the internal graph (the partner graph: nobody); default all. */
  introspection?: IntrospectionMode;
}

/** Registered partner operations, kept in the repository beside the gateway's sources. */
export const PARTNER_OPERATIONS_DIR = fileURLToPath(new URL('../partner-operations', import.meta.url));

export const DEV_ISSUER = 'mutual-graph-dev';
export const DEV_AUDIENCE = 'mutual-graph';

const SUBGRAPH_URL = /^([A-Z]+)_SUBGRAPH_URL$/;

export const GATEWAY_VARIABLES = {
  DATABASE_URL: { required: true, description: 'PostgreSQL URL as role mg_audit: every operation, allowed or refused, is recorded there before it runs' },
  HOST: { required: false, description: 'Address to bind (default 127.0.0.1)' },
  PORT: { required: false, description: 'Port (default 4000)' },
  SUPERGRAPH_PATH: { required: false, description: 'Composed supergraph to serve and watch (default schema/supergraph.graphql)' },
  PARTNER_SUPERGRAPH_PATH: { required: false, description: "The partner contract's supergraph (default schema/supergraph.partner.graphql)" },
  PARTNER_OPERATIONS_DIR: { required: false, description: 'The registered partner operations (default gateway/partner-operations)' },
  GATEWAY_SANDBOX: { required: false, description: 'false turns off the Apollo Sandbox landing page (default on)' },
  AUTH_JWKS_URL: { required: false, description: "Production: the identity provider's JWKS address (or AUTH_PUBLIC_KEY)" },
  AUTH_PUBLIC_KEY: { required: false, description: 'Development: the one public key (JWK, JSON) tokens are signed with (or AUTH_JWKS_URL)' },
  AUTH_ISSUER: { required: false, description: `Expected token issuer (default ${'mutual-graph-dev'})` },
  AUTH_AUDIENCE: { required: false, description: `Expected token audience (default ${'mutual-graph'})` },
  LOG_LEVEL: { required: false, description: 'fatal, error, warn, info (default), debug or silent' },
  'OTEL_*': { required: false, pattern: /^OTEL_[A-Z_]+$/, description: 'OpenTelemetry SDK settings (OTEL_EXPORTER_OTLP_ENDPOINT turns tracing on; OTEL_SERVICE_NAME, …)' },
  GATEWAY_LIMITS_INTERNAL: { required: false, description: 'JSON overriding the internal graph\'s limits: maxDepth, maxAliases, maxDirectives, maxTokens, maxCost, maxBodyBytes, maxBatch (defaults 12, 30, 50, 3000, 50000, 262144, 10)' },
  GATEWAY_LIMITS_PARTNER: { required: false, description: 'JSON overriding the partner graph\'s limits, same keys (defaults 4, 2, 2, 200, 200, 8192, 1: no batches)' },
  GATEWAY_INTROSPECTION: { required: false, description: 'all, or analysts (only tokens with the analyst role); default analysts when NODE_ENV=production, else all. The partner graph never' },
  GATEWAY_HOP_PRIVATE_KEY: { required: true, description: "The gateway's Ed25519 private key (JWK, JSON) for the tokens it signs to subgraphs" },
  '<NAME>_SUBGRAPH_URL': {
    required: false,
    pattern: SUBGRAPH_URL,
    description: 'Where subgraph <name> answers, e.g. MEMBER_SUBGRAPH_URL (default: the URL composed into the supergraph)',
  },
} satisfies VariableSpecs;

/** Reads the gateway's configuration from GATEWAY_VARIABLES, which the README lists. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const values = readVariables(GATEWAY_VARIABLES, env);
  if (!values.AUTH_JWKS_URL && !values.AUTH_PUBLIC_KEY) throw new Error('set AUTH_JWKS_URL (production) or AUTH_PUBLIC_KEY (development) to verify tokens');
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = SUBGRAPH_URL.exec(key);
    if (match && value) subgraphUrls[match[1]!.toLowerCase()] = value;
  }
  return {
    host: values.HOST ?? '127.0.0.1',
    port: values.PORT ? Number(values.PORT) : 4000,
    supergraphPath: values.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH,
    partnerSupergraphPath: values.PARTNER_SUPERGRAPH_PATH ?? PARTNER_SUPERGRAPH_PATH,
    partnerOperationsDir: values.PARTNER_OPERATIONS_DIR ?? PARTNER_OPERATIONS_DIR,
    subgraphUrls,
    sandbox: values.GATEWAY_SANDBOX !== 'false',
    authentication: {
      ...(values.AUTH_JWKS_URL ? { jwksUrl: values.AUTH_JWKS_URL } : {}),
      ...(values.AUTH_PUBLIC_KEY ? { publicKey: JSON.parse(values.AUTH_PUBLIC_KEY) as JWK } : {}),
      issuer: values.AUTH_ISSUER ?? DEV_ISSUER,
      audience: values.AUTH_AUDIENCE ?? DEV_AUDIENCE,
    },
    hopPrivateKey: JSON.parse(required(values.GATEWAY_HOP_PRIVATE_KEY, 'GATEWAY_HOP_PRIVATE_KEY')) as JWK,
    auditDatabaseUrl: required(values.DATABASE_URL, 'DATABASE_URL'),
    limits: {
      internal: limitsFrom(DEFAULT_LIMITS.internal, values.GATEWAY_LIMITS_INTERNAL, 'GATEWAY_LIMITS_INTERNAL'),
      partner: limitsFrom(DEFAULT_LIMITS.partner, values.GATEWAY_LIMITS_PARTNER, 'GATEWAY_LIMITS_PARTNER'),
    },
    introspection: introspectionMode(values.GATEWAY_INTROSPECTION, env.NODE_ENV),
  };
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is not set; see the README's environment table`);
  return value;
}

function introspectionMode(value: string | undefined, nodeEnv: string | undefined): IntrospectionMode {
  if (value === undefined) return nodeEnv === 'production' ? 'analysts' : 'all';
  if (value !== 'all' && value !== 'analysts') throw new Error('GATEWAY_INTROSPECTION must be all or analysts');
  return value;
}
