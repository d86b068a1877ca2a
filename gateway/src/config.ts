import { ConfigurationError, described, environmentSchema, familyValues, jsonOf, OTEL_VARIABLES, port, readEnvironment, requiredText, SERVICE_VARIABLES } from '@mutual-graph/platform';
import { z } from 'zod';
import { relative } from 'node:path';
import type { JWK } from 'jose';
import type { AuthenticationConfig } from './authentication.js';
import { DEFAULT_LIMITS, type OperationLimits } from './limits.js';
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

/** The repository's root, for showing default paths as the README does. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const shownPath = (path: string) => relative(ROOT, path);

const limitsOverride = (defaults: OperationLimits) =>
  jsonOf(
    z.strictObject(
      Object.fromEntries(Object.keys(defaults).map((key) => [key, z.number().int().min(1, 'must be a whole number of at least 1').optional()])) as Record<
        keyof OperationLimits,
        z.ZodOptional<z.ZodNumber>
      >,
    ),
  )
    .optional()
    .transform((given): OperationLimits => ({ ...defaults, ...(given as Partial<OperationLimits>) }));

const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS.internal)
  .map((key) => `\`${key}\``)
  .join(', ');

/** The gateway's environment: every variable it reads, its type, default and meaning (the README's table is generated from it). */
export const GATEWAY_ENVIRONMENT = environmentSchema(
  {
    DATABASE_URL: described(requiredText(), 'PostgreSQL URL as role `mg_audit`: every operation, allowed or refused, is recorded there before it runs'),
    GATEWAY_HOP_PRIVATE_KEY: described(jsonOf(z.record(z.string(), z.unknown())), "the gateway's Ed25519 private key (JWK, JSON) for the tokens it signs to subgraphs"),
    AUTH_JWKS_URL: described(z.string().optional(), "production: the identity provider's JWKS address (this or `AUTH_PUBLIC_KEY`)"),
    AUTH_PUBLIC_KEY: described(
      jsonOf(z.record(z.string(), z.unknown())).optional(),
      "development: the one public key (JWK, JSON) tokens are signed with (`npm start` passes the development issuer's; this or `AUTH_JWKS_URL`)",
    ),
    AUTH_ISSUER: described(z.string().default(DEV_ISSUER), 'expected token issuer'),
    AUTH_AUDIENCE: described(z.string().default(DEV_AUDIENCE), 'expected token audience'),
    HOST: described(z.string().default('127.0.0.1'), 'address to bind'),
    PORT: described(port().default(4000), 'port'),
    SUPERGRAPH_PATH: described(z.string().default(SUPERGRAPH_PATH), 'composed supergraph to serve and watch', shownPath(SUPERGRAPH_PATH)),
    PARTNER_SUPERGRAPH_PATH: described(z.string().default(PARTNER_SUPERGRAPH_PATH), "the partner contract's supergraph", shownPath(PARTNER_SUPERGRAPH_PATH)),
    PARTNER_OPERATIONS_DIR: described(z.string().default(PARTNER_OPERATIONS_DIR), 'the registered partner operations', shownPath(PARTNER_OPERATIONS_DIR)),
    GATEWAY_SANDBOX: described(z.stringbool().default(true), '`false` turns the Apollo Sandbox landing page off'),
    GATEWAY_LIMITS_INTERNAL: described(limitsOverride(DEFAULT_LIMITS.internal), `JSON overriding some of the internal graph's limits (${LIMIT_KEYS}), each a whole number of at least 1`),
    GATEWAY_LIMITS_PARTNER: described(limitsOverride(DEFAULT_LIMITS.partner), "JSON overriding some of the partner graph's limits, same keys (`maxBatch` 1: no batches)"),
    GATEWAY_INTROSPECTION: described(
      z.enum(['all', 'analysts'], { error: 'must be all or analysts' }).optional(),
      '`all`, or `analysts` (only tokens with the `analyst` role may introspect the internal graph); default `analysts` when `NODE_ENV=production`, else `all`. The partner graph is never introspectable',
    ),
    ...SERVICE_VARIABLES,
  },
  {
    'OTEL_*': OTEL_VARIABLES,
    '<NAME>_SUBGRAPH_URL': { pattern: /^([A-Z]+)_SUBGRAPH_URL$/, description: 'where subgraph `<name>` answers, e.g. `MEMBER_SUBGRAPH_URL` (default: the URL composed into the supergraph)' },
  },
);

/** Reads the gateway's configuration from GATEWAY_ENVIRONMENT; a ConfigurationError naming each variable at fault otherwise. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const values = readEnvironment(GATEWAY_ENVIRONMENT, env);
  if (!values.AUTH_JWKS_URL && !values.AUTH_PUBLIC_KEY) throw new ConfigurationError('set AUTH_JWKS_URL (production) or AUTH_PUBLIC_KEY (development) to verify tokens');
  return {
    host: values.HOST,
    port: values.PORT,
    supergraphPath: values.SUPERGRAPH_PATH,
    partnerSupergraphPath: values.PARTNER_SUPERGRAPH_PATH,
    partnerOperationsDir: values.PARTNER_OPERATIONS_DIR,
    subgraphUrls: familyValues(GATEWAY_ENVIRONMENT.families['<NAME>_SUBGRAPH_URL'], env),
    sandbox: values.GATEWAY_SANDBOX,
    authentication: {
      ...(values.AUTH_JWKS_URL ? { jwksUrl: values.AUTH_JWKS_URL } : {}),
      ...(values.AUTH_PUBLIC_KEY ? { publicKey: values.AUTH_PUBLIC_KEY } : {}),
      issuer: values.AUTH_ISSUER,
      audience: values.AUTH_AUDIENCE,
    },
    hopPrivateKey: values.GATEWAY_HOP_PRIVATE_KEY,
    auditDatabaseUrl: values.DATABASE_URL,
    limits: { internal: values.GATEWAY_LIMITS_INTERNAL, partner: values.GATEWAY_LIMITS_PARTNER },
    introspection: values.GATEWAY_INTROSPECTION ?? (env.NODE_ENV === 'production' ? 'analysts' : 'all'),
  };
}
