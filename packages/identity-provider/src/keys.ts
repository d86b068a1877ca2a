import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

/** The algorithms a signing key may have (never `none`, never a shared secret). */
export const SIGNING_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

const privateJwk = z.looseObject({ kty: z.string(), kid: z.string().min(1), alg: z.enum(SIGNING_ALGORITHMS), d: z.string().min(1) });

/** `IDP_KEYS_FILE`: private JWKs; the first signs, the others are only published (a rotation keeps the old key until it is retired). */
export const KEYS_FILE = z.strictObject({ keys: z.array(privateJwk).min(1) }).refine((f) => new Set(f.keys.map((k) => k.kid)).size === f.keys.length, 'kids must be unique');

/** A fresh private signing key as a JWK, with its kid and alg (RS256: 2048-bit RSA). */
export async function generateSigningKey(kid: string, alg: SigningAlgorithm = 'RS256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg.startsWith('RS') || alg.startsWith('PS') ? { modulusLength: 2048 } : {}),
    ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}),
  });
  return { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
}

/** Writes a keys file (mode 0600). */
export async function writeKeysFile(file: string, keys: JWK[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
}

/** The keys in `file`, validated; when the file is absent, one fresh RS256 key is written there first. */
export async function loadSigningKeys(file: string): Promise<JWK[]> {
  if (!existsSync(file)) await writeKeysFile(file, [await generateSigningKey(`idp-${new Date().toISOString().slice(0, 10)}`)]);
  const parsed = KEYS_FILE.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data.keys;
}
