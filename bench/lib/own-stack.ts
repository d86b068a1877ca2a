import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startStack, type RunningStack, type StackOptions } from '@mutual-graph/stack';
import type { SyntheticOptions } from '@mutual-graph/synthetic';

/** A benchmark's stack of its own: a fresh data folder, free ports, `members` synthetic members seeded as of today. */
export async function startOwnStack(
  name: string,
  members: number,
  log: (line: string) => void,
  extra: Pick<StackOptions, 'postgresSettings'> = {},
): Promise<{ stack: RunningStack; dataDir: string; seed: SyntheticOptions }> {
  const dataDir = await mkdtemp(join(tmpdir(), `mutual-graph-${name}-`));
  // PostgreSQL runs as its own OS user when we are root: it must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const subgraphPorts: Record<string, number> = {};
  for (const subgraph of ['member', 'case', 'education', 'privacy']) subgraphPorts[subgraph] = await freePort();
  const seed = { seed: 1_867, members, asOf: new Date().toISOString().slice(0, 10) };
  log(`loading ${members.toLocaleString('en')} members into a stack of its own (${dataDir})…`);
  const stack = await startStack({
    dataDir,
    gatewayPort: await freePort(),
    subgraphPorts,
    effectsPort: await freePort(),
    postgresPort: await freePort(),
    seed,
    quiet: true,
    ...extra,
    log,
  }).catch(async (error: unknown) => {
    // A stack that did not start (a service not ready in time on a busy machine) leaves its data directory otherwise.
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return { stack, dataDir, seed };
}
