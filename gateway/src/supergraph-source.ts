import { log as gatewayLog } from './observability.js';
import { createHash } from 'node:crypto';
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';

const digest = (sdl: string) => createHash('sha256').update(sdl).digest('hex');

/**
 * The static supergraph written by `npm run compose`, reloaded when the file changes.
 * Watches the folder, not the file, because editors and `compose` replace the file
 * (a watch on the old inode would go quiet). Any event in the folder reads the file again:
 * a Kubernetes ConfigMap volume updates by swapping its `..data` link, so the events name
 * `..data` and a timestamped folder, never the file; the digest drops a read that changed
 * nothing. An unreadable or uncomposable file leaves the gateway serving the last good supergraph.
 */
export function supergraphFromFile(path: string, log: (line: string) => void = (line) => gatewayLog.info(line)): SupergraphSdlHook {
  return async ({ update }) => {
    let current = await readFile(path, 'utf8');
    let lastDigest = digest(current);
    let timer: NodeJS.Timeout | undefined;
    const reload = async () => {
      try {
        const next = await readFile(path, 'utf8');
        const nextDigest = digest(next);
        if (nextDigest === lastDigest) return;
        update(next);
        current = next;
        lastDigest = nextDigest;
        log(`supergraph reloaded from ${path}`);
      } catch (error) {
        log(`supergraph at ${path} not reloaded, still serving the previous one: ${(error as Error).message}`);
      }
    };
    const watcher = watch(dirname(path), () => {
      clearTimeout(timer);
      // Writers emit several events per save; settle first.
      timer = setTimeout(() => void reload(), 100); // reload() catches and logs its own failure
    });
    return {
      supergraphSdl: current,
      cleanup: () => {
        clearTimeout(timer);
        watcher.close();
        return Promise.resolve();
      },
    };
  };
}
