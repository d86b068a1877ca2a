import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { SUBGRAPH_SDL_DIR, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { startGateway, type RunningGateway } from '@mutual-graph/gateway';
import { syntheticMember } from '@mutual-graph/synthetic';
import { parse } from 'graphql';
import { testGatewayConfig } from '../../test/support/in-process-graph.js';
import { postGraphQL, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';
import { until } from '../../test/support/until.js';

/** A supergraph composed from some of the subgraphs' committed SDL. */
async function supergraphOf(names: string[], urls: Record<string, string>): Promise<string> {
  const services = await Promise.all(names.map(async (name) => ({ name, url: urls[name], typeDefs: parse(await readFile(join(SUBGRAPH_SDL_DIR, `${name}.graphql`), 'utf8')) })));
  const result = composeServices(services);
  if (result.errors) throw result.errors[0];
  return result.supergraphSdl;
}

describe('the gateway on a static supergraph file', () => {
  const stack = testStack();
  let folder: string;
  let gateway: RunningGateway;
  const consentsOf = async (id: string) => postGraphQL(gateway.graphqlUrl, `query ($id: ID!) { member(id: $id) { id consents { purpose } } }`, { id }, await asCaller('PRIVACY_OFFICE'));

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'supergraph-'));
    // Start without the privacy subgraph: `consents` does not exist yet.
    await writeFile(join(folder, 'supergraph.graphql'), await supergraphOf(['member', 'case', 'education'], stack.subgraphUrls));
    gateway = await startGateway({ ...testGatewayConfig(stack.subgraphUrls), supergraphPath: join(folder, 'supergraph.graphql') });
  });
  afterAll(async () => {
    await gateway.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('serves the new graph after the file is replaced, without a restart', async () => {
    const id = syntheticMember(0, testStack().seed).id;
    const before = await consentsOf(id);
    expect(before.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Replace the file the way `npm run compose` does: the full four-subgraph supergraph.
    await writeFile(join(folder, 'supergraph.graphql'), await readFile(SUPERGRAPH_PATH, 'utf8'));
    await until(
      'the reloaded gateway answers',
      async () => (await consentsOf(id)).body.errors === undefined,
      (answered) => answered,
      5000,
    );
    const after = await consentsOf(id);
    expect(after.body.data!.member.id).toBe(id);
    expect(Array.isArray(after.body.data!.member.consents)).toBe(true);
  });

  it('keeps serving the last good supergraph when the file is replaced with something that is not one', async () => {
    await writeFile(join(folder, 'supergraph.graphql'), 'this is not a supergraph');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const id = syntheticMember(1, testStack().seed).id;
    const response = await consentsOf(id);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.member.id).toBe(id);
  });
});
