import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The resource server every access token is for, unless `IDP_AUDIENCE` says otherwise. */
export const DEFAULT_AUDIENCE = 'api://mutual-graph';
/** An access token's lifetime unless its client sets `accessTokenTtlSeconds`. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 300;
export const DEFAULT_IDP_PORT = 4006;
export const DEFAULT_IDP_HOST = '127.0.0.1';
/** A role named so is also a scope of the same name: the token carries it only when the scope was requested and granted. */
export const PURPOSE_ROLE_PREFIX = 'purpose.';

/** The claim layout of access tokens: Keycloak's (`realm_access.roles`) or Entra ID v2's (`roles`, `oid`, `idtyp`, `scp`). */
export const CLAIM_SHAPES = ['keycloak', 'entra'] as const;
export type ClaimShape = (typeof CLAIM_SHAPES)[number];

const roles = z.array(z.string().min(1)).default([]);

const confidentialClient = z.strictObject({
  clientId: z.string().min(1),
  public: z.literal(false).optional(),
  clientSecret: z.string().min(16),
  grants: z.array(z.enum(['client_credentials', 'authorization_code'])).min(1),
  redirectUris: z.array(z.url()).default([]),
  roles,
  accessTokenTtlSeconds: z.int().positive().optional(),
});

/** A public (native) client: no secret, PKCE S256 required, and any port on a loopback redirect (RFC 8252 §7.3). */
const publicClient = z.strictObject({
  clientId: z.string().min(1),
  public: z.literal(true),
  grants: z.tuple([z.literal('authorization_code')]),
  redirectUris: z.array(z.url()).min(1),
  roles,
  accessTokenTtlSeconds: z.int().positive().optional(),
});

const account = z.strictObject({
  username: z.string().min(1),
  password: z.string().min(8),
  roles,
  memberId: z.uuid().optional(),
});

/** `IDP_CONFIG_FILE`: the clients and accounts the provider knows. */
export const IDENTITY_PROVIDER_CONFIG = z
  .strictObject({
    clients: z.array(z.union([publicClient, confidentialClient])).min(1),
    accounts: z.array(account).default([]),
  })
  .refine((c) => new Set(c.clients.map((x) => x.clientId)).size === c.clients.length, 'client ids must be unique')
  .refine((c) => new Set(c.accounts.map((x) => x.username)).size === c.accounts.length, 'usernames must be unique');

export type IdentityProviderConfig = z.infer<typeof IDENTITY_PROVIDER_CONFIG>;
export type ClientConfig = IdentityProviderConfig['clients'][number];
export type AccountConfig = IdentityProviderConfig['accounts'][number];
export const isPublicClient = (client: ClientConfig): client is Extract<ClientConfig, { public: true }> => client.public === true;

/** What `dist/server.js` reads from its environment. */
export const IDENTITY_PROVIDER_ENVIRONMENT = z.object({
  IDP_PORT: z.coerce.number().int().min(1).max(65_535).default(DEFAULT_IDP_PORT),
  IDP_HOST: z.string().min(1).default(DEFAULT_IDP_HOST),
  IDP_ISSUER: z.url().optional(),
  IDP_KEYS_FILE: z.string().min(1),
  IDP_CONFIG_FILE: z.string().min(1).optional(),
  IDP_CLAIM_SHAPE: z.enum(CLAIM_SHAPES).default('keycloak'),
  IDP_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
});

export interface IdentityProviderSettings {
  port: number;
  host: string;
  /** `http://localhost:<port>` unless `IDP_ISSUER` says otherwise. */
  issuer: string;
  keysFile: string;
  /** `IDP_CONFIG_FILE`, or `identity-provider.json` beside the keys file (generated on first start). */
  configFile: string;
  claimShape: ClaimShape;
  audience: string;
}

/** The provider's settings from its environment; a one-line message naming the bad variable otherwise. */
export function identityProviderSettings(env: NodeJS.ProcessEnv): IdentityProviderSettings {
  const parsed = IDENTITY_PROVIDER_ENVIRONMENT.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('IDP_') && v !== '')));
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`).join('; '));
  }
  const e = parsed.data;
  return {
    port: e.IDP_PORT,
    host: e.IDP_HOST,
    issuer: (e.IDP_ISSUER ?? `http://localhost:${e.IDP_PORT}`).replace(/\/$/, ''),
    keysFile: e.IDP_KEYS_FILE,
    configFile: e.IDP_CONFIG_FILE ?? `${dirname(e.IDP_KEYS_FILE)}/identity-provider.json`,
    claimShape: e.IDP_CLAIM_SHAPE,
    audience: e.IDP_AUDIENCE,
  };
}

const secret = () => randomBytes(24).toString('base64url');

/**
 * The development clients and accounts, with fresh secrets and passwords: an internal app, a
 * hospital partner, the analysts' sign-in, and two people, the member one naming `memberId` (the
 * stack passes a seeded member's, so that `me` finds someone).
 */
export function developmentConfig(memberId: string = randomUUID()): IdentityProviderConfig {
  return {
    clients: [
      { clientId: 'internal-app', clientSecret: secret(), grants: ['client_credentials'], redirectUris: [], roles: ['staff', 'purpose.MEMBERSHIP', 'purpose.RISK_MANAGEMENT', 'purpose.EDUCATION'] },
      { clientId: 'hospital-7', clientSecret: secret(), grants: ['client_credentials'], redirectUris: [], roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] },
      // Ontario's fee reimbursement program, as the seeded programs name it (packages/synthetic/src/fees.ts).
      {
        clientId: 'on-fee-reimbursement',
        clientSecret: secret(),
        grants: ['client_credentials'],
        redirectUris: [],
        roles: ['partner', 'fee-reimbursement-program', 'purpose.PARTNER_CONFIRMATION'],
      },
      { clientId: 'sandbox', public: true, grants: ['authorization_code'], redirectUris: ['http://127.0.0.1/callback'], roles: [] },
    ],
    accounts: [
      { username: 'analyst', password: secret(), roles: ['analyst', 'purpose.EDI_REPORTING', 'purpose.RISK_MANAGEMENT', 'purpose.MEMBERSHIP'] },
      { username: 'member', password: secret(), roles: ['member', 'purpose.MEMBER_SELF_SERVICE'], memberId },
    ],
  };
}

/** Reads and validates the clients and accounts; when the file is absent, writes the development default there (mode 0600) first. */
export async function loadIdentityProviderConfig(file: string, defaults: { memberId?: string } = {}): Promise<IdentityProviderConfig> {
  if (!existsSync(file)) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(developmentConfig(defaults.memberId), null, 2)}\n`, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  const parsed = IDENTITY_PROVIDER_CONFIG.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}
