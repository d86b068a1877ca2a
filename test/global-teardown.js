import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export default async function globalTeardown() {
  const stack = globalThis.__MUTUAL_GRAPH_STACK__;
  const { dataDir } = JSON.parse(process.env.TEST_STACK ?? '{}');
  // A service a test started again in the stack's place (test/support/processes.ts, restartInStack) is stopped with it.
  const restarted = dataDir ? await readFile(join(dataDir, 'restarted.pids'), 'utf8').catch(() => '') : '';
  for (const pid of restarted.split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGTERM');
    } catch {
      // gone already
    }
  }
  if (stack) await stack.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
