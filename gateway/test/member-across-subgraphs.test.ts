import { syntheticCasework, syntheticCatalogue, syntheticCompletions, syntheticConsents, syntheticMember } from '@mutual-graph/synthetic';
import { postGraphQL, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const MEMBER_360 = `
  query Member360($id: ID!) {
    member(id: $id) {
      id firstName lastName
      membership { status periods { startsOn endsOn typeOfWork } }
      medicoLegalHistory { kind openedOn status }
      learningRecord { completedOn activity { code } }
      consents { purpose status }
    }
  }`;
type Member360 = {
  member: {
    id: string;
    firstName: string;
    lastName: string;
    membership: { status: string; periods: { startsOn: string; endsOn: string | null; typeOfWork: string }[] };
    medicoLegalHistory: { kind: string; openedOn: string; status: string }[];
    learningRecord: { completedOn: string; activity: { code: string } }[];
    consents: { purpose: string; status: string }[];
  };
};

describe('one query through the gateway', () => {
  const stack = testStack();

  it('joins all four subgraphs on Member for the member themself, each part matching what that subgraph was seeded with', async () => {
    // Oracle: the deterministic generator, which produced the rows every subgraph was seeded from.
    const index = [...Array(stack.seed.members).keys()].find((i) => {
      const m = syntheticMember(i, stack.seed);
      const { matters } = syntheticCasework(m, stack.seed);
      return matters.length > 0 && syntheticConsents(m, stack.seed).length > 0;
    })!;
    const expected = syntheticMember(index, stack.seed);
    // Only the member may read every category of their record at once (MEMBER_SELF_SERVICE).
    const { body, status } = await postGraphQL<Member360>(stack.gatewayUrl, MEMBER_360, { id: expected.id }, await asCaller('MEMBER_SELF_SERVICE', { memberId: expected.id }));

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const member = body.data!.member;
    expect(member).toMatchObject({ id: expected.id, firstName: expected.firstName, lastName: expected.lastName });
    expect(member.membership.status).toBe(expected.status);
    expect(member.membership.periods).toEqual(expected.periods.map(({ startsOn, endsOn, typeOfWork }) => ({ startsOn, endsOn, typeOfWork })));

    const tenYearsAgo = new Date();
    tenYearsAgo.setUTCFullYear(tenYearsAgo.getUTCFullYear() - 10);
    const matters = syntheticCasework(expected, stack.seed).matters.filter((m) => m.openedOn >= tenYearsAgo.toISOString().slice(0, 10));
    expect(member.medicoLegalHistory.map((m) => m.openedOn).sort()).toEqual(matters.map((m) => m.openedOn).sort());

    const catalogue = syntheticCatalogue(stack.seed);
    const completions = syntheticCompletions(expected, catalogue, stack.seed);
    expect(member.learningRecord).toHaveLength(completions.length);
    const codes = new Map(catalogue.map((a) => [a.id, a.code]));
    expect(member.learningRecord.map((c) => c.activity.code).sort()).toEqual(completions.map((c) => codes.get(c.activityId)).sort());

    const purposes = [...new Set(syntheticConsents(expected, stack.seed).map((c) => c.purpose))].sort();
    expect(member.consents.map((c) => c.purpose).sort()).toEqual(purposes);
  });

  it('answers null for a member id that does not exist, without an error', async () => {
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'query ($id: ID!) { member(id: $id) { id firstName membership { status } } }',
      { id: '00000000-0000-4000-8000-000000000000' },
      await asCaller('MEMBERSHIP'),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.member).toBeNull();
  });
});
