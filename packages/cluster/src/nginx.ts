import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ServiceProcess } from '@mutual-graph/stack';
import { nginxConfig, type Balanced } from './nginx-config.js';

const run = promisify(execFile);

/** Where Debian's nginx package puts the server. */
export const NGINX = '/usr/sbin/nginx';

/**
 * nginx from Debian's packages, installed with apt-get when it is missing (we are root on the
 * machines that run this; elsewhere the message says what to install), or one already on the PATH. The package's own service is
 * not what runs: the cluster starts nginx itself, as a child process, with its own configuration.
 */
export async function ensureNginx(log: (line: string) => void = () => {}): Promise<string> {
  if (existsSync(NGINX)) return NGINX;
  // Another system's package (Homebrew's, say) puts it elsewhere on the PATH.
  const onPath = (await run('sh', ['-c', 'command -v nginx']).catch(() => ({ stdout: '' }))).stdout.trim();
  if (onPath) return onPath;
  if (process.getuid?.() !== 0) throw new Error(`${NGINX} is missing: install nginx from your distribution's packages (Debian: apt-get install nginx)`);
  log('nginx is missing: installing it from Debian’s packages (apt-get install nginx)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], { env });
  // A machine whose package lists were never fetched (a fresh container) knows no nginx yet.
  await install().catch(async () => {
    await run('apt-get', ['update'], { env });
    await install();
  });
  if (!existsSync(NGINX)) throw new Error(`apt-get installed nginx, but ${NGINX} is not there`);
  return NGINX;
}

export interface RunningNginx {
  process: ServiceProcess;
  /** nginx's files: its configuration, pid, logs and temporary request bodies. */
  dir: string;
  configFile: string;
  accessLog: string;
  errorLog: string;
}

/** Whether something accepts connections on a loopback port. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Writes the configuration under `dir` and runs nginx in the foreground (`daemon off`) as a child
 * of this process, so that stopping the cluster stops it; resolves once every front accepts connections.
 */
export async function startNginx(binary: string, dir: string, fronts: Balanced[], options: { quiet?: boolean; timeoutMs?: number } = {}): Promise<RunningNginx> {
  await mkdir(join(dir, 'temp'), { recursive: true });
  const configFile = join(dir, 'nginx.conf');
  const errorLog = join(dir, 'error.log');
  await writeFile(configFile, nginxConfig(dir, fronts));
  // -e: the error log from the first line on, before the configuration naming it is read (not /var/log/nginx).
  const child = spawn(binary, ['-p', dir, '-c', configFile, '-e', errorLog], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (!options.quiet) process.stderr.write(`nginx     | ${chunk.toString('utf8')}`);
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (code ${child.exitCode}): ${output.join('').trim()} (see ${errorLog})`);
    if ((await Promise.all(fronts.map((f) => accepts(f.port)))).every(Boolean)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not listen on ${fronts.map((f) => f.port).join(', ')} (see ${errorLog})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { process: { name: 'nginx', child, exited }, dir, configFile, accessLog: join(dir, 'access.log'), errorLog };
}
