import { syntheticCasework, syntheticMember, syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack, type Entities } from '../../../test/support/stack.js';
import { asGatewayHop, postAsGateway } from '../../../test/support/tokens.js';

// What an attacker holding a hop token could do straight at a subgraph, past the gateway's front
// door: each subgraph must refuse whatever the gateway would have refused for that principal and
// purpose, and a token is good for one request at one subgraph only.

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const other = [...syntheticMembers(stack.seed)].find((m) => m.id !== self.id && syntheticCasework(m, stack.seed).matters.length > 0)!;
const othersMatter = syntheticCasework(other, stack.seed).matters[0].id;
// Each selection reads only what its token's purpose may read field by field: only the root-field
// and subject rules stand between it and every member's record.
const CURSORS = '{ members(first: 5) { edges { cursor } } }';
const CONTACTS = '{ members(first: 5) { edges { node { firstName contact { email } } } } }';
const PERIODS = '{ members(first: 5) { edges { node { membership { periods { startsOn } } } } } }';
const noPersonalData = (data: unknown) => JSON.stringify(data ?? null);

describe('each subgraph applies the whole policy to a valid hop token', () => {
  it("refuses a self-service token another member's medico-legal matter through _entities at the case subgraph", async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on MedicoLegalMatter { id kind counsel compensationPaid { amount } } } }';
    const response = await postAsGateway<Entities<{ counsel: string | null; compensationPaid: unknown }>>(
      'case',
      query,
      { r: [{ __typename: 'MedicoLegalMatter', id: othersMatter }] },
      'MEMBER_SELF_SERVICE',
      { memberId: self.id },
    );
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('SUBJECT_SCOPE');
    const matter = response.body.data?._entities?.[0];
    expect(matter?.counsel ?? null).toBeNull();
    expect(matter?.compensationPaid ?? null).toBeNull();
  });

  it('refuses a self-service token the members list at the member subgraph, cursors included', async () => {
    const response = await postAsGateway('member', CURSORS, {}, 'MEMBER_SELF_SERVICE', { memberId: self.id });
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('SUBJECT_SCOPE');
    expect(response.body.data?.members ?? null).toBeNull();
  });

  it("refuses a self-service token naming another member's id in a mutation's arguments", async () => {
    const response = await postAsGateway(
      'case',
      'mutation ($m: ID) { requestAssistance(memberId: $m, kind: OTHER, eventsOn: "2026-01-05", summary: "not mine to ask") { id } }',
      { m: other.id },
      'MEMBER_SELF_SERVICE',
      { memberId: self.id },
    );
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('SUBJECT_SCOPE');
    expect(response.body.data?.requestAssistance ?? null).toBeNull();
  });

  it('refuses a COMMUNICATIONS token the plain members list (the matrix limits its root fields)', async () => {
    const response = await postAsGateway('member', CONTACTS, {}, 'COMMUNICATIONS');
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.body.data?.members ?? null).toBeNull();
  });

  it("refuses a PARTNER_CONFIRMATION token members' periods", async () => {
    const response = await postAsGateway('member', PERIODS, {}, 'PARTNER_CONFIRMATION', { partnerId: 'hospital-7' });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(noPersonalData(response.body.data)).not.toContain('startsOn');
  });

  it('refuses a filter by membership status to a purpose that may not read membership (EDUCATION)', async () => {
    const response = await postAsGateway('member', '{ members(first: 5, filter: { status: DECEASED }) { edges { node { firstName } } } }', {}, 'EDUCATION');
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('PURPOSE_SCOPE');
    expect(response.body.data?.members ?? null).toBeNull();
  });
});

describe("each subgraph's shield reads the bindings its own schema declares", () => {
  it('refuses a root field bound to another purpose, to a purpose that may read its category (matterStatistics under MEDICO_LEGAL_ASSISTANCE)', async () => {
    const response = await postAsGateway('case', '{ matterStatistics(groupBy: [KIND]) { matters } }', {}, 'MEDICO_LEGAL_ASSISTANCE');
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('PURPOSE_SCOPE');
    expect(response.body.data?.matterStatistics ?? null).toBeNull();
  });

  it("refuses a member's field bound to other purposes through _entities (Member.supportProgram under MEDICO_LEGAL_ASSISTANCE)", async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { supportProgram { status } } } }';
    const response = await postAsGateway<Entities<{ supportProgram: { status: string } | null }>>('case', query, { r: [{ __typename: 'Member', id: other.id }] }, 'MEDICO_LEGAL_ASSISTANCE');
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('PURPOSE_SCOPE');
    expect(response.body.data?._entities?.[0]?.supportProgram ?? null).toBeNull();
  });

  it('refuses a role-bound mutation to a principal without the role (publishEdiRelease at the member subgraph)', async () => {
    const response = await postAsGateway('member', 'mutation { publishEdiRelease { id } }', {}, 'EDI_REPORTING', { roles: ['staff'] });
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('ROLE_REQUIRED');
    expect(response.body.data?.publishEdiRelease ?? null).toBeNull();
  });
});

