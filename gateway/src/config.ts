import { ConfigurationError, described, environmentSchema, familyValues, jsonOf, OTEL_VARIABLES, port, readEnvironment, requiredText, SERVICE_VARIABLES, wholeNumber } from '@mutual-graph/platform';
import { z } from 'zod';
import { relative } from 'node:path';
import type { JWK } from 'jose';
import { ASYMMETRIC_ALGORITHMS, type AuthenticationConfig } from './authentication/authenticator.js';
import { CLAIM_PRESET_NAMES, CLAIM_PRESETS, REQUESTED_CLAIMS, type ClaimMapping } from './authentication/claim-mapping.js';
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

/** A comma-separated list's items, trimmed, empty ones left out. */
const commaSeparated = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** A claim's path: names joined by dots (`realm_access.roles`), or one name holding dots (`https://example.org/roles`). */
const claimPath = z.string().regex(/^[^,\s]+$/, 'must be a claim path (names joined by dots), without spaces or commas');
const grantedClaimPaths = z
  .string()
  .transform(commaSeparated)
  .refine((paths) => paths.length > 0 && paths.every((p) => !/\s/.test(p)), 'must be comma-separated claim paths')
  .refine(
    (paths) => !paths.some((p) => REQUESTED_CLAIMS.includes(p)),
    'must not be scope or scp: a client asks for its scopes, so any purpose or role could be had by asking (read what the provider grants; AUTH_PURPOSES_NARROWED_BY narrows by scope)',
  );

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
    AUTH_JWKS_URL: described(
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
      "production: the identity provider's JWKS address (this or `AUTH_PUBLIC_KEY`); needs `AUTH_ISSUER` and `AUTH_AUDIENCE`",
    ),
    AUTH_PUBLIC_KEY: described(
      jsonOf(
        z
          .record(z.string(), z.unknown())
          .refine((jwk) => jwk.kty === 'OKP' || jwk.kty === 'EC' || jwk.kty === 'RSA', 'must be a public key (kty OKP, EC or RSA), never a shared secret')
          .refine((jwk) => jwk.alg === undefined || (typeof jwk.alg === 'string' && ASYMMETRIC_ALGORITHMS.includes(jwk.alg)), `its alg must be one of ${ASYMMETRIC_ALGORITHMS.join(', ')}`),
      ).optional(),
      "development: the one public key (JWK, JSON) tokens are signed with (`npm start` passes the development issuer's; this or `AUTH_JWKS_URL`)",
    ),
    AUTH_ISSUER: described(z.string().optional(), "expected token issuer (`iss`), exactly as the provider's discovery document states it; required with `AUTH_JWKS_URL`", DEV_ISSUER),
    AUTH_AUDIENCE: described(z.string().optional(), "expected token audience (`aud`): this API's identifier at the provider; required with `AUTH_JWKS_URL`", DEV_AUDIENCE),
    AUTH_CLAIMS: described(
      z.enum(CLAIM_PRESET_NAMES, { error: `must be one of ${CLAIM_PRESET_NAMES.join(', ')}` }).default('contract'),
      "where tokens carry roles, purposes, member and partner: `contract` (the contract's `roles`, `purposes`, `memberId`, `partnerId`), `keycloak` or `entra` (see the README's Authentication); the four variables below override one part",
    ),
    AUTH_ROLES_CLAIM: described(grantedClaimPaths.optional(), 'claims holding roles, comma-separated paths (`realm_access.roles`, `resource_access.mutual-graph.roles`); never `scope` or `scp`'),
    AUTH_PURPOSES_CLAIM: described(
      grantedClaimPaths.optional(),
      'claims holding purposes of use, comma-separated paths (`realm_access.roles`, `roles`, `permissions`): what the provider grants, never `scope` or `scp`, which a client chooses by asking; values less `AUTH_PURPOSE_PREFIX`',
    ),
    AUTH_PURPOSES_NARROWED_BY: described(
      claimPath.optional(),
      'a claim the client asked for (`scope`, `scp`) that narrows the purposes when a token has it: a purpose counts only if it is there too (with the prefix); it never adds one',
    ),
    AUTH_PURPOSE_PREFIX: described(z.string().optional(), 'only values with this prefix are purposes, the prefix removed (`purpose.` in the keycloak and entra mappings)'),
    AUTH_MEMBER_ID_CLAIM: described(claimPath.optional(), "the claim holding a member's id (`member_id`)"),
    AUTH_PARTNER_ID_CLAIM: described(claimPath.optional(), "the claim holding a partner system's id (`azp`: the client's id)"),
    AUTH_PARTNER_ROLE: described(
      z.string().optional(),
      'the partner id is read only from tokens holding this role (`partner` in the keycloak and entra mappings); required with a JWKS when the partner id is a claim every token has (`azp`, `client_id`, `sub`, …)',
    ),
    AUTH_PARTNER_NOT_WITH: described(claimPath.optional(), "the partner id is read only from tokens without this claim, one only a person's token has (`scp` in the entra mapping)"),
    AUTH_TOKEN_TYPE: described(z.string().optional(), 'the JOSE header `typ` every token must carry (`at+jwt` for RFC 9068 access tokens); unset: not checked'),
    AUTH_ALGORITHMS: described(
      z
        .string()
        .transform(commaSeparated)
        .refine((algs) => algs.length > 0 && algs.every((a) => ASYMMETRIC_ALGORITHMS.includes(a)), `must be a comma-separated list of ${ASYMMETRIC_ALGORITHMS.join(', ')}`)
        .optional(),
      'signature algorithms accepted; never `none` nor a shared secret (HS*)',
      ASYMMETRIC_ALGORITHMS.join(','),
    ),
    AUTH_JWKS_REFRESH_SECONDS: described(
      wholeNumber(1, 86_400).default(300),
      "the JWKS is fetched again this often, to learn added and retired keys (a retired key's tokens are refused from then on)",
    ),
    AUTH_JWKS_COOLDOWN_SECONDS: described(
      wholeNumber(1, 3_600).default(30),
      'at least this long between two fetches of the JWKS asked for by a token under an unknown key (at least 1: else every forged `kid` would be a fetch)',
    ),
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

