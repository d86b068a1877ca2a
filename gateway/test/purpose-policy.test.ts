import type { Purpose } from '@mutual-graph/policy';
import { syntheticMember } from '@mutual-graph/synthetic';
import { postGraphQL, testStack } from '../../test/support/stack.js';
import { expectRefused } from '../../test/support/refusals.js';
import { asCaller } from '../../test/support/tokens.js';

// The table is written out by hand from the privacy policy (issue 3), not computed from the
// matrix in schema/, so that a wrong matrix fails here.
const OPERATIONS = {
  PROFILE: 'firstName lastName dateOfBirth',
  CONTACT: 'contact { email phone }',
  PROFESSIONAL: 'minc membershipNumber practice { specialty typeOfWork }',
  MEMBERSHIP: 'membership { status periods { startsOn } eligibleOn(date: "2020-01-01") }',
  MEDICO_LEGAL: 'medicoLegalHistory { kind outcome } adviceCalls { topic }',
  LEARNING: 'learningRecord { completedOn activity { title } }',
  PRIVACY_RECORD: 'consents { purpose status }',
  EDI: 'edi { genderIdentity }',
} as const;
type Operation = keyof typeof OPERATIONS;

const A = 'allowed';
const S = 'PURPOSE_SCOPE';
// Partners confirm membership on the partner graph; the internal graph refuses the purpose itself.
const R = 'PURPOSE_REQUIRED';
const TABLE: Record<Purpose, Record<Operation, string>> = {
  //                         PROFILE CONTACT PROFESSIONAL MEMBERSHIP MEDICO_LEGAL LEARNING PRIVACY_RECORD EDI
  MEMBERSHIP: { PROFILE: A, CONTACT: A, PROFESSIONAL: A, MEMBERSHIP: A, MEDICO_LEGAL: S, LEARNING: S, PRIVACY_RECORD: S, EDI: S },
  PARTNER_CONFIRMATION: { PROFILE: R, CONTACT: R, PROFESSIONAL: R, MEMBERSHIP: R, MEDICO_LEGAL: R, LEARNING: R, PRIVACY_RECORD: R, EDI: R },
  MEDICO_LEGAL_ASSISTANCE: { PROFILE: A, CONTACT: A, PROFESSIONAL: A, MEMBERSHIP: A, MEDICO_LEGAL: A, LEARNING: S, PRIVACY_RECORD: S, EDI: S },
  RISK_MANAGEMENT: { PROFILE: A, CONTACT: S, PROFESSIONAL: A, MEMBERSHIP: S, MEDICO_LEGAL: A, LEARNING: A, PRIVACY_RECORD: S, EDI: S },
  EDUCATION: { PROFILE: A, CONTACT: A, PROFESSIONAL: S, MEMBERSHIP: S, MEDICO_LEGAL: S, LEARNING: A, PRIVACY_RECORD: S, EDI: S },
  EDI_REPORTING: { PROFILE: S, CONTACT: S, PROFESSIONAL: S, MEMBERSHIP: S, MEDICO_LEGAL: S, LEARNING: S, PRIVACY_RECORD: S, EDI: S },
  MEMBER_SELF_SERVICE: { PROFILE: A, CONTACT: A, PROFESSIONAL: A, MEMBERSHIP: A, MEDICO_LEGAL: A, LEARNING: A, PRIVACY_RECORD: A, EDI: A },
  PRIVACY_OFFICE: { PROFILE: A, CONTACT: A, PROFESSIONAL: A, MEMBERSHIP: S, MEDICO_LEGAL: S, LEARNING: S, PRIVACY_RECORD: A, EDI: S },
  COMMUNICATIONS: { PROFILE: A, CONTACT: A, PROFESSIONAL: S, MEMBERSHIP: S, MEDICO_LEGAL: S, LEARNING: S, PRIVACY_RECORD: S, EDI: S },
};

