import { formatMinc } from '@mutual-graph/domain-codes';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { effectsSettled } from '../../../test/support/effects.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
let serial = 0;
/** Names hold letters only: a number spelt in letters keeps test names unique. */
const spelt = (n: number) => String(n).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
/** A valid application with a MINC no seeded member holds (seeded MINCs stay below 6,000,000). */
function application(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    profile: { firstName: 'Aurore', lastName: `Zzyzx-${spelt(serial)}${spelt(Math.floor(Math.random() * 1e6))}`, dateOfBirth: '1985-04-12' },
    contact: { email: `aurore.${serial}@example.org`, phone: '+1-555-010-0199', city: 'Iqaluit', province: 'NU' },
    minc: formatMinc(String(8_800_000 + serial + Math.floor(Math.random() * 100_000) * 10)),
    collegeRegistrations: [{ college: 'NU', registrationNumber: `NU-${Date.now() % 1_000_000}-${serial}` }],
    typeOfWork: 'FM-NOB',
    ...overrides,
  };
}

const APPLY = `mutation ($application: MembershipApplicationInput!, $edi: EdiAnswersInput) {
  applyForMembership(application: $application, ediAnswers: $edi) {
    id membershipNumber minc practice { typeOfWork specialty } collegeRegistrations { college registrationNumber }
    membership { status periods { startsOn endsOn } history { fromStatus toStatus effectiveOn } }
  }
}`;
const CHANGE = `mutation ($id: ID!, $to: MembershipStatus!, $on: Date!) {
  changeMembershipStatus(memberId: $id, to: $to, effectiveOn: $on) {
    membership { status periods { startsOn endsOn typeOfWork } history { fromStatus toStatus effectiveOn } }
  }
}`;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function apply(app = application(), edi?: Record<string, unknown>) {
  return postGraphQL<{ applyForMembership: { id: string } & Record<string, unknown> }>(stack.gatewayUrl, APPLY, { application: app, edi }, await asCaller('MEMBERSHIP'));
}

describe('applications', () => {
  it('records an application as APPLIED, with its College registrations and the first step of its history', async () => {
    const app = application();
    const { body } = await apply(app);
    expect(body.errors).toBeUndefined();
    const member = body.data!.applyForMembership;
    expect(member).toMatchObject({
      minc: app.minc,
      practice: { typeOfWork: 'FM-NOB', specialty: 'FAMILY_MEDICINE' },
      collegeRegistrations: app.collegeRegistrations,
      membership: { status: 'APPLIED', periods: [], history: [{ fromStatus: null, toStatus: 'APPLIED' }] },
    });
    expect(member.membershipNumber).toMatch(/^MG\d{7}$/);
  });

  it('sends EDI answers straight to the EDI store, never into the member record', async () => {
    const { body } = await apply(application(), { consentToCollect: true, genderIdentity: 'WOMAN', disability: 'PREFER_NOT_TO_SAY' });
    const id = body.data!.applyForMembership.id;
    const [edi] = await sql(stack.adminUrl, 'select gender_identity, disability, racialized_identity from edi.edi_profile where member_id = $1', [id]);
    expect(edi).toEqual({ gender_identity: 'WOMAN', disability: 'PREFER_NOT_TO_SAY', racialized_identity: null });
    const columns = await sql(stack.adminUrl, `select column_name from information_schema.columns where table_schema = 'member'`);
    expect(columns.map((c) => c.column_name)).not.toContain('gender_identity');
    await effectsSettled(id);
    expect(await sql(stack.adminUrl, `select status from privacy.consent where member_id = $1 and purpose = 'EDI_COLLECTION'`, [id])).toEqual([{ status: 'GRANTED' }]);
  });

  it.each([
    ['a MINC with a wrong check digit', { minc: 'CAMD-1234-5670' }, 'application.minc'],
    ['an unknown type of work', { typeOfWork: 'ASTROLOGY' }, 'application.typeOfWork'],
    ['an email that is not one', { contact: { email: 'not-an-email', phone: '+1-555-010-0199', city: 'Iqaluit', province: 'NU' } }, 'application.contact.email'],
    ['a date of birth that makes a child', { profile: { firstName: 'Aurore', lastName: 'Zzyzx', dateOfBirth: '2019-01-01' } }, 'application.profile.dateOfBirth'],
    ['no College registration', { collegeRegistrations: [] }, 'application.collegeRegistrations'],
  ])('refuses %s as BAD_USER_INPUT naming the field, writing nothing', async (_label, overrides, field) => {
    const app = application(overrides);
    const { body } = await apply(app);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
    expect(await sql(stack.adminUrl, 'select 1 from member.member where last_name = $1', [app.profile.lastName])).toEqual([]);
  });

  it('refuses EDI answers without consent, and then writes no application either', async () => {
    const app = application();
    const { body } = await apply(app, { consentToCollect: false, genderIdentity: 'MAN' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ediAnswers.consentToCollect' });
    expect(await sql(stack.adminUrl, 'select 1 from member.member where minc = $1', [app.minc])).toEqual([]);
  });

  it('refuses a second application with a MINC a member already holds', async () => {
    const app = application();
    await apply(app);
    const { body } = await apply({ ...application(), minc: app.minc });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'application.minc' });
  });

  it("is membership services' work: refused under any other purpose", async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, APPLY, { application: application() }, await asCaller('MEDICO_LEGAL_ASSISTANCE')), 'PURPOSE_SCOPE');
  });
});