describe('a hop token is good for one request at one subgraph, once', () => {
  const query = 'query ($id: ID!) { member(id: $id) { firstName } }';

  it('is refused when replayed', async () => {
    const headers = await asGatewayHop({ to: 'member', query, variables: { id: self.id } }, 'MEMBERSHIP');
    const first = await postGraphQL(stack.subgraphUrls.member, query, { id: self.id }, headers);
    expect(first.body.errors).toBeUndefined();
    const replay = await postGraphQL(stack.subgraphUrls.member, query, { id: self.id }, headers);
    expect(replay.status).toBe(401);
    expect(replay.body.data ?? null).toBeNull();
  });

  it('is refused for another operation or other variables than it was signed for', async () => {
    const headers = await asGatewayHop({ to: 'member', query, variables: { id: self.id } }, 'MEMBERSHIP');
    const otherVariables = await postGraphQL(stack.subgraphUrls.member, query, { id: other.id }, headers);
    expect(otherVariables.status).toBe(401);
    const otherQuery = await postGraphQL(stack.subgraphUrls.member, CONTACTS, {}, headers);
    expect(otherQuery.status).toBe(401);
  });

  it("is refused when a partner confirmation's token is used to confirm another physician (no disclosure would be recorded)", async () => {
    const confirm = 'query ($minc: String) { membershipConfirmation(minc: $minc) { isMember status } }';
    const headers = await asGatewayHop({ to: 'member', query: confirm, variables: { minc: self.minc } }, 'PARTNER_CONFIRMATION', { partnerId: 'hospital-7' });
    const response = await postGraphQL(stack.subgraphUrls.member, confirm, { minc: other.minc }, headers);
    expect(response.status).toBe(401);
    expect(response.body.data ?? null).toBeNull();
  });

  it('is refused at another subgraph than the one it names', async () => {
    const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { medicoLegalHistory { kind } } } }';
    const variables = { r: [{ __typename: 'Member', id: self.id }] };
    const response = await postGraphQL(stack.subgraphUrls.case, entities, variables, await asGatewayHop({ to: 'member', query: entities, variables }, 'MEDICO_LEGAL_ASSISTANCE'));
    expect(response.status).toBe(401);
  });

  it("refuses a partner's effect token for recording disclosures when replayed at the member subgraph to erase EDI answers", async () => {
    const erase = 'mutation ($m: [ID!]!) { eraseEdiAnswers(memberIds: $m) }';
    const variables = { m: [self.id] };
    const before = await sql(stack.ownerUrls.edi, 'select count(*)::int as n from edi.edi_profile where member_id = $1', [self.id]);
    // Addressed to the privacy subgraph, as the gateway signs it: refused at the member subgraph.
    const elsewhere = await postGraphQL(
      stack.subgraphUrls.member,
      erase,
      variables,
      await asGatewayHop({ to: 'privacy', query: erase, variables }, 'PARTNER_CONFIRMATION', { partnerId: 'hospital-7' }, { effect: 'Mutation.recordDisclosures' }),
    );
    expect(elsewhere.status).toBe(401);
    // Even addressed to the member subgraph, an effect token for another effect is refused.
    const otherEffect = await postAsGateway('member', erase, variables, 'PARTNER_CONFIRMATION', { partnerId: 'hospital-7' }, { effect: 'Mutation.recordDisclosures' });
    expect(otherEffect.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(otherEffect.body.data?.eraseEdiAnswers ?? null).toBeNull();
    const after = await sql(stack.ownerUrls.edi, 'select count(*)::int as n from edi.edi_profile where member_id = $1', [self.id]);
    expect(after).toEqual(before);
  });

  it('logs and counts every token it refuses, by reason', async () => {
    const read = async () => {
      const text = await (await fetch(new URL('/metrics', stack.subgraphUrls.member))).text();
      const line = (reason: string) => Number(new RegExp(`subgraph_hop_refusals_total\\{[^}]*reason="${reason}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 0);
      return { missing: line('missing'), wrong: line('wrong-request'), replayed: line('replayed') };
    };
    const before = await read();
    await postGraphQL(stack.subgraphUrls.member, query, { id: self.id });
    const headers = await asGatewayHop({ to: 'member', query, variables: { id: self.id } }, 'MEMBERSHIP');
    await postGraphQL(stack.subgraphUrls.member, query, { id: other.id }, headers);
    await postGraphQL(stack.subgraphUrls.member, query, { id: self.id }, headers);
    await postGraphQL(stack.subgraphUrls.member, query, { id: self.id }, headers);
    const after = await read();
    expect(after.missing - before.missing).toBe(1);
    expect(after.wrong - before.wrong).toBe(1);
    expect(after.replayed - before.replayed).toBe(1);
  });
});
