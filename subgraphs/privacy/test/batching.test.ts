import { privacySubgraph } from '@mutual-graph/privacy-subgraph';
import { syntheticMember } from '@mutual-graph/synthetic';
import { startCountingSubgraph } from '../../../test/support/counting-subgraph.js';
import { testStack } from '../../../test/support/stack.js';
import { postAsGateway } from '../../../test/support/tokens.js';

describe('privacy subgraph batching', () => {
  const stack = testStack();
  let subgraph: Awaited<ReturnType<typeof startCountingSubgraph>>;
  beforeAll(async () => {
    subgraph = await startCountingSubgraph(privacySubgraph);
  });
  afterAll(() => subgraph.stop());

  it("loads 70 members' consents with one statement", async () => {
    const representations = Array.from({ length: 70 }, (_, i) => ({ __typename: 'Member', id: syntheticMember(i, stack.seed).id }));
    subgraph.counter.reset();
    const { body } = await postAsGateway(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id consents { purpose status grantedAt withdrawnAt } } } }`,
      { r: representations },
      'PRIVACY_OFFICE',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toHaveLength(70);
    expect(subgraph.counter.domainStatements()).toHaveLength(1);
  });
});
