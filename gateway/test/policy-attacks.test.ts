import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { syntheticMember } from '@mutual-graph/synthetic';
import { postGraphQL, testStack, type GraphQLBody } from '../../test/support/stack.js';
import { asCaller, postAsGateway, tokenFor } from '../../test/support/tokens.js';
import { expectRefused } from '../../test/support/refusals.js';

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const asSelf = () => asCaller('MEMBER_SELF_SERVICE', { memberId: self.id });

describe('attacks on the operation policy that must fail', () => {
  it('an alias does not hide an EDI field', async () => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      'query ($id: ID!) { m: member(id: $id) { who: edi { g: genderIdentity } standing: membership { s: status } } }',
      { id: self.id },
      await asSelf(),
    );
    expectRefused(response, 'EDI_ISOLATION');
  });

  it('a named fragment does not hide an EDI field', async () => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      'fragment Private on Member { edi { genderIdentity } } query ($id: ID!) { member(id: $id) { membership { status } ...Private } }',
      { id: self.id },
      await asSelf(),
    );
    expectRefused(response, 'EDI_ISOLATION');
  });

  it('nested fragments and inline fragments do not hide a field outside the purpose', async () => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      'fragment Inner on Member { ... on Member { medicoLegalHistory { kind } } } fragment Outer on Member { ...Inner } query ($id: ID!) { member(id: $id) { firstName ...Outer } }',
      { id: self.id },
      await asCaller('EDUCATION'),
    );
    expectRefused(response, 'PURPOSE_SCOPE');
  });

  it.each([
    ['@skip(if: true)', '@skip(if: true)', {}],
    ['@include(if: false)', '@include(if: false)', {}],
    ['@include(if: $show) with $show false', '@include(if: $show)', { show: false }],
  ])('a field under %s counts as selected', async (_label, directive, variables) => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      `query ($id: ID!${directive.includes('$show') ? ', $show: Boolean!' : ''}) { member(id: $id) { firstName medicoLegalHistory ${directive} { kind } } }`,
      { id: self.id, ...variables },
      await asCaller('EDUCATION'),
    );
    expectRefused(response, 'PURPOSE_SCOPE');
  });

  it('the same field reached through a second entity path is still judged by its category', async () => {
    // RISK_MANAGEMENT may read matters but not contact details, also when they hang off the matter.
    const response = await postGraphQL(
      stack.gatewayUrl,
      'query ($id: ID!) { member(id: $id) { medicoLegalHistory { kind member { contact { email } } } } }',
      { id: self.id },
      await asCaller('RISK_MANAGEMENT'),
    );
    expectRefused(response, 'PURPOSE_SCOPE');
    expect(response.body.errors![0].extensions!.policy.fields).toEqual(expect.arrayContaining(['Contact.email', 'Member.contact']));
  });

  it('introspection does not open a way to EDI data', async () => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      'query ($id: ID!) { __type(name: "EdiProfile") { fields { name } } member(id: $id) { __typename edi { genderIdentity } } }',
      { id: self.id },
      await asCaller('MEMBERSHIP'),
    );
    expectRefused(response, 'PURPOSE_SCOPE');
  });

  it('batched HTTP requests, here mixing categories, are decided one operation at a time: the forbidden one gets nothing', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asCaller('EDUCATION')) },
      body: JSON.stringify([
        { query: 'query ($id: ID!) { member(id: $id) { firstName } }', variables: { id: self.id } },
        { query: 'query ($id: ID!) { member(id: $id) { medicoLegalHistory { kind } } }', variables: { id: self.id } },
      ]),
    });
    const answers = (await response.json()) as GraphQLBody<{ member: { firstName: string } }>[];
    expect(answers[0].data!.member.firstName).toBe(self.firstName);
    expect(answers[1].data ?? null).toBeNull();
    expect(answers[1].errors![0].extensions!.policy!.rule).toBe('PURPOSE_SCOPE');
    expect(JSON.stringify(answers)).not.toContain('"kind"');
  });

  it('an expired token is UNAUTHENTICATED', async () => {
    const token = await tokenFor({ purposes: ['MEMBERSHIP'], expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const response = await postGraphQL(stack.gatewayUrl, '{ members(first: 1) { totalCount } }', {}, { authorization: `Bearer ${token}`, 'x-purpose-of-use': 'MEMBERSHIP' });
    expect(response.status).toBe(401);
    expect(response.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('a token signed with another key is UNAUTHENTICATED', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const token = await tokenFor({ purposes: ['MEMBERSHIP'] }, await exportJWK(privateKey));
    const response = await postGraphQL(stack.gatewayUrl, '{ members(first: 1) { totalCount } }', {}, { authorization: `Bearer ${token}`, 'x-purpose-of-use': 'MEMBERSHIP' });
    expect(response.status).toBe(401);
  });
});

describe('subgraphs answer the gateway only', () => {
  const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id } } }`;
  const variables = { r: [{ __typename: 'Member', id: self.id }] };

  it.each(Object.keys(testStack().subgraphUrls))('%s refuses _entities and _service without a gateway token', async (name) => {
    for (const query of [entities, '{ _service { sdl } }']) {
      const response = await postGraphQL(stack.subgraphUrls[name], query, query === entities ? variables : {});
      expect(response.status).toBe(401);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a hop token forged with another key', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const response = await postAsGateway('member', entities, variables, 'MEMBER_SELF_SERVICE', { memberId: self.id }, { key: await exportJWK(privateKey) });
    expect(response.status).toBe(401);
  });

  it('refuses an expired hop token', async () => {
    const { bindRequest, HOP_ISSUER } = await import('@mutual-graph/hop');
    const binding = bindRequest('member', entities, variables);
    const expired = await new SignJWT({ purpose: 'MEMBERSHIP', purposes: ['MEMBERSHIP'], roles: [], rid: 'test', op: binding.operation, vars: binding.variables })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('test-caller')
      .setIssuer(HOP_ISSUER)
      .setAudience('member')
      .setJti('expired-token')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 300)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 240)
      .sign(await importJWK(stack.hopPrivateJwk, 'EdDSA'));
    const response = await postGraphQL(stack.subgraphUrls.member, entities, variables, { authorization: `Bearer ${expired}` });
    expect(response.status).toBe(401);
  });

  it('answers _service to the gateway, which the deny-by-default rules name explicitly', async () => {
    const response = await postAsGateway('case', '{ _service { sdl } }', {}, 'RISK_MANAGEMENT');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!._service.sdl).toContain('medicoLegalHistory');
  });

  it("answers the gateway's effect fields only to the gateway's own effect calls, not to any client's hop", async () => {
    for (const mutation of [`mutation { recordConsentGrants(grants: [{ memberId: "${self.id}", purpose: EDI_COLLECTION, givenAt: "2026-11-30T12:00:00Z" }]) }`]) {
      const response = await postAsGateway('privacy', mutation, {}, 'PARTNER_CONFIRMATION', { partnerId: 'hospital-7' });
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a caller token presented as if it were the gateway', async () => {
    const response = await postGraphQL(stack.subgraphUrls.member, entities, variables, { authorization: `Bearer ${await tokenFor({ purposes: ['MEMBERSHIP'] })}` });
    expect(response.status).toBe(401);
  });
});
