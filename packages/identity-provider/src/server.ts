import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type Provider from 'oidc-provider';
import { identityProviderSettings, loadIdentityProviderConfig } from './configuration.js';
import { loadSigningKeys } from './keys.js';
import { handleInteraction } from './login.js';
import { createProvider, type ProviderSettings } from './provider.js';

/**
 * The development identity provider as a process: `IDP_*` from the environment (a bad value exits 2),
 * keys from `IDP_KEYS_FILE`, clients and accounts from `IDP_CONFIG_FILE`. SIGHUP re-reads the keys
 * file and puts a new Provider behind the same HTTP server; the storage belongs to the process, not
 * to an instance (memory-storage.ts), so sessions, grants and codes outlive the swap.
 */
const log = (line: string) => console.log(line);
const settings = (() => {
  try {
    return identityProviderSettings(process.env);
  } catch (error) {
    console.error(`identity provider: ${(error as Error).message}`);
    process.exit(2);
  }
})();

const config = await loadIdentityProviderConfig(settings.configFile).catch((error: Error) => {
  console.error(`identity provider: ${error.message}`);
  process.exit(2);
});
const base: Omit<ProviderSettings, 'keys'> = { issuer: settings.issuer, audience: settings.audience, claimShape: settings.claimShape, config, cookieKeys: [randomBytes(32).toString('base64url')] };
const kids = (provider: ProviderSettings['keys']) => provider.map((k) => k.kid).join(', ');

let provider: Provider;
try {
  const keys = await loadSigningKeys(settings.keysFile);
  provider = createProvider({ ...base, keys });
  log(`keys: ${kids(keys)}`);
} catch (error) {
  console.error(`identity provider: ${(error as Error).message}`);
  process.exit(2);
}

const server = createServer((req, res) => {
  // Each request goes to the provider current when it arrives.
  const current = provider;
  handleInteraction(current, config.accounts, req, res)
    .then((handled) => {
      if (!handled) void current.callback()(req, res);
    })
    .catch((error: Error) => {
      console.error(`identity provider: ${req.method} ${req.url}: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
});

process.on('SIGHUP', () => {
  loadSigningKeys(settings.keysFile)
    .then((keys) => {
      provider = createProvider({ ...base, keys });
      log(`keys reloaded: ${kids(keys)}`);
    })
    .catch((error: Error) => console.error(`keys not reloaded (the previous ones still sign): ${error.message}`));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections());

server.listen(settings.port, settings.host, () =>
  log(
    `identity provider ${settings.issuer} on ${settings.host}:${settings.port} (audience ${settings.audience}, ${settings.claimShape} claims, ${config.clients.length} clients, ${config.accounts.length} accounts)`,
  ),
);
server.on('error', (error) => {
  console.error(`identity provider: ${error.message}`);
  process.exit(1);
});
