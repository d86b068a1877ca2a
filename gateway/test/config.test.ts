import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigurationError } from '@mutual-graph/platform';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { gatewayConfigFromEnv, PARTNER_OPERATIONS_DIR } from '../src/config.js';
import { DEFAULT_LIMITS } from '../src/limits.js';

const KEY = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd' });
const MINIMAL = { DATABASE_URL: 'postgres://audit@db/x', GATEWAY_HOP_PRIVATE_KEY: KEY, AUTH_JWKS_URL: 'https://idp/jwks' };

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
    expect(config.authentication).toEqual({ jwksUrl: 'https://idp/jwks', issuer: 'mutual-graph-dev', audience: 'mutual-graph' });
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
