import { memberSubgraph } from '@mutual-graph/member-subgraph';
import { syntheticMember } from '@mutual-graph/synthetic';
import { startCountingSubgraph } from '../../../test/support/counting-subgraph.js';
import { testStack, type Entities } from '../../../test/support/stack.js';
import { postAsGateway } from '../../../test/support/tokens.js';

const ENTITIES = `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Member { id firstName membership { status periods { startsOn } eligibleOn(date: "2020-06-01") } }
    }
  }`;

describe('member subgraph batching', () => {
  const stack = testStack();
  let subgraph: Awaited<ReturnType<typeof startCountingSubgraph>>;
  beforeAll(async () => {
    subgraph = await startCountingSubgraph(memberSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('resolves 40 members through _entities with one statement for members and one for their periods', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => syntheticMember(i, stack.seed).id);
    subgraph.counter.reset();
    const { body } = await postAsGateway<Entities<{ id: string }>>(subgraph, ENTITIES, { representations: ids.map((id) => ({ __typename: 'Member', id })) }, 'MEMBERSHIP');

    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((m) => m.id)).toEqual(ids);
    const statements = subgraph.counter.domainStatements();
    expect(statements).toHaveLength(2);
    expect(statements.filter((s) => /from "member"\."member"/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /from "member"\."membership_period"/.test(s))).toHaveLength(1);
  });

  it('answers null in place for unknown and malformed representations, still in one statement', async () => {
    const known = syntheticMember(0, stack.seed).id;
    subgraph.counter.reset();
    const { body } = await postAsGateway(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } } }`,
      {
        r: [
          { __typename: 'Member', id: known },
          { __typename: 'Member', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'Member', id: 'not-a-uuid' },
        ],
      },
      'MEMBERSHIP',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([{ id: known }, null, null]);
    expect(subgraph.counter.domainStatements()).toHaveLength(1);
  });
});