describe('the membership lifecycle', () => {
  it('opens protection on acceptance, closes it on retirement, keeps every step, and eligibility follows the date of care', async () => {
    const { body } = await apply();
    const id = body.data!.applyForMembership.id;
    const change = async (to: string, on: string) => postGraphQL(stack.gatewayUrl, CHANGE, { id, to, on }, await asCaller('MEMBERSHIP'));

    expect((await change('ACTIVE', daysAgo(400))).body.errors).toBeUndefined();
    const retired = await change('RETIRED', daysAgo(30));
    expect(retired.body.errors).toBeUndefined();
    expect(retired.body.data!.changeMembershipStatus.membership).toEqual({
      status: 'RETIRED',
      periods: [{ startsOn: daysAgo(400), endsOn: daysAgo(31), typeOfWork: 'FM-NOB' }],
      history: [
        expect.objectContaining({ fromStatus: null, toStatus: 'APPLIED' }),
        { fromStatus: 'APPLIED', toStatus: 'ACTIVE', effectiveOn: daysAgo(400) },
        { fromStatus: 'ACTIVE', toStatus: 'RETIRED', effectiveOn: daysAgo(30) },
      ],
    });
    const eligibility = await postGraphQL(
      stack.gatewayUrl,
      'query ($id: ID!, $during: Date!, $after: Date!) { member(id: $id) { membership { during: eligibleOn(date: $during) after: eligibleOn(date: $after) } } }',
      { id, during: daysAgo(100), after: daysAgo(10) },
      await asCaller('MEDICO_LEGAL_ASSISTANCE'),
    );
    expect(eligibility.body.data!.member.membership).toEqual({ during: true, after: false });
  });

  it.each([
    ['a transition the lifecycle does not allow', 'RETIRED', () => daysAgo(1), 'to'],
    ['a date in the future', 'ACTIVE', () => new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10), 'effectiveOn'],
  ])('refuses %s, naming the argument', async (_label, to, on, argument) => {
    const { body } = await apply();
    const id = body.data!.applyForMembership.id;
    const response = await postGraphQL(stack.gatewayUrl, CHANGE, { id, to, on: on() }, await asCaller('MEMBERSHIP'));
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('changes the type of work by ending one period and beginning the next', async () => {
    const { body } = await apply();
    const id = body.data!.applyForMembership.id;
    await postGraphQL(stack.gatewayUrl, CHANGE, { id, to: 'ACTIVE', on: daysAgo(200) }, await asCaller('MEMBERSHIP'));
    const response = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($id: ID!, $on: Date!) { changeTypeOfWork(memberId: $id, typeOfWork: "EM", effectiveOn: $on) { practice { typeOfWork specialty } membership { periods { startsOn endsOn typeOfWork } } } }',
      { id, on: daysAgo(50) },
      await asCaller('MEMBERSHIP'),
    );
    expect(response.body.data!.changeTypeOfWork).toEqual({
      practice: { typeOfWork: 'EM', specialty: 'EMERGENCY_MEDICINE' },
      membership: {
        periods: [
          { startsOn: daysAgo(200), endsOn: daysAgo(51), typeOfWork: 'FM-NOB' },
          { startsOn: daysAgo(50), endsOn: null, typeOfWork: 'EM' },
        ],
      },
    });
  });
});
