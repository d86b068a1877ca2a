import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { supergraphFromFile } from '../../src/supergraph-source.js';
import { until } from '../../../test/support/until.js';

type Hook = ReturnType<typeof supergraphFromFile>;
type HookOptions = Parameters<Hook>[0];

/** Starts the hook as Apollo's gateway does, recording each supergraph it is handed after the first. */
async function watched(path: string) {
  const updates: string[] = [];
  const lines: string[] = [];
  const hook = supergraphFromFile(path, (line) => lines.push(line));
  const started = await hook({ update: (sdl: string) => updates.push(sdl), healthCheck: () => Promise.resolve(), getDataSource: () => undefined } as unknown as HookOptions);
  return { first: started.supergraphSdl, updates, lines, stop: () => started.cleanup?.() };
}

/** A timestamped folder the way the kubelet writes one: the ConfigMap's files, then nothing more. */
async function payload(folder: string, stamp: string, sdl: string) {
  await mkdir(join(folder, stamp));
  await writeFile(join(folder, stamp, 'supergraph.graphql'), sdl);
}

describe('the supergraph file source', () => {
  let folder: string;
  let composed: string;
  beforeAll(async () => {
    composed = await readFile(SUPERGRAPH_PATH, 'utf8');
  });
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'supergraph-source-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('hands over a file replaced in its folder, once, as `npm run compose` replaces it', async () => {
    const path = join(folder, 'supergraph.graphql');
    await writeFile(path, `${composed}\n# first\n`);
    const source = await watched(path);
    try {
      await writeFile(path, `${composed}\n# second\n`);
      await until(
        'the replaced file is handed over',
        () => Promise.resolve(source.updates.length),
        (n) => n > 0,
        5000,
      );
      // Writing the same text again is no new supergraph.
      await writeFile(path, `${composed}\n# second\n`);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(source.updates).toEqual([`${composed}\n# second\n`]);
    } finally {
      await source.stop();
    }
  });

  it('hands over a ConfigMap volume update: the kubelet swaps the ..data link, never touching the file name itself', async () => {
    // The layout a ConfigMap volume has: the file is a link through `..data` into a timestamped folder.
    await payload(folder, '..2026_12_02_05_00_00.000000001', `${composed}\n# first\n`);
    await symlink('..2026_12_02_05_00_00.000000001', join(folder, '..data'));
    await symlink('..data/supergraph.graphql', join(folder, 'supergraph.graphql'));
    const source = await watched(join(folder, 'supergraph.graphql'));
    try {
      expect(source.first).toBe(`${composed}\n# first\n`);
      // An update, as the kubelet's atomic writer makes it: a new folder, a new link beside `..data`, renamed over it.
      await payload(folder, '..2026_12_02_05_01_00.000000002', `${composed}\n# second\n`);
      await symlink('..2026_12_02_05_01_00.000000002', join(folder, '..data_tmp'));
      await rename(join(folder, '..data_tmp'), join(folder, '..data'));
      await rm(join(folder, '..2026_12_02_05_00_00.000000001'), { recursive: true });
      await until(
        'the swapped supergraph is handed over',
        () => Promise.resolve(source.updates),
        (updates) => updates.length > 0,
        5000,
      );
      expect(source.updates).toEqual([`${composed}\n# second\n`]);
      expect(source.lines.some((line) => line.startsWith('supergraph reloaded'))).toBe(true);
    } finally {
      await source.stop();
    }
  });
});