const stack = testStack();
// A member who answered the EDI questions, so that allowed EDI reads have something to return.
const subject = syntheticMember(3, stack.seed);
const cases = Object.entries(TABLE).flatMap(([purpose, row]) => Object.entries(row).map(([operation, expected]) => [purpose as Purpose, operation as Operation, expected] as const));

describe('purpose of use × data category, through the gateway', () => {
  it.each(cases)('under %s, reading %s fields is %s', async (purpose, operation, expected) => {
    const response = await postGraphQL(stack.gatewayUrl, `query ($id: ID!) { member(id: $id) { ${OPERATIONS[operation]} } }`, { id: subject.id }, await asCaller(purpose, { memberId: subject.id }));
    if (expected === A) {
      expect(response.body.errors).toBeUndefined();
      expect(response.status).toBe(200);
      expect(response.body.data!.member).not.toBeNull();
    } else {
      expectRefused(response, expected);
      if (expected === S) expect(response.body.errors![0].extensions!.policy.fields.length).toBeGreaterThan(0);
    }
  });
});

describe('EDI isolation', () => {
  it.each(['MEMBERSHIP', 'MEDICO_LEGAL'] as const)('refuses EDI with %s fields whatever the purpose, even to the member themself', async (other) => {
    for (const purpose of (Object.keys(TABLE) as Purpose[]).filter((p) => p !== 'PARTNER_CONFIRMATION')) {
      const response = await postGraphQL(
        stack.gatewayUrl,
        `query ($id: ID!) { member(id: $id) { ${OPERATIONS.EDI} ${OPERATIONS[other]} } }`,
        { id: subject.id },
        await asCaller(purpose, { memberId: subject.id }),
      );
      expectRefused(response, 'EDI_ISOLATION');
      expect(response.body.errors![0].extensions!.policy.fields).toEqual(expect.arrayContaining(['EdiProfile.genderIdentity', 'Member.edi']));
    }
  });

  it('lets the member read their own EDI answers alone', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { firstName edi { genderIdentity answeredOn } } }', {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: subject.id }));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.me.firstName).toBe(subject.firstName);
  });
});

describe('subject scope', () => {
  const other = syntheticMember(4, stack.seed);

  it("refuses a member reading another member's record", async () => {
    const response = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { firstName } }', { id: other.id }, await asCaller('MEMBER_SELF_SERVICE', { memberId: subject.id }));
    expectRefused(response, 'SUBJECT_SCOPE');
  });

  it('refuses a member listing members', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ members(first: 2) { edges { node { firstName } } } }', {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: subject.id }));
    expectRefused(response, 'SUBJECT_SCOPE');
  });

  it('refuses self-service to a token that names no member', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { firstName } }', {}, await asCaller('MEMBER_SELF_SERVICE'));
    expectRefused(response, 'SUBJECT_SCOPE');
  });

  it("serves `me` as the token's own record", async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { id firstName } }', {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: subject.id }));
    expect(response.body.data!.me).toEqual({ id: subject.id, firstName: subject.firstName });
  });
});

describe('who and why', () => {
  const query = 'query ($id: ID!) { member(id: $id) { firstName } }';

  it('refuses a request without a token as UNAUTHENTICATED', async () => {
    const response = await postGraphQL(stack.gatewayUrl, query, { id: subject.id }, { 'x-purpose-of-use': 'MEMBERSHIP' });
    expect(response.status).toBe(401);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['without a purpose', undefined],
    ['with a purpose that does not exist', 'CURIOSITY'],
    ['with two purposes', 'MEMBERSHIP, EDUCATION'],
    ['with a purpose the token may not declare', 'EDUCATION'],
  ])('refuses a request %s as PURPOSE_REQUIRED', async (_label, header) => {
    const headers = await asCaller('MEMBERSHIP');
    if (header === undefined) delete headers['x-purpose-of-use'];
    else headers['x-purpose-of-use'] = header;
    expectRefused(await postGraphQL(stack.gatewayUrl, query, { id: subject.id }, headers), 'PURPOSE_REQUIRED');
  });
});
