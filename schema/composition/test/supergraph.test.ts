import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeSupergraph } from '@mutual-graph/composition';
import { SUBGRAPH_SDL_DIR, SUPERGRAPH_PATH } from '@mutual-graph/schema';

describe('the committed supergraph', () => {
  it('is exactly what composing the subgraphs gives now (run `npm run compose` after changing a subgraph)', async () => {
    const fresh = await composeSupergraph();
    expect(await readFile(SUPERGRAPH_PATH, 'utf8')).toBe(`${fresh.supergraphSdl.trim()}\n`);
    for (const [name, sdl] of Object.entries(fresh.subgraphSdl)) {
      expect(await readFile(join(SUBGRAPH_SDL_DIR, `${name}.graphql`), 'utf8')).toBe(`${sdl.trim()}\n`);
    }
  });

  it('makes Member an entity keyed by id in all four subgraphs', async () => {
    const { supergraphSdl } = await composeSupergraph();
    const member = /type Member\n((?:\s+@join__type\([^)]*\)\n)+)/.exec(supergraphSdl)?.[1] ?? '';
    for (const graph of ['MEMBER', 'CASE', 'EDUCATION', 'PRIVACY']) expect(member).toContain(`@join__type(graph: ${graph}, key: "id")`);
  });
});
