import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const stack = globalThis.__MUTUAL_GRAPH_STACK__;
  if (stack) await stack.stop();
  const { dataDir } = JSON.parse(process.env.TEST_STACK ?? '{}');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
