import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Development secrets, generated on first start and kept under the ignored data folder. */
export interface DevSecrets {
  postgresPassword: string;
  /** Per-subgraph database role passwords; `<NAME>_DB_PASSWORD` in the environment overrides one. */
  rolePasswords: Record<string, string>;
}

const fresh = () => randomBytes(18).toString('base64url');

export async function loadDevSecrets(file: string, subgraphs: string[]): Promise<DevSecrets> {
  const stored: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: DevSecrets = {
    postgresPassword: stored.postgresPassword ?? fresh(),
    rolePasswords: Object.fromEntries(subgraphs.map((name) => [name, stored.rolePasswords?.[name] ?? fresh()])),
  };
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  for (const name of subgraphs) {
    const fromEnv = process.env[`${name.toUpperCase()}_DB_PASSWORD`];
    if (fromEnv) secrets.rolePasswords[name] = fromEnv;
  }
  return secrets;
}
