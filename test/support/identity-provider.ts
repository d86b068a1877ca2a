import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIdentityProviderProcess, type ClaimShape, type IdentityProviderConfig, type IdentityProviderProcess } from '@mutual-graph/identity-provider';
import { freePort } from '@mutual-graph/stack';

/** The clients and accounts of a test provider, with secrets the test knows. */
export const TEST_IDP_CONFIG = {
  clients: [
    {
      clientId: 'internal-app',
      clientSecret: 'internal-app-secret-0123456789',
      grants: ['client_credentials'],
      redirectUris: [],
      roles: ['staff', 'purpose.MEMBERSHIP', 'purpose.RISK_MANAGEMENT', 'purpose.EDUCATION'],
    },
    { clientId: 'hospital-7', clientSecret: 'hospital-7-secret-0123456789', grants: ['client_credentials'], redirectUris: [], roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] },
    { clientId: 'short-lived', clientSecret: 'short-lived-secret-0123456789', grants: ['client_credentials'], redirectUris: [], roles: ['staff', 'purpose.MEMBERSHIP'], accessTokenTtlSeconds: 2 },
    { clientId: 'sandbox', public: true, grants: ['authorization_code'], redirectUris: ['http://127.0.0.1/callback'], roles: [] },
  ],
  accounts: [
    { username: 'analyst', password: 'analyst-password-1', roles: ['analyst', 'purpose.EDI_REPORTING', 'purpose.RISK_MANAGEMENT', 'purpose.MEMBERSHIP'] },
    { username: 'member', password: 'member-password-1', roles: ['member', 'purpose.MEMBER_SELF_SERVICE'], memberId: '5d3c1a0e-2b7f-4c1d-9a8e-3f6b2c1d0e9f' },
  ],
} satisfies IdentityProviderConfig;

export interface TestIdentityProvider extends IdentityProviderProcess {
  dir: string;
  keysFile: string;
  /** Stops the process and removes its folder. */
  close(): Promise<void>;
}

/** A real identity provider process on a free port, its keys (generated) and TEST_IDP_CONFIG in a fresh folder. */
export async function startTestIdentityProvider(options: { claimShape?: ClaimShape } = {}): Promise<TestIdentityProvider> {
  const dir = await mkdtemp(join(tmpdir(), 'mutual-graph-idp-'));
  const configFile = join(dir, 'clients.json');
  await writeFile(configFile, JSON.stringify(TEST_IDP_CONFIG));
  const keysFile = join(dir, 'keys.json');
  const provider = await startIdentityProviderProcess({ port: await freePort(), keysFile, configFile, claimShape: options.claimShape });
  return {
    ...provider,
    dir,
    keysFile,
    close: async () => {
      await provider.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A client credentials token request, the client authenticating with HTTP Basic. */
export async function clientCredentials(provider: { tokenUrl: string }, clientId: string, secret: string, scope?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(provider.tokenUrl, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** An authorization request of the public client, with PKCE (S256), to a loopback redirect on the given port. */
export function authorizationRequest(provider: { authorizationUrl: string }, scope: string, port = 49_152) {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const url = new URL(provider.authorizationUrl);
  url.search = new URLSearchParams({
    client_id: 'sandbox',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return { url, verifier, state, redirectUri };
}

/** Exchanges an authorization code of the public client at the token endpoint. */
export async function exchangeCode(provider: { tokenUrl: string }, code: string, request: { verifier: string; redirectUri: string }): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(provider.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'sandbox', code, redirect_uri: request.redirectUri, code_verifier: request.verifier }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
