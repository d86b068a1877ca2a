import { caseSubgraph } from '@mutual-graph/case-subgraph';
import { syntheticMember } from '@mutual-graph/synthetic';
import { startCountingSubgraph } from '../../../test/support/counting-subgraph.js';
import { testStack, type Entities } from '../../../test/support/stack.js';
import { postAsGateway } from '../../../test/support/tokens.js';

describe('case subgraph batching', () => {
  const stack = testStack();
  let subgraph: Awaited<ReturnType<typeof startCountingSubgraph>>;
  beforeAll(async () => {
    subgraph = await startCountingSubgraph(caseSubgraph);
  });
  afterAll(() => subgraph.stop());

  it("loads 50 members' matters and advice calls with one statement per list and lookback", async () => {
    const representations = Array.from({ length: 50 }, (_, i) => ({ __typename: 'Member', id: syntheticMember(i, stack.seed).id }));
    subgraph.counter.reset();
    const { body } = await postAsGateway(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member {
          id
          medicoLegalHistory { id kind compensationPaid { amount currency } member { id } }
          recent: medicoLegalHistory(years: 3) { id }
          adviceCalls { topic language }
      } } }`,
      { r: representations },
      'MEDICO_LEGAL_ASSISTANCE',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toHaveLength(50);
    const statements = subgraph.counter.domainStatements();
    // Ten-year matters, three-year matters, advice calls: three statements, not 150.
    expect(statements).toHaveLength(3);
    expect(statements.filter((s) => /from "casework"\."medico_legal_matter"/.test(s))).toHaveLength(2);
    expect(statements.filter((s) => /from "casework"\."advice_call"/.test(s))).toHaveLength(1);
  });

  it('resolves matters referenced by id through _entities in one statement', async () => {
    const { body: listed } = await postAsGateway<Entities<{ medicoLegalHistory: { id: string }[] }>>(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { medicoLegalHistory { id } } } }`,
      { r: Array.from({ length: 80 }, (_, i) => ({ __typename: 'Member', id: syntheticMember(i, stack.seed).id })) },
      'MEDICO_LEGAL_ASSISTANCE',
    );
    const matterIds: string[] = listed.data!._entities.flatMap((m) => m.medicoLegalHistory.map((x) => x.id));
    expect(matterIds.length).toBeGreaterThan(3);
    subgraph.counter.reset();
    const { body } = await postAsGateway<Entities<{ id: string }>>(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MedicoLegalMatter { id kind } } }`,
      { r: matterIds.map((id) => ({ __typename: 'MedicoLegalMatter', id })) },
      'MEDICO_LEGAL_ASSISTANCE',
    );
    expect(body.data!._entities.map((m) => m.id)).toEqual(matterIds);
    expect(subgraph.counter.domainStatements()).toHaveLength(1);
  });

  it('refuses a lookback outside 1–50 years as BAD_USER_INPUT naming the argument', async () => {
    const { body } = await postAsGateway(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { medicoLegalHistory(years: 0) { id } } } }`,
      { r: [{ __typename: 'Member', id: syntheticMember(0, stack.seed).id }] },
      'MEDICO_LEGAL_ASSISTANCE',
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'years' });
  });
});
