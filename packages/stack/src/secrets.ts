import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface KeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** Development secrets, generated on first start and kept under the ignored data folder. */
export interface DevSecrets {
  postgresPassword: string;
  /** Per-subgraph database role passwords; `<NAME>_DB_PASSWORD` in the environment overrides one. */
  rolePasswords: Record<string, string>;
  /** Signs development tokens (`npm run token`); the gateway trusts its public half. */
  issuerKey: KeyPair;
  /** The gateway's own key for the tokens it signs to subgraphs; subgraphs trust its public half. */
  hopKey: KeyPair;
}

const fresh = () => randomBytes(18).toString('base64url');

async function freshKeyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), alg: 'EdDSA', kid },
    publicJwk: { ...(await exportJWK(publicKey)), alg: 'EdDSA', kid },
  };
}

export async function loadDevSecrets(file: string, subgraphs: string[]): Promise<DevSecrets> {
  const stored: Partial<DevSecrets> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>) : {};
  const secrets: DevSecrets = {
    postgresPassword: stored.postgresPassword ?? fresh(),
    rolePasswords: Object.fromEntries(subgraphs.map((name) => [name, stored.rolePasswords?.[name] ?? fresh()])),
    issuerKey: stored.issuerKey ?? (await freshKeyPair('dev-issuer')),
    hopKey: stored.hopKey ?? (await freshKeyPair('gateway-hop')),
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  for (const name of subgraphs) {
    const fromEnv = process.env[`${name.toUpperCase()}_DB_PASSWORD`];
    if (fromEnv) secrets.rolePasswords[name] = fromEnv;
  }
  return secrets;
}
