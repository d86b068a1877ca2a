import Provider, { errors, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import { accessTokenClaims, purposeScopesOf } from './claims.js';
import { ProcessMemoryAdapter } from './memory-storage.js';
import { DEFAULT_ACCESS_TOKEN_TTL_SECONDS, isPublicClient, type ClaimShape, type ClientConfig, type IdentityProviderConfig } from './configuration.js';

/** The OpenID scopes (beyond the purpose scopes of the resource server) a first-party client is granted when it asks. */
const OIDC_SCOPES = ['openid', 'profile'];

export interface ProviderSettings {
  issuer: string;
  audience: string;
  claimShape: ClaimShape;
  config: IdentityProviderConfig;
  /** Private JWKs; the first signs. */
  keys: JWK[];
  /** Keys for the provider's signed cookies, kept across key reloads so that sessions and interactions survive them. */
  cookieKeys: string[];
}

function clientMetadata(client: ClientConfig): ClientMetadata {
  const authorizationCode = client.grants.includes('authorization_code');
  return {
    client_id: client.clientId,
    grant_types: client.grants,
    response_types: authorizationCode ? ['code'] : [],
    redirect_uris: client.redirectUris,
    ...(isPublicClient(client)
      ? // A native application: no secret, PKCE, and a loopback redirect on whatever port it listens (RFC 8252 §7.3).
        { token_endpoint_auth_method: 'none', application_type: 'native' }
      : { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }),
  };
}

/**
 * One oidc-provider instance over the given keys: JWT access tokens (RFC 9068) for the one resource
 * server, client credentials, authorization code with PKCE, our own login interaction (served beside
 * it, see login.ts), consent implied for these first-party clients, claims in the chosen layout.
 */
export function createProvider(settings: ProviderSettings): Provider {
  const { config, audience } = settings;
  const [signingKey] = settings.keys;
  const clients = new Map(config.clients.map((c) => [c.clientId, c]));
  const accounts = new Map(config.accounts.map((a) => [a.username, a]));
  // Every purpose scope anyone holds is a scope of the resource server; a grant narrows it to the principal's.
  const allPurposeScopes = [...new Set([...config.clients, ...config.accounts].flatMap((p) => purposeScopesOf(p.roles)))];
  const ttl = (clientId: string | undefined) => (clientId && clients.get(clientId)?.accessTokenTtlSeconds) || DEFAULT_ACCESS_TOKEN_TTL_SECONDS;

  const configuration: Configuration = {
    // Storage of the process, not of this instance: a key reload keeps sessions, grants and codes.
    adapter: ProcessMemoryAdapter,
    clients: config.clients.map(clientMetadata),
    jwks: { keys: settings.keys },
    clientDefaults: { id_token_signed_response_alg: signingKey.alg as 'RS256' },
    cookies: { keys: settings.cookieKeys },
    scopes: OIDC_SCOPES,
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    responseTypes: ['code', 'none'],
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // A client need not send `resource`: every access token is for the one API.
        defaultResource: () => audience,
        // At the token endpoint, the resource granted at authorization (not the userinfo endpoint) even with `openid`.
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resourceIndicator, client) => {
          if (resourceIndicator !== audience) throw new errors.InvalidTarget(`unknown resource server ${resourceIndicator}`);
          const scope = ctx.oidc.params?.grant_type === 'client_credentials' ? purposeScopesOf(clients.get(client.clientId)?.roles ?? []) : allPurposeScopes;
          return {
            audience,
            scope: scope.join(' '),
            accessTokenFormat: 'jwt',
            accessTokenTTL: ttl(client.clientId),
            jwt: { sign: { alg: signingKey.alg as 'RS256', kid: signingKey.kid } },
          };
        },
      },
    },
    ttl: {
      AccessToken: (_ctx, _token, client) => ttl(client.clientId),
      ClientCredentials: (_ctx, _token, client) => ttl(client.clientId),
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 600,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account && { accountId: account.username, claims: () => ({ sub: account.username, preferred_username: account.username }) };
    },
    // First-party clients: consent is implied, for exactly the requested scopes the principal may have; the rest are
    // rejected (recorded as seen, so no consent prompt asks for them) and never reach a token.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const accountId = oidc.session?.accountId;
      const account = accountId ? accounts.get(accountId) : undefined;
      if (!oidc.client || !account) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client.clientId);
      const grant = (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ?? new oidc.provider.Grant({ accountId: account.username, clientId: oidc.client.clientId });
      const requested = [...oidc.requestParamScopes];
      const held = new Set(purposeScopesOf(account.roles));
      const oidcScopes = requested.filter((s) => OIDC_SCOPES.includes(s));
      if (oidcScopes.length > 0) grant.addOIDCScope(oidcScopes.join(' '));
      const purposes = requested.filter((s) => !OIDC_SCOPES.includes(s));
      for (const resource of Object.keys(oidc.resourceServers ?? {})) {
        const granted = purposes.filter((s) => held.has(s));
        const refused = purposes.filter((s) => !held.has(s));
        if (granted.length > 0) grant.addResourceScope(resource, granted.join(' '));
        if (refused.length > 0) grant.rejectResourceScope(resource, refused.join(' '));
      }
      await grant.save();
      return grant;
    },
    extraTokenClaims: async (ctx, token) => {
      const scopes = (token.scope ?? '').split(' ').filter(Boolean);
      if (token.kind === 'ClientCredentials') {
        const client = token.clientId ? clients.get(token.clientId) : undefined;
        return client && accessTokenClaims(settings.claimShape, { kind: 'client', clientId: client.clientId, roles: client.roles }, scopes);
      }
      const account = 'accountId' in token && typeof token.accountId === 'string' ? accounts.get(token.accountId) : undefined;
      if (!account) return undefined;
      const grantId = 'grantId' in token && typeof token.grantId === 'string' ? token.grantId : undefined;
      const grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      return accessTokenClaims(
        settings.claimShape,
        {
          kind: 'account',
          clientId: token.clientId ?? '',
          username: account.username,
          roles: account.roles,
          memberId: account.memberId,
          delegatedScopes: (grant?.getOIDCScope() ?? '').split(' ').filter(Boolean),
        },
        scopes,
      );
    },
  };
  return new Provider(settings.issuer, configuration);
}
