import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ClaimShape } from './configuration.js';

/** The built entry point the process runs (from the sources too, as tests import them). */
export const IDENTITY_PROVIDER_SCRIPT = join(import.meta.dirname, '..', 'dist', 'server.js');

export interface IdentityProviderProcessOptions {
  port: number;
  /** `IDP_KEYS_FILE`: generated with one RS256 key when absent. */
  keysFile: string;
  /** `IDP_CONFIG_FILE`; default `identity-provider.json` beside the keys file, generated when absent. */
  configFile?: string;
  host?: string;
  /** Default `http://localhost:<port>`. */
  issuer?: string;
  claimShape?: ClaimShape;
  audience?: string;
  /** Further environment (e.g. NODE_ENV). */
  env?: Record<string, string>;
  /** Each line the process prints (default: dropped). */
  log?: (line: string) => void;
  /** How long to wait for discovery to answer (default 20 s). */
  readyTimeoutMs?: number;
}

export interface IdentityProviderProcess {
  issuer: string;
  /** The provider's JWKS (`jwks_uri`): the key that signs and any kept for a rotation. */
  jwksUrl: string;
  tokenUrl: string;
  authorizationUrl: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
  /** Sends SIGHUP and resolves once the process says `keys reloaded: <kids>`, with those kids. */
  reloadKeys(): Promise<string[]>;
}

/** Starts `dist/server.js` as a child process and resolves once its discovery document answers. */
export async function startIdentityProviderProcess(options: IdentityProviderProcessOptions): Promise<IdentityProviderProcess> {
  const issuer = options.issuer ?? `http://localhost:${options.port}`;
  const child = spawn(process.execPath, ['--enable-source-maps', IDENTITY_PROVIDER_SCRIPT], {
    env: {
      ...process.env,
      IDP_PORT: String(options.port),
      IDP_HOST: options.host ?? '127.0.0.1',
      IDP_ISSUER: issuer,
      IDP_KEYS_FILE: options.keysFile,
      ...(options.configFile ? { IDP_CONFIG_FILE: options.configFile } : {}),
      ...(options.claimShape ? { IDP_CLAIM_SHAPE: options.claimShape } : {}),
      ...(options.audience ? { IDP_AUDIENCE: options.audience } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lineListeners = new Set<(line: string) => void>();
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines.filter((l) => l.trim())) {
        output.push(line);
        options.log?.(line);
        for (const listener of lineListeners) listener(line);
      }
    });
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const discovery = `http://127.0.0.1:${options.port}/.well-known/openid-configuration`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the identity provider exited (code ${child.exitCode}): ${output.slice(-3).join(' | ')}`);
    const ready = await fetch(discovery, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the identity provider did not answer ${discovery}: ${output.slice(-3).join(' | ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const reloadKeys = async () => {
    const reloaded = new Promise<string[]>((resolve, reject) => {
      const listener = (line: string) => {
        const match = /^keys (reloaded: (.*)|not reloaded.*)$/.exec(line);
        if (!match) return;
        lineListeners.delete(listener);
        if (match[2] !== undefined) resolve(match[2].split(', '));
        else reject(new Error(line));
      };
      lineListeners.add(listener);
    });
    child.kill('SIGHUP');
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the identity provider did not reload its keys within 10 s')), 10_000).unref());
    return Promise.race([reloaded, timeout, once(child, 'exit').then(() => Promise.reject(new Error('the identity provider exited')))]);
  };
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    tokenUrl: `${issuer}/token`,
    authorizationUrl: `${issuer}/auth`,
    pid: child.pid!,
    child,
    exited,
    stop,
    reloadKeys,
  };
}
