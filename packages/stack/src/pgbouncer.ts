import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { stopProcess, type ServiceProcess } from './processes.js';
import { postgresOsUser } from './embedded-postgres.js';

const run = promisify(execFile);

/** Debian's PgBouncer (bookworm: 1.18). */
const PGBOUNCER = '/usr/sbin/pgbouncer';

/** Server connections per (role, database) pair unless told otherwise: fewer than one service's pool (DATABASE_POOL_MAX, 10), so transactions really share them. */
export const DEFAULT_PGBOUNCER_POOL_SIZE = 3;

export interface PgBouncerOptions {
  /** Where its ini file and auth file go (a folder of their own under the data folder). */
  dir: string;
  port: number;
  /** The PostgreSQL it pools for (any role's URL: host, port and database are what count). */
  upstreamUrl: string;
  /** Every role that will connect through it, with its password (the auth file). */
  logins: Record<string, string>;
  /** Server connections per (role, database) pair. */
  poolSize?: number;
  log?: (line: string) => void;
}

export interface RunningPgBouncer {
  port: number;
  poolSize: number;
  /** The admin console (`SHOW POOLS`, `SHOW CLIENTS`, `SHOW CONFIG`): database `pgbouncer`, its own user, not a PostgreSQL role. */
  adminUrl: string;
  process: ServiceProcess;
  /** `url` (a role's PostgreSQL URL) with its host and port replaced by PgBouncer's. */
  pooled(url: string): string;
  stop(): Promise<void>;
}

/** Installs Debian's package when it is missing (we are root in development and CI), and stops the service the package starts: ours runs as a child process. */
async function ensureInstalled(log: (line: string) => void): Promise<void> {
  if (existsSync(PGBOUNCER)) return;
  log('installing PgBouncer (apt-get install pgbouncer)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt-get may hold the lock for a while (other scripts install their own servers).
  const apt = (...args: string[]) => run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { env, maxBuffer: 16 * 1024 * 1024 });
  await apt('install', '-y', '--no-install-recommends', 'pgbouncer')
    .catch(async () => {
      await apt('update');
      await apt('install', '-y', '--no-install-recommends', 'pgbouncer');
    })
    .catch((error: unknown) => {
      throw new Error(`PgBouncer is not installed (${PGBOUNCER}) and apt-get install pgbouncer failed (as root on Debian it installs itself)`, { cause: error });
    });
  // The package's own service (127.0.0.1:6432, /etc/pgbouncer): not ours, and not needed.
  await run('/etc/init.d/pgbouncer', ['stop'], { env }).catch(() => {});
}

/** PgBouncer's auth file line: `"name" "password"`, a double quote doubled. */
const authLine = (name: string, password: string) => `"${name.replaceAll('"', '""')}" "${password.replaceAll('"', '""')}"`;

/**
 * The ini file. Transaction pooling: a server connection is a client's only for one transaction,
 * so nothing session-scoped (SET, LISTEN, session advisory locks, temporary tables, named prepared
 * statements: 1.18 keeps none across transactions) may be relied on by what connects through it.
 */
function ini(options: { port: number; upstream: URL; authFile: string; poolSize: number; admin: string }): string {
  const database = decodeURIComponent(options.upstream.pathname.slice(1));
  return `[databases]
${database} = host=${options.upstream.hostname} port=${options.upstream.port || 5432} dbname=${database}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${options.port}
unix_socket_dir =
pidfile =
logfile =
auth_type = scram-sha-256
auth_file = ${options.authFile}
admin_users = ${options.admin}
stats_users = ${options.admin}
pool_mode = transaction
default_pool_size = ${options.poolSize}
min_pool_size = 0
reserve_pool_size = 0
; Every service's pool at once (four subgraphs, their stores, the gateway, tests' own services) is well under this.
max_client_conn = 2000
; A client waiting this long for a server connection gets an error rather than waiting for ever.
query_wait_timeout = 60
; What node-postgres may send at startup that PgBouncer would otherwise refuse.
ignore_startup_parameters = extra_float_digits,options,statement_timeout
log_connections = 0
log_disconnections = 0
log_stats = 0
`;
}

/** Polls the admin console until PgBouncer answers. */
async function waitForConsole(adminUrl: string, child: ServiceProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null) throw new Error(`PgBouncer exited (code ${child.child.exitCode}) before it answered`);
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SHOW VERSION');
      return;
    } catch (error) {
      last = error;
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PgBouncer did not answer on its admin console within ${timeoutMs} ms`, { cause: last });
}

/**
 * Runs PgBouncer in transaction mode in front of `upstreamUrl`, as a child process on loopback with
 * its ini and auth files under `dir`. It refuses to run as root: then it runs as the `postgres` OS
 * user (`-u`), which the package creates and embedded PostgreSQL runs as.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<RunningPgBouncer> {
  const log = options.log ?? (() => {});
  await ensureInstalled(log);
  const poolSize = options.poolSize ?? DEFAULT_PGBOUNCER_POOL_SIZE;
  const upstream = new URL(options.upstreamUrl);
  const admin = 'pgbouncer_admin';
  const adminPassword = randomBytes(18).toString('base64url');
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const authFile = join(options.dir, 'userlist.txt');
  const iniFile = join(options.dir, 'pgbouncer.ini');
  const logins = { ...options.logins, [admin]: adminPassword };
  await writeFile(
    authFile,
    Object.entries(logins)
      .map(([name, password]) => authLine(name, password))
      .join('\n') + '\n',
    { mode: 0o600 },
  );
  await writeFile(iniFile, ini({ port: options.port, upstream, authFile, poolSize, admin }), { mode: 0o600 });
  const user = postgresOsUser();
  const asRoot = user !== undefined;
  // It reads both files again as that user on a reload.
  if (user) for (const path of [options.dir, authFile, iniFile]) await chown(path, user.uid, user.gid);
  const child = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), iniFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(line);
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: ServiceProcess = { name: 'pgbouncer', child, exited };
  const adminUrl = `postgres://${admin}:${adminPassword}@127.0.0.1:${options.port}/pgbouncer`;
  // SIGINT: safe shutdown (waits for clients' transactions); SIGTERM would drop them at once.
  const stop = () => stopProcess(service, 'SIGINT');
  try {
    await waitForConsole(adminUrl, service);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`PgBouncer ${asRoot ? 'as OS user postgres ' : `as ${userInfo().username} `}on 127.0.0.1:${options.port}, transaction pooling, ${poolSize} server connections per role`);
  return {
    port: options.port,
    poolSize,
    adminUrl,
    process: service,
    pooled: (url) => {
      const pooled = new URL(url);
      pooled.hostname = '127.0.0.1';
      pooled.port = String(options.port);
      return pooled.toString();
    },
    stop,
  };
}
