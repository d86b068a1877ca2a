import { PURPOSE_NAMES } from '@mutual-graph/policy';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller, postAsGateway } from '../../../test/support/tokens.js';

const stack = testStack();
const office = (sub = 'privacy-officer') => asCaller('PRIVACY_OFFICE', { sub });
const today = () => new Date().toISOString().slice(0, 10);

const PROVIDER_FIELDS = `id name service categories memberProvinces receivingSince stoppedReceivingOn agreementReference agreementSignedOn registeredBy
  locations { country countryName province } transfers { categories memberProvinces since until }
  assessments { id conclusion concludedOn reviewer categories memberProvinces }`;
const REGISTER = `mutation ($p: ServiceProviderInput!) { registerServiceProvider(provider: $p) { ${PROVIDER_FIELDS} } }`;
const SET_TRANSFER = `mutation ($id: ID!, $t: ProviderTransferInput!) { setServiceProviderTransfer(providerId: $id, transfer: $t) { ${PROVIDER_FIELDS} } }`;
const RECORD_PIA = 'mutation ($a: PrivacyImpactAssessmentInput!) { recordPrivacyImpactAssessment(assessment: $a) { id conclusion reviewer recordedBy } }';
const CONCLUDE_PIA = `mutation ($id: ID!, $c: AssessmentConclusion!, $why: String!, $on: Date!) {
  concludePrivacyImpactAssessment(assessmentId: $id, conclusion: $c, reasoning: $why, concludedOn: $on) { id conclusion concludedOn reviewer provider { categories stoppedReceivingOn } } }`;

type Provider = { id: string; categories: string[]; memberProvinces: string[]; stoppedReceivingOn: string | null; transfers: { until: string | null }[] };

let registered = 0;
const providerInput = (changes: Record<string, unknown> = {}) => ({
  name: `Test provider ${++registered} ${Date.now()}`,
  service: 'Scanning of paper files received by mail',
  locations: [{ country: 'CA', province: 'ON' }],
  agreementReference: 'CTR-TEST-001',
  agreementSignedOn: '2026-01-15',
  ...changes,
});
const assessmentInput = (providerId: string, changes: Record<string, unknown> = {}) => ({
  providerId,
  categories: ['CONTACT'],
  memberProvinces: ['QC'],
  sensitivity: 'MODERATE',
  purposes: ['MEMBERSHIP'],
  safeguards: 'Encryption at rest and in transit; named staff only.',
  destinationLegalRegime: 'Ontario, Canada: PIPEDA applies to the provider.',
  ...changes,
});

async function registerProvider(changes: Record<string, unknown> = {}): Promise<Provider> {
  const { body } = await postGraphQL<{ registerServiceProvider: Provider }>(stack.gatewayUrl, REGISTER, { p: providerInput(changes) }, await office());
  expect(body.errors).toBeUndefined();
  return body.data!.registerServiceProvider;
}

async function assessment(providerId: string, conclusion: 'PENDING' | 'FAVOURABLE' | 'UNFAVOURABLE', changes: Record<string, unknown> = {}): Promise<string> {
  const recorded = await postGraphQL<{ recordPrivacyImpactAssessment: { id: string } }>(stack.gatewayUrl, RECORD_PIA, { a: assessmentInput(providerId, changes) }, await office());
  expect(recorded.body.errors).toBeUndefined();
  const id = recorded.body.data!.recordPrivacyImpactAssessment.id;
  if (conclusion !== 'PENDING') {
    const concluded = await postGraphQL(stack.gatewayUrl, CONCLUDE_PIA, { id, c: conclusion, why: 'Weighed the sensitivity against the safeguards.', on: today() }, await office('reviewing-officer'));
    expect(concluded.body.errors).toBeUndefined();
  }
  return id;
}

const setTransfer = async (providerId: string, transfer: { categories: string[]; memberProvinces: string[] }) =>
  postGraphQL<{ setServiceProviderTransfer: Provider }>(stack.gatewayUrl, SET_TRANSFER, { id: providerId, t: transfer }, await office());

const storedProvider = async (id: string) =>
  (
    await sql<{ categories: string[]; transfers: number }>(
      stack.adminUrl,
      'select p.categories, (select count(*)::int from privacy.service_provider_transfer t where t.provider_id = p.id) as transfers from privacy.service_provider p where p.id = $1',
      [id],
    )
  )[0];

const QUEBEC_CONTACT = { categories: ['CONTACT'], memberProvinces: ['QC'] };

