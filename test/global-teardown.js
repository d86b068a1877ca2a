import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export default async function globalTeardown() {
  // Set by global-setup.js, in this same process.
  const started = globalThis.__MUTUAL_GRAPH_STACK__;
  if (!started) return;
  // A service a test started again in the stack's place (test/support/processes.ts, restartInStack) is stopped with it.
  const restarted = await readFile(join(started.dataDir, 'restarted.pids'), 'utf8').catch(() => '');
  for (const pid of restarted.split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGTERM');
    } catch {
      // gone already
    }
  }
  await started.stack.stop();
  await rm(started.dataDir, { recursive: true, force: true });
}
