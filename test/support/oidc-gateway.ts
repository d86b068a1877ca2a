import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import {
  generateSigningKey,
  startIdentityProviderProcess,
  signInHeadless,
  writeKeysFile,
  type ClaimShape,
  type IdentityProviderConfig,
  type IdentityProviderProcess,
} from '@mutual-graph/identity-provider';
import { clientCredentials, TEST_IDP_CONFIG } from './identity-provider.js';
import { signIn } from '@mutual-graph/sign-in';
import type { JWK } from 'jose';
import { freePort, spawnGateway } from './processes.js';
import { testStack } from './stack.js';
import type { ServiceProcess } from '@mutual-graph/stack';

export const AUDIENCE = 'api://mutual-graph';

const secrets: Record<string, string> = Object.fromEntries(TEST_IDP_CONFIG.clients.flatMap((c) => ('clientSecret' in c ? [[c.clientId, c.clientSecret]] : [])));
/** A person given the partner role by mistake (a group, a composite role): no partner system for that. */
const MISASSIGNED = { username: 'misassigned', password: 'misassigned-password-1', roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] };
const passwords: Record<string, string> = Object.fromEntries([...TEST_IDP_CONFIG.accounts, MISASSIGNED].map((a) => [a.username, a.password]));

/** The test provider's clients and accounts, its member account naming `memberId` (a seeded member). */
/** Ontario's fee reimbursement program, a partner system of its own (its partner id a seeded program's). */
const ONTARIO_PROGRAM = {
  clientId: 'on-fee-reimbursement',
  clientSecret: 'on-fee-reimbursement-secret-0123456789',
  grants: ['client_credentials' as const],
  redirectUris: [],
  roles: ['partner', 'fee-reimbursement-program', 'purpose.PARTNER_CONFIRMATION'],
};
secrets[ONTARIO_PROGRAM.clientId] = ONTARIO_PROGRAM.clientSecret;

export const providerConfig = (memberId: string): IdentityProviderConfig => ({
  ...TEST_IDP_CONFIG,
  clients: [...TEST_IDP_CONFIG.clients, ONTARIO_PROGRAM],
  accounts: [...TEST_IDP_CONFIG.accounts.map((a) => (a.username === 'member' ? { ...a, memberId } : a)), MISASSIGNED],
});

export interface ProviderAndGateway {
  provider: IdentityProviderProcess;
  gateway: ServiceProcess;
  gatewayUrl: string;
  keysFile: string;
  /** The provider's signing keys as the test wrote them (private: to forge what the provider would never sign). */
  keys: JWK[];
  logFile: string;
  /** Writes a new keys file and has the provider re-read it (SIGHUP). */
  rotate(keys: JWK[]): Promise<string[]>;
  /** Starts the provider again where it ran (same port, keys and clients). */
  restartProvider(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real identity provider (oidc-provider, its own process) and a gateway of our own on the test
 * stack's subgraphs that verifies tokens through the provider's JWKS, mapping claims `shape`'s way.
 */
export async function startProviderAndGateway(shape: ClaimShape, memberId: string, gatewayEnv: Record<string, string> = {}): Promise<ProviderAndGateway> {
  const dir = mkdtempSync(join(testStack().dataDir, `idp-${shape}-`));
  const keysFile = join(dir, 'keys.json');
  const configFile = join(dir, 'identity-provider.json');
  const logFile = join(dir, 'services.log');
  const keys = [await generateSigningKey(`${shape}-key-1`)];
  await writeKeysFile(keysFile, keys);
  await writeFile(configFile, JSON.stringify(providerConfig(memberId)), { mode: 0o600 });
  const port = await freePort();
  const start = () => startIdentityProviderProcess({ port, keysFile, configFile, claimShape: shape, audience: AUDIENCE });
  let provider = await start();
  const gatewayPort = await freePort();
  const gateway = await spawnGateway(gatewayPort, logFile, {
    env: {
      AUTH_PUBLIC_KEY: '',
      AUTH_JWKS_URL: provider.jwksUrl,
      AUTH_ISSUER: provider.issuer,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_CLAIMS: shape,
      AUTH_TOKEN_TYPE: 'at+jwt',
      ...gatewayEnv,
    },
  });
  const handle: ProviderAndGateway = {
    get provider() {
      return provider;
    },
    gateway,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    keysFile,
    keys,
    logFile,
    async rotate(next) {
      await writeKeysFile(keysFile, next);
      handle.keys.splice(0, handle.keys.length, ...next);
      return provider.reloadKeys();
    },
    async restartProvider() {
      await provider.stop();
      provider = await start();
    },
    async stop() {
      gateway.child.kill('SIGTERM');
      await Promise.all([gateway.exited, provider.stop()]);
    },
  };
  return handle;
}

/** A client-credentials token from the provider for one of its clients (a partner's first request). */
export async function accessToken(provider: IdentityProviderProcess, clientId: string, scope: string): Promise<string> {
  const { status, body } = await clientCredentials(provider, clientId, secrets[clientId], scope);
  if (status !== 200 || typeof body.access_token !== 'string') throw new Error(`no token for ${clientId}: ${status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** An analyst's or member's sign-in, the way `npm run sign-in` does it, with the browser played over HTTP. */
export async function signInAs(provider: IdentityProviderProcess, username: string, scope: string, password = passwords[username]) {
  return signIn({
    issuer: provider.issuer,
    clientId: 'sandbox',
    scope,
    timeoutMs: 20_000,
    async openBrowser(url) {
      const callback = await signInHeadless({ authorizeUrl: url, username, password });
      await (await fetch(callback)).text();
    },
  });
}