describe('the register of service providers and privacy impact assessments', () => {
  it('is read by the privacy office, as seeded: where each provider keeps the data, what it receives, and its assessments', async () => {
    const { body } = await postGraphQL<{
      serviceProviders: { name: string; locations: { country: string; province: string | null }[]; categories: string[]; assessments: { conclusion: string }[] }[];
    }>(stack.gatewayUrl, `{ serviceProviders { ${PROVIDER_FIELDS} } }`, {}, await office());
    expect(body.errors).toBeUndefined();
    const byName = new Map(body.data!.serviceProviders.map((p) => [p.name, p]));
    expect(byName.get('Relay Mail Delivery LLC')).toMatchObject({ locations: [{ country: 'US', countryName: 'United States', province: null }], assessments: [{ conclusion: 'FAVOURABLE' }] });
    expect(byName.get('Imprimerie Postale Laurentides')).toMatchObject({ locations: [{ country: 'CA', province: 'QC' }], memberProvinces: ['QC'], assessments: [] });
    expect(byName.get('Maritime Survey Panels Ltd.')).toMatchObject({ categories: [], stoppedReceivingOn: '2025-03-31' });
    const assessments = await postGraphQL<{ privacyImpactAssessments: { provider: { name: string } }[] }>(
      stack.gatewayUrl,
      '{ privacyImpactAssessments { id conclusion sensitivity purposes safeguards destinationLegalRegime reasoning concludedOn reviewer provider { name } } }',
      {},
      await office(),
    );
    expect(assessments.body.errors).toBeUndefined();
    expect(assessments.body.data!.privacyImpactAssessments.map((a) => a.provider.name)).toEqual(expect.arrayContaining(['Northern Shield Hosting Inc.', 'Relay Mail Delivery LLC']));
  });

  it.each(PURPOSE_NAMES.filter((p) => p !== 'PRIVACY_OFFICE'))('is refused to %s, reading or writing', async (purpose) => {
    const [member] = [...syntheticMembers(stack.seed)];
    const headers = await asCaller(purpose, { memberId: member.id });
    for (const [query, variables] of [
      ['{ serviceProviders { name } }', {}],
      ['{ privacyImpactAssessments { id } }', {}],
      ['mutation ($p: ServiceProviderInput!) { registerServiceProvider(provider: $p) { id } }', { p: providerInput() }],
    ] as const) {
      const { body } = await postGraphQL(stack.gatewayUrl, query, variables, headers);
      expect([query, body.data ?? null, body.errors?.[0]?.extensions?.code]).toEqual([query, null, 'FORBIDDEN']);
    }
  });

  describe('marking a provider as receiving the information of members outside the province where it keeps the data', () => {
    it('is refused without an assessment, with a pending one, an unfavourable one, or one for another category or province, and writes nothing', async () => {
      const provider = await registerProvider();
      const refusal = async () => {
        const { body } = await setTransfer(provider.id, QUEBEC_CONTACT);
        expect(body.data ?? null).toBeNull();
        expect(await storedProvider(provider.id)).toEqual({ categories: [], transfers: 0 });
        return body.errors?.[0]?.extensions;
      };
      expect(await refusal()).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'transfer', reason: 'NO_ASSESSMENT', category: 'CONTACT', province: 'QC' });
      await assessment(provider.id, 'FAVOURABLE', { categories: ['PROFILE'] });
      await assessment(provider.id, 'FAVOURABLE', { memberProvinces: ['NB'] });
      expect(await refusal()).toMatchObject({ reason: 'NO_ASSESSMENT' });
      const pending = await assessment(provider.id, 'PENDING');
      expect(await refusal()).toMatchObject({ reason: 'ASSESSMENT_PENDING' });
      const concluded = await postGraphQL(
        stack.gatewayUrl,
        CONCLUDE_PIA,
        { id: pending, c: 'UNFAVOURABLE', why: 'The destination offers no recourse.', on: today() },
        await office('reviewing-officer'),
      );
      expect(concluded.body.data).toMatchObject({ concludePrivacyImpactAssessment: { conclusion: 'UNFAVOURABLE', reviewer: 'reviewing-officer' } });
      expect(await refusal()).toMatchObject({ reason: 'ASSESSMENT_UNFAVOURABLE' });
    });

    it('is accepted on a concluded favourable assessment covering the category and the province, and kept as a period of receiving', async () => {
      const provider = await registerProvider();
      await assessment(provider.id, 'FAVOURABLE', { memberProvinces: ['NB', 'QC'] });
      const { body } = await setTransfer(provider.id, { categories: ['CONTACT'], memberProvinces: ['ON', 'QC'] });
      expect(body.errors).toBeUndefined();
      expect(body.data!.setServiceProviderTransfer).toMatchObject({
        categories: ['CONTACT'],
        memberProvinces: ['ON', 'QC'],
        receivingSince: today(),
        stoppedReceivingOn: null,
        transfers: [{ categories: ['CONTACT'], memberProvinces: ['ON', 'QC'], since: today(), until: null }],
      });
    });

    it('needs no assessment for the members of the province where the provider keeps the data, and one for every province when it keeps any outside Canada', async () => {
      const inProvince = await registerProvider({ locations: [{ country: 'CA', province: 'QC' }] });
      expect((await setTransfer(inProvince.id, QUEBEC_CONTACT)).body.errors).toBeUndefined();
      const abroad = await registerProvider({ locations: [{ country: 'CA', province: 'QC' }, { country: 'IE' }] });
      expect((await setTransfer(abroad.id, QUEBEC_CONTACT)).body.errors?.[0]?.extensions).toMatchObject({ reason: 'NO_ASSESSMENT', province: 'QC' });
    });

    it('does not stand on an older favourable assessment once a later one concludes unfavourably: the transfer ends', async () => {
      const provider = await registerProvider();
      await assessment(provider.id, 'FAVOURABLE');
      expect((await setTransfer(provider.id, QUEBEC_CONTACT)).body.errors).toBeUndefined();
      const later = await assessment(provider.id, 'PENDING');
      const { body } = await postGraphQL<{ concludePrivacyImpactAssessment: { provider: Provider } }>(
        stack.gatewayUrl,
        CONCLUDE_PIA,
        { id: later, c: 'UNFAVOURABLE', why: 'A new foreign access order applies to the provider.', on: today() },
        await office('reviewing-officer'),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.concludePrivacyImpactAssessment.provider).toEqual({ categories: [], stoppedReceivingOn: today() });
      expect((await setTransfer(provider.id, QUEBEC_CONTACT)).body.errors?.[0]?.extensions).toMatchObject({ reason: 'ASSESSMENT_UNFAVOURABLE' });
      // The assessment's conclusion is on record once: it is superseded by a new one, never rewritten.
      const again = await postGraphQL(stack.gatewayUrl, CONCLUDE_PIA, { id: later, c: 'FAVOURABLE', why: 'Changed our mind about it.', on: today() }, await office());
      expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'assessmentId', reason: 'ALREADY_CONCLUDED' });
    });

    it('cannot slip through an unfavourable conclusion made at the same moment', async () => {
      for (let round = 0; round < 4; round += 1) {
        const provider = await registerProvider();
        await assessment(provider.id, 'FAVOURABLE');
        const later = await assessment(provider.id, 'PENDING');
        const [officer, reviewer] = [await office(), await office('reviewing-officer')];
        await Promise.all([
          postGraphQL(stack.gatewayUrl, SET_TRANSFER, { id: provider.id, t: QUEBEC_CONTACT }, officer),
          postGraphQL(stack.gatewayUrl, CONCLUDE_PIA, { id: later, c: 'UNFAVOURABLE', why: 'The provider moved its servers abroad.', on: today() }, reviewer),
        ]);
        expect(await storedProvider(provider.id)).toMatchObject({ categories: [] });
        const open = await sql(stack.adminUrl, 'select 1 from privacy.service_provider_transfer where provider_id = $1 and until is null', [provider.id]);
        expect(open).toEqual([]);
      }
    });

    it('stops, closing the period of receiving', async () => {
      const provider = await registerProvider({ locations: [{ country: 'CA', province: 'QC' }] });
      await setTransfer(provider.id, QUEBEC_CONTACT);
      const stop = 'mutation ($id: ID!) { stopServiceProviderTransfer(providerId: $id) { categories stoppedReceivingOn transfers { until } } }';
      const { body } = await postGraphQL(stack.gatewayUrl, stop, { id: provider.id }, await office());
      expect(body.data).toEqual({ stopServiceProviderTransfer: { categories: [], stoppedReceivingOn: today(), transfers: [{ until: today() }] } });
      const again = await postGraphQL(stack.gatewayUrl, stop, { id: provider.id }, await office());
      expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_RECEIVING' });
    });
  });

  describe('hostile input', () => {
    const HOSTILE = ['A name\u0000 with a NUL', 'C1\u0085 next line', 'Bidi \u202e override', 'Zero\u200bwidth', 'x'.repeat(5001)];
    const count = async (table: string) => (await sql(stack.adminUrl, `select count(*)::int as n from privacy.${table}`))[0].n as number;

    it.each(['name', 'service', 'agreementReference'])('refuses control characters and overlong text in the provider’s %s, and writes nothing', async (field) => {
      const before = await count('service_provider');
      for (const value of [...HOSTILE, ...(field === 'service' ? [] : ['Two\nlines'])]) {
        const { body } = await postGraphQL(stack.gatewayUrl, REGISTER, { p: providerInput({ [field]: value }) }, await office());
        expect([value.slice(0, 20), body.errors?.[0]?.extensions]).toMatchObject([value.slice(0, 20), { code: 'BAD_USER_INPUT', argument: `provider.${field}` }]);
      }
      expect(await count('service_provider')).toBe(before);
    });

    it.each([
      ['provider.locations.0.country', { locations: [{ country: 'XX' }] }],
      ['provider.locations.0.province', { locations: [{ country: 'CA' }] }],
      ['provider.locations', { locations: [] }],
      ['provider.agreementSignedOn', { agreementSignedOn: '2999-01-01' }],
    ])('refuses a provider whose %s is not valid', async (argument, changes) => {
      const { body } = await postGraphQL(stack.gatewayUrl, REGISTER, { p: providerInput(changes) }, await office());
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    });

    it.each(['safeguards', 'destinationLegalRegime'])('refuses control characters and overlong text in an assessment’s %s, and writes nothing', async (field) => {
      const provider = await registerProvider();
      const before = await count('privacy_impact_assessment');
      for (const value of [...HOSTILE, 'Carriage\r\nreturn here']) {
        const { body } = await postGraphQL(stack.gatewayUrl, RECORD_PIA, { a: assessmentInput(provider.id, { [field]: value }) }, await office());
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: `assessment.${field}` });
      }
      expect(await count('privacy_impact_assessment')).toBe(before);
    });

    it.each([
      ['assessment.categories', { categories: ['GOSSIP'] }],
      ['assessment.purposes', { purposes: ['MARKETING'] }],
      ['assessment.purposes', { purposes: [] }],
      ['assessment.memberProvinces', { memberProvinces: [] }],
      ['assessment.providerId', { providerId: '00000000-0000-4000-8000-000000000000' }],
      ['assessment.providerId', { providerId: 'not-an-id' }],
    ])('refuses an assessment whose %s is not valid', async (argument, changes) => {
      const provider = await registerProvider();
      const { body } = await postGraphQL(stack.gatewayUrl, RECORD_PIA, { a: assessmentInput(provider.id, changes) }, await office());
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    });

    it('refuses control characters in a conclusion’s reasoning, a pending or future conclusion, and leaves the assessment pending', async () => {
      const provider = await registerProvider();
      const id = await assessment(provider.id, 'PENDING');
      for (const [variables, argument] of [
        [{ why: 'Fine\u0000 by us, really.' }, 'reasoning'],
        [{ why: 'Bidi \u202e reasoning here.' }, 'reasoning'],
        [{ c: 'PENDING' }, 'conclusion'],
        [{ on: '2999-01-01' }, 'concludedOn'],
      ] as const) {
        const { body } = await postGraphQL(stack.gatewayUrl, CONCLUDE_PIA, { id, c: 'FAVOURABLE', why: 'Weighed it all carefully.', on: today(), ...variables }, await office());
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
      expect((await sql(stack.adminUrl, 'select conclusion from privacy.privacy_impact_assessment where id = $1', [id]))[0].conclusion).toBe('PENDING');
    });

    it('refuses a transfer of an unknown category', async () => {
      const provider = await registerProvider({ locations: [{ country: 'CA', province: 'QC' }] });
      const { body } = await setTransfer(provider.id, { categories: ['GOSSIP'], memberProvinces: ['QC'] });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'transfer.categories' });
    });
  });

  describe("on the member's own record", () => {
    // Active members, read only (from the end of the population, where fewer tests change anyone).
    const members = [...syntheticMembers(stack.seed)].filter((m) => m.status === 'ACTIVE').reverse();
    const inQuebec = members.find((m) => m.province === 'QC' && m.mailingProvince === 'QC')!;
    const mailedToQuebec = members.find((m) => m.province !== 'QC' && m.mailingProvince === 'QC')!;
    const elsewhere = members.find((m) => m.province !== 'QC' && m.mailingProvince !== 'QC' && m.province !== 'NS' && m.mailingProvince !== 'NS')!;
    const PROVIDERS = '{ me { serviceProviders { name service categories locations { country countryName province } stoppedReceivingOn } } }';
    const namesFor = async (member: { id: string }) => {
      const { body } = await postGraphQL<{ me: { serviceProviders: { name: string }[] } }>(stack.gatewayUrl, PROVIDERS, {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id }));
      expect(body.errors).toBeUndefined();
      return body.data!.me.serviceProviders.map((p) => p.name);
    };

    it("lists the providers for the member's province of practice or mailing address, with what they receive and where, and not those for other provinces", async () => {
      const { body } = await postGraphQL<{ me: { serviceProviders: unknown[] } }>(stack.gatewayUrl, PROVIDERS, {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: inQuebec.id }));
      expect(body.errors).toBeUndefined();
      expect(body.data!.me.serviceProviders).toContainEqual({
        name: 'Imprimerie Postale Laurentides',
        service: 'Printing and mailing of paper notices to members in Quebec',
        categories: ['CONTACT', 'PROFILE'],
        locations: [{ country: 'CA', countryName: 'Canada', province: 'QC' }],
        stoppedReceivingOn: null,
      });
      expect(body.data!.me.serviceProviders).toContainEqual(expect.objectContaining({ name: 'Relay Mail Delivery LLC', locations: [{ country: 'US', countryName: 'United States', province: null }] }));
      expect(await namesFor(mailedToQuebec)).toContain('Imprimerie Postale Laurentides');
      const others = await namesFor(elsewhere);
      expect(others).toEqual(expect.arrayContaining(['Northern Shield Hosting Inc.', 'Relay Mail Delivery LLC']));
      expect(others).not.toContain('Imprimerie Postale Laurentides');
      expect(others).not.toContain('Maritime Survey Panels Ltd.');
    });

    it('shows nothing of the assessments', async () => {
      const { body } = await postGraphQL(stack.gatewayUrl, '{ me { serviceProviders { name assessments { conclusion } } } }', {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: inQuebec.id }));
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.message).toMatch(/Cannot query field "assessments"/);
    });

    it("is not reached past the gateway either: a signed hop asking the privacy subgraph's _entities for another member, or under another purpose, is refused", async () => {
      const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { serviceProviders { name } } } }';
      const r = [{ __typename: 'Member', id: inQuebec.id, practiceProvince: 'QC', contact: { province: 'QC' } }];
      for (const [purpose, caller] of [
        ['MEMBER_SELF_SERVICE', elsewhere.id],
        ['PRIVACY_OFFICE', inQuebec.id],
      ] as const) {
        const { body } = await postAsGateway<{ _entities: ({ serviceProviders: unknown } | null)[] }>('privacy', query, { r }, purpose, { memberId: caller });
        expect([purpose, body.data?._entities?.[0]?.serviceProviders ?? null, body.errors?.[0]?.extensions?.code]).toEqual([purpose, null, 'FORBIDDEN']);
      }
      const own = await postAsGateway<{ _entities: { serviceProviders: { name: string }[] }[] }>('privacy', query, { r }, 'MEMBER_SELF_SERVICE', { memberId: inQuebec.id });
      expect(own.body.data!._entities[0].serviceProviders.map((p) => p.name)).toContain('Imprimerie Postale Laurentides');
    });

    it("is not readable for another member's record, nor by the office or any other purpose", async () => {
      const query = 'query ($id: ID!) { member(id: $id) { serviceProviders { name } } }';
      const other = await postGraphQL(stack.gatewayUrl, query, { id: inQuebec.id }, await asCaller('MEMBER_SELF_SERVICE', { memberId: elsewhere.id }));
      expect([other.body.data ?? null, other.body.errors?.[0]?.extensions?.code, other.body.errors?.[0]?.extensions?.policy?.rule]).toEqual([null, 'FORBIDDEN', 'SUBJECT_SCOPE']);
      for (const purpose of PURPOSE_NAMES.filter((p) => p !== 'MEMBER_SELF_SERVICE')) {
        const { body } = await postGraphQL(stack.gatewayUrl, query, { id: inQuebec.id }, await asCaller(purpose, { memberId: inQuebec.id }));
        expect([purpose, body.data ?? null, body.errors?.[0]?.extensions?.code]).toEqual([purpose, null, 'FORBIDDEN']);
      }
    });
  });
});
