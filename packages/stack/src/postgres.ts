import { join } from 'node:path';
import { embeddedAdminUrl, startEmbeddedPostgres } from './embedded-postgres.js';
import pg from 'pg';
import type { DevSecrets } from './secrets.js';

export interface PostgresHandle {
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * `databaseUrl` (DATABASE_URL), when given, names an external PostgreSQL and a role allowed to create roles
 * and schemas there. Otherwise a real PostgreSQL from the `embedded-postgres` packages runs
 * with its data under `<dataDir>/postgres`, kept between starts.
 */
export interface PostgresChoice {
  /** An external PostgreSQL's URL (with a role that may create roles and schemas); absent: embedded. */
  databaseUrl?: string;
  /** The embedded server's port. */
  port?: number;
  log?: (line: string) => void;
  /**
   * Use the embedded server when one already answers on the port (npm start's, while a one-shot
   * command such as npm run dispose works beside it): a second server cannot share its data folder.
   */
  useRunning?: boolean;
  /** Further settings for the embedded server (the benchmark loads pg_stat_statements). */
  settings?: Record<string, string>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The embedded PostgreSQL's port unless EMBEDDED_PG_PORT says otherwise. */
export const DEFAULT_EMBEDDED_PG_PORT = 54329;

export async function openPostgres(dataDir: string, secrets: DevSecrets, choice: PostgresChoice = {}): Promise<PostgresHandle> {
  if (choice.databaseUrl) {
    return { adminUrl: choice.databaseUrl, embedded: false, stop: async () => {} };
  }
  const port = choice.port ?? DEFAULT_EMBEDDED_PG_PORT;
  const adminUrl = embeddedAdminUrl(port, secrets.postgresPassword);
  if (choice.useRunning && (await answers(adminUrl))) return { adminUrl, embedded: true, stop: async () => {} };
  const running = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port, password: secrets.postgresPassword, onLog: choice.log, settings: choice.settings });
  return { adminUrl: running.adminUrl, embedded: true, stop: running.stop };
}
