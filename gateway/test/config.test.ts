import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigurationError } from '@mutual-graph/platform';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { gatewayConfigFromEnv, PARTNER_OPERATIONS_DIR } from '../src/config.js';
import { DEFAULT_LIMITS } from '../src/limits.js';

const KEY = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd' });
const MINIMAL = {
  DATABASE_URL: 'postgres://audit@db/x',
  GATEWAY_HOP_PRIVATE_KEY: KEY,
  AUTH_JWKS_URL: 'https://idp/jwks',
  AUTH_ISSUER: 'https://idp',
  AUTH_AUDIENCE: 'api://mutual-graph',
};

const refusal = (env: NodeJS.ProcessEnv) => {
  try {
    gatewayConfigFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe("the gateway's configuration", () => {
  it('defaults what is not set, as before', () => {
    const config = gatewayConfigFromEnv(MINIMAL);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      sandbox: true,
      supergraphPath: SUPERGRAPH_PATH,
      partnerOperationsDir: PARTNER_OPERATIONS_DIR,
      subgraphUrls: {},
      introspection: 'all',
    });
    expect(config.authentication).toEqual({
      jwksUrl: 'https://idp/jwks',
      issuer: 'https://idp',
      audience: 'api://mutual-graph',
      claims: { roles: ['roles'], purposes: ['purposes'], purposePrefix: '', memberId: 'memberId', partnerId: 'partnerId' },
      jwksRefreshMs: 300_000,
      jwksCooldownMs: 30_000,
    });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(gatewayConfigFromEnv({ ...MINIMAL, NODE_ENV: 'production' }).introspection).toBe('analysts');
  });

  it('takes the subgraph URLs, some limits and the sandbox switch from the environment', () => {
    const config = gatewayConfigFromEnv({ ...MINIMAL, MEMBER_SUBGRAPH_URL: 'http://member:4001/graphql', GATEWAY_LIMITS_PARTNER: '{"maxDepth":3}', GATEWAY_SANDBOX: 'false', PORT: '0' });
    expect(config.subgraphUrls).toEqual({ member: 'http://member:4001/graphql' });
    expect(config.limits!.partner).toEqual({ ...DEFAULT_LIMITS.partner, maxDepth: 3 });
    expect(config.limits!.internal).toEqual(DEFAULT_LIMITS.internal);
    expect([config.sandbox, config.port]).toEqual([false, 0]);
  });

  it('refuses a limit that is not one, or not a whole number of at least 1, naming the variable', () => {
    expect(refusal({ ...MINIMAL, GATEWAY_LIMITS_INTERNAL: '{"maxDeep":3}' })).toMatch(/GATEWAY_LIMITS_INTERNAL: .*maxDeep/);
    expect(refusal({ ...MINIMAL, GATEWAY_LIMITS_PARTNER: '{"maxDepth":0}' })).toMatch(/GATEWAY_LIMITS_PARTNER\.maxDepth: must be a whole number of at least 1/);
    expect(refusal({ ...MINIMAL, GATEWAY_LIMITS_PARTNER: 'maxDepth=3' })).toMatch(/GATEWAY_LIMITS_PARTNER: is not JSON/);
  });

  it('refuses missing keys, a bad port, an unknown introspection mode, and no way to verify tokens', () => {
    const message = refusal({ PORT: '4o00', GATEWAY_INTROSPECTION: 'everyone' });
    for (const expected of [/DATABASE_URL: is not set/, /GATEWAY_HOP_PRIVATE_KEY: is not set/, /PORT: must be a whole number/, /GATEWAY_INTROSPECTION: must be all or analysts/])
      expect(message).toMatch(expected);
    expect(refusal({ ...MINIMAL, AUTH_JWKS_URL: '' })).toMatch(/set AUTH_JWKS_URL .* or AUTH_PUBLIC_KEY/);
  });

  it('needs the issuer and the audience with a JWKS (no default fits a provider), not with the development key', () => {
    const message = refusal({ ...MINIMAL, AUTH_ISSUER: undefined, AUTH_AUDIENCE: '' });
    expect(message).toMatch(/AUTH_ISSUER: is not set \(required with AUTH_JWKS_URL\)/);
    expect(message).toMatch(/AUTH_AUDIENCE: is not set/);
    const development = gatewayConfigFromEnv({ ...MINIMAL, AUTH_JWKS_URL: undefined, AUTH_ISSUER: undefined, AUTH_AUDIENCE: undefined, AUTH_PUBLIC_KEY: KEY });
    expect(development.authentication).toMatchObject({ issuer: 'mutual-graph-dev', audience: 'mutual-graph' });
  });

  it("maps a provider's claims by preset, each part overridable", () => {
    expect(gatewayConfigFromEnv({ ...MINIMAL, AUTH_CLAIMS: 'keycloak' }).authentication.claims).toEqual({
      roles: ['realm_access.roles'],
      purposes: ['realm_access.roles'],
      purposePrefix: 'purpose.',
      memberId: 'member_id',
      partnerId: 'partner_id',
      partnerRole: 'partner',
    });
    const custom = gatewayConfigFromEnv({
      ...MINIMAL,
      AUTH_CLAIMS: 'entra',
      AUTH_ROLES_CLAIM: 'roles, https://mutual-graph.example.org/roles',
      AUTH_PURPOSES_CLAIM: 'permissions',
      AUTH_PURPOSES_NARROWED_BY: 'scope',
      AUTH_PURPOSE_PREFIX: 'mg:',
      AUTH_MEMBER_ID_CLAIM: 'extension_memberId',
      AUTH_TOKEN_TYPE: 'at+jwt',
      AUTH_ALGORITHMS: 'RS256, ES256',
      AUTH_JWKS_REFRESH_SECONDS: '60',
      AUTH_JWKS_COOLDOWN_SECONDS: '5',
    }).authentication;
    expect(custom).toMatchObject({
      claims: {
        roles: ['roles', 'https://mutual-graph.example.org/roles'],
        purposes: ['permissions'],
        purposesNarrowedBy: 'scope',
        purposePrefix: 'mg:',
        memberId: 'extension_memberId',
        partnerId: 'azp',
        partnerRole: 'partner',
        partnerNotWith: 'scp',
      },
      tokenType: 'at+jwt',
      algorithms: ['RS256', 'ES256'],
      jwksRefreshMs: 60_000,
      jwksCooldownMs: 5_000,
    });
  });

  it('refuses an unknown claim preset, a shared-secret or unsecured algorithm, a JWKS that is no http(s) URL', () => {
    expect(refusal({ ...MINIMAL, AUTH_CLAIMS: 'okta' })).toMatch(/AUTH_CLAIMS: must be one of contract, keycloak, entra/);
    for (const algorithms of ['HS256', 'RS256,none', ',']) expect(refusal({ ...MINIMAL, AUTH_ALGORITHMS: algorithms })).toMatch(/AUTH_ALGORITHMS: must be a comma-separated list of RS256/);
    for (const url of ['file:///etc/jwks.json', 'idp/jwks']) expect(refusal({ ...MINIMAL, AUTH_JWKS_URL: url })).toMatch(/AUTH_JWKS_URL: must be an http\(s\) URL/);
    expect(refusal({ ...MINIMAL, AUTH_ROLES_CLAIM: 'realm access' })).toMatch(/AUTH_ROLES_CLAIM: must be comma-separated claim paths/);
    expect(refusal({ ...MINIMAL, AUTH_JWKS_COOLDOWN_SECONDS: '-1' })).toMatch(/AUTH_JWKS_COOLDOWN_SECONDS: must be a whole number/);
    // No cooldown: every forged kid would be a fetch of the provider's JWKS.
    expect(refusal({ ...MINIMAL, AUTH_JWKS_COOLDOWN_SECONDS: '0' })).toMatch(/AUTH_JWKS_COOLDOWN_SECONDS: must be a whole number from 1/);
  });

  it('refuses to read roles or purposes from what a client asks for (scope, scp): anyone could ask for any', () => {
    for (const name of ['AUTH_PURPOSES_CLAIM', 'AUTH_ROLES_CLAIM'])
      for (const claims of ['scope', 'scp', 'realm_access.roles,scope'])
        expect(refusal({ ...MINIMAL, AUTH_CLAIMS: 'keycloak', [name]: claims })).toMatch(new RegExp(`${name}: must not be scope or scp`));
  });

  it('refuses a partner id every token has without a role that says which clients are partners', () => {
    for (const claim of ['azp', 'client_id', 'sub'])
      expect(refusal({ ...MINIMAL, AUTH_CLAIMS: 'contract', AUTH_PARTNER_ID_CLAIM: claim })).toMatch(new RegExp(`AUTH_PARTNER_ROLE: is not set, and the partner id is read from ${claim}`));
    expect(gatewayConfigFromEnv({ ...MINIMAL, AUTH_CLAIMS: 'contract', AUTH_PARTNER_ID_CLAIM: 'azp', AUTH_PARTNER_ROLE: 'partner' }).authentication.claims).toMatchObject({
      partnerId: 'azp',
      partnerRole: 'partner',
    });
  });

  it('refuses both a JWKS and a development key, and a development key that is a shared secret', () => {
    expect(refusal({ ...MINIMAL, AUTH_PUBLIC_KEY: KEY })).toMatch(/not both/);
    const development = { ...MINIMAL, AUTH_JWKS_URL: undefined };
    expect(refusal({ ...development, AUTH_PUBLIC_KEY: JSON.stringify({ kty: 'oct', k: 'c2VjcmV0', alg: 'HS256' }) })).toMatch(/AUTH_PUBLIC_KEY: must be a public key/);
    expect(refusal({ ...development, AUTH_PUBLIC_KEY: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x', alg: 'HS256' }) })).toMatch(/AUTH_PUBLIC_KEY: its alg must be one of/);
  });

  it('refuses to start on a bad value with one line naming the variable, never a stack trace', () => {
    const server = join(import.meta.dirname, '..', 'dist', 'server.js');
    const run = spawnSync(process.execPath, [server], { env: { PATH: process.env.PATH, ...MINIMAL, PORT: 'eighty', LOG_LEVEL: 'loud' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/PORT: must be a whole number/);
    expect(output).toMatch(/LOG_LEVEL: /);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
