import { educationSubgraph } from '@mutual-graph/education-subgraph';
import { syntheticMember } from '@mutual-graph/synthetic';
import { startCountingSubgraph } from '../../../test/support/counting-subgraph.js';
import { testStack, type Entities } from '../../../test/support/stack.js';
import { postAsGateway } from '../../../test/support/tokens.js';

describe('education subgraph batching', () => {
  const stack = testStack();
  let subgraph: Awaited<ReturnType<typeof startCountingSubgraph>>;
  beforeAll(async () => {
    subgraph = await startCountingSubgraph(educationSubgraph);
  });
  afterAll(() => subgraph.stop());

  it('loads 60 learning records and their activities with one statement each', async () => {
    const representations = Array.from({ length: 60 }, (_, i) => ({ __typename: 'Member', id: syntheticMember(i, stack.seed).id }));
    subgraph.counter.reset();
    const { body } = await postAsGateway<Entities<{ learningRecord: unknown[] }>>(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id learningRecord { completedOn credits activity { code title kind } } } } }`,
      { r: representations },
      'EDUCATION',
    );
    expect(body.errors).toBeUndefined();
    const completions = body.data!._entities.flatMap((m) => m.learningRecord);
    expect(completions.length).toBeGreaterThan(60);
    const statements = subgraph.counter.domainStatements();
    expect(statements).toHaveLength(2);
    expect(statements.filter((s) => /from "education"\."learning_completion"/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /from "education"\."learning_activity"/.test(s))).toHaveLength(1);
  });

  it("loads 60 members' registrations, education plans and credit cycles with one statement per list", async () => {
    const representations = Array.from({ length: 60 }, (_, i) => ({ __typename: 'Member', id: syntheticMember(i, stack.seed).id }));
    subgraph.counter.reset();
    const { body } = await postAsGateway(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id registrations { status } educationPlan { id } creditCycles { startsOn mainproCredits } } } }`,
      { r: representations },
      'EDUCATION',
    );
    expect(body.errors).toBeUndefined();
    const statements = subgraph.counter.domainStatements();
    expect(statements.filter((s) => /from "education"\."event_registration"/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /from "education"\."education_plan"/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /from "education"\."learning_completion"/.test(s))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});