/** Claims every access token has (who it was issued to, whom it names). */
const EVERY_TOKENS_CLAIMS = ['azp', 'client_id', 'clientId', 'cid', 'appid', 'sub', 'oid', 'aud', 'iss', 'jti'];

/** The preset `AUTH_CLAIMS` names, each part overridden by its own variable. */
function claimMapping(values: {
  AUTH_CLAIMS: keyof typeof CLAIM_PRESETS;
  AUTH_ROLES_CLAIM?: string[];
  AUTH_PURPOSES_CLAIM?: string[];
  AUTH_PURPOSES_NARROWED_BY?: string;
  AUTH_PURPOSE_PREFIX?: string;
  AUTH_MEMBER_ID_CLAIM?: string;
  AUTH_PARTNER_ID_CLAIM?: string;
  AUTH_PARTNER_ROLE?: string;
  AUTH_PARTNER_NOT_WITH?: string;
}): ClaimMapping {
  const preset: ClaimMapping = CLAIM_PRESETS[values.AUTH_CLAIMS];
  const partnerRole = values.AUTH_PARTNER_ROLE ?? preset.partnerRole;
  const partnerNotWith = values.AUTH_PARTNER_NOT_WITH ?? preset.partnerNotWith;
  const purposesNarrowedBy = values.AUTH_PURPOSES_NARROWED_BY ?? preset.purposesNarrowedBy;
  return {
    roles: values.AUTH_ROLES_CLAIM ?? [...preset.roles],
    purposes: values.AUTH_PURPOSES_CLAIM ?? [...preset.purposes],
    purposePrefix: values.AUTH_PURPOSE_PREFIX ?? preset.purposePrefix,
    ...(purposesNarrowedBy ? { purposesNarrowedBy } : {}),
    memberId: values.AUTH_MEMBER_ID_CLAIM ?? preset.memberId,
    partnerId: values.AUTH_PARTNER_ID_CLAIM ?? preset.partnerId,
    ...(partnerRole ? { partnerRole } : {}),
    ...(partnerNotWith ? { partnerNotWith } : {}),
  };
}

/** Reads the gateway's configuration from GATEWAY_ENVIRONMENT; a ConfigurationError naming each variable at fault otherwise. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const values = readEnvironment(GATEWAY_ENVIRONMENT, env);
  if (!values.AUTH_JWKS_URL && !values.AUTH_PUBLIC_KEY) throw new ConfigurationError('set AUTH_JWKS_URL (production) or AUTH_PUBLIC_KEY (development) to verify tokens');
  if (values.AUTH_JWKS_URL && values.AUTH_PUBLIC_KEY) throw new ConfigurationError('set AUTH_JWKS_URL (production) or AUTH_PUBLIC_KEY (development), not both');
  const claims = claimMapping(values);
  // A claim every token has would make every client a partner system, unless a role says which are.
  if (values.AUTH_JWKS_URL && EVERY_TOKENS_CLAIMS.includes(claims.partnerId) && !claims.partnerRole)
    throw new ConfigurationError(`AUTH_PARTNER_ROLE: is not set, and the partner id is read from ${claims.partnerId}, which every token has: name the role that makes a client a partner system`);
  // A provider's issuer and this API's audience at it are facts of the deployment: no default fits them.
  const missing = values.AUTH_JWKS_URL ? (['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const).filter((name) => !values[name]) : [];
  if (missing.length > 0) throw new ConfigurationError(missing.map((name) => `${name}: is not set (required with AUTH_JWKS_URL)`).join('\n'));
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
      issuer: values.AUTH_ISSUER ?? DEV_ISSUER,
      audience: values.AUTH_AUDIENCE ?? DEV_AUDIENCE,
      claims,
      ...(values.AUTH_TOKEN_TYPE ? { tokenType: values.AUTH_TOKEN_TYPE } : {}),
      ...(values.AUTH_ALGORITHMS ? { algorithms: values.AUTH_ALGORITHMS } : {}),
      jwksRefreshMs: values.AUTH_JWKS_REFRESH_SECONDS * 1000,
      jwksCooldownMs: values.AUTH_JWKS_COOLDOWN_SECONDS * 1000,
    },
    hopPrivateKey: values.GATEWAY_HOP_PRIVATE_KEY,
    auditDatabaseUrl: values.DATABASE_URL,
    limits: { internal: values.GATEWAY_LIMITS_INTERNAL, partner: values.GATEWAY_LIMITS_PARTNER },
    introspection: values.GATEWAY_INTROSPECTION ?? (env.NODE_ENV === 'production' ? 'analysts' : 'all'),
  };
}
