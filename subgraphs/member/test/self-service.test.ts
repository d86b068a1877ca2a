import { formatMinc } from '@mutual-graph/domain-codes';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { effectsSettled } from '../../../test/support/effects.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();

/** A fresh member of our own, so that corrections touch no seeded record other tests read. */
async function freshMember(): Promise<string> {
  const suffix = Math.floor(Math.random() * 1_000_000);
  const { body } = await postGraphQL<{ applyForMembership: { id: string } }>(
    stack.gatewayUrl,
    'mutation ($application: MembershipApplicationInput!) { applyForMembership(application: $application) { id } }',
    {
      application: {
        profile: { firstName: 'Noor', lastName: `Zzyzx-${String(suffix).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`, dateOfBirth: '1979-09-30' },
        contact: { email: `noor.${suffix}@example.org`, phone: '+1-555-010-0142', city: 'Whitehorse', province: 'YT' },
        minc: formatMinc(String(9_000_000 + suffix)),
        collegeRegistrations: [{ college: 'YT', registrationNumber: `YT-${suffix}` }],
        typeOfWork: 'IM',
      },
    },
    await asCaller('MEMBERSHIP'),
  );
  return body.data!.applyForMembership.id;
}

describe('member self-service', () => {
  let id: string;
  const asSelf = () => asCaller('MEMBER_SELF_SERVICE', { memberId: id });
  beforeAll(async () => {
    id = await freshMember();
  });

  it('lets a member correct their own contact details and name', async () => {
    const contact = await postGraphQL(
      stack.gatewayUrl,
      'mutation { updateMyContact(contact: { email: "Noor@Example.org", phone: "+1 867 555 0100", city: "Dawson", province: YT }) { contact { email city } } }',
      {},
      await asSelf(),
    );
    expect(contact.body.data!.updateMyContact.contact).toEqual({ email: 'noor@example.org', city: 'Dawson' });
    const profile = await postGraphQL(
      stack.gatewayUrl,
      'mutation { updateMyProfile(profile: { firstName: "Nour", lastName: "Zzyzx-Haddad", dateOfBirth: "1979-09-30" }) { firstName lastName } }',
      {},
      await asSelf(),
    );
    expect(profile.body.data!.updateMyProfile).toEqual({ firstName: 'Nour', lastName: 'Zzyzx-Haddad' });
  });

  it('moves the mailing address to another province and leaves where the member practises as it was', async () => {
    const moved = await postGraphQL(
      stack.gatewayUrl,
      'mutation { updateMyContact(contact: { email: "noor@example.org", phone: "+1 867 555 0100", city: "Vancouver", province: BC }) { contact { city province } practice { province } } }',
      {},
      await asSelf(),
    );
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data!.updateMyContact).toEqual({ contact: { city: 'Vancouver', province: 'BC' }, practice: { province: 'YT' } });

    // Membership services read the practice, and the mailing address, each as it now is.
    const read = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { practice { province } contact { province } } }', { id }, await asCaller('MEMBERSHIP'));
    expect(read.body.data!.member).toEqual({ practice: { province: 'YT' }, contact: { province: 'BC' } });
    expect(await sql(stack.adminUrl, 'select province::text, mailing_province::text from member.member where id = $1', [id])).toEqual([{ province: 'YT', mailing_province: 'BC' }]);
  });

  it('refuses a correction that is not valid, naming the field', async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, 'mutation { updateMyContact(contact: { email: "nope", phone: "+1 867 555 0100", city: "Dawson", province: YT }) { id } }', {}, await asSelf());
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'contact.email' });
  });

  it('lets a member give, change and delete their own EDI answers, and the rows are gone', async () => {
    const set = await postGraphQL(
      stack.gatewayUrl,
      'mutation { setMyEdiAnswers(answers: { consentToCollect: true, genderIdentity: "NON_BINARY", disability: "NO" }) { genderIdentity disability } }',
      {},
      await asSelf(),
    );
    expect(set.body.data!.setMyEdiAnswers).toEqual({ genderIdentity: 'NON_BINARY', disability: 'NO' });
    const changed = await postGraphQL(
      stack.gatewayUrl,
      'mutation { setMyEdiAnswers(answers: { consentToCollect: true, genderIdentity: "PREFER_NOT_TO_SAY" }) { genderIdentity disability } }',
      {},
      await asSelf(),
    );
    expect(changed.body.data!.setMyEdiAnswers).toEqual({ genderIdentity: 'PREFER_NOT_TO_SAY', disability: null });
    const deleted = await postGraphQL(stack.gatewayUrl, 'mutation { deleteMyEdiAnswers }', {}, await asSelf());
    expect(deleted.body.data!.deleteMyEdiAnswers).toBe(true);
    expect(await sql(stack.adminUrl, 'select 1 from edi.edi_profile where member_id = $1', [id])).toEqual([]);
    expect((await postGraphQL(stack.gatewayUrl, 'mutation { deleteMyEdiAnswers }', {}, await asSelf())).body.data!.deleteMyEdiAnswers).toBe(false);
  });

  it('withdrawing consent to EDI collection erases the EDI answers at once and records the withdrawal', async () => {
    const given = await postGraphQL(stack.gatewayUrl, 'mutation { setMyEdiAnswers(answers: { consentToCollect: true, sexualOrientation: "BISEXUAL" }) { sexualOrientation } }', {}, await asSelf());
    expect(given.body.errors).toBeUndefined();
    expect(await sql(stack.adminUrl, 'select 1 from edi.edi_profile where member_id = $1', [id])).toHaveLength(1);
    // Answers given with consent put that consent in the privacy office's log.
    await effectsSettled(id);
    expect(await sql(stack.adminUrl, `select status from privacy.consent where member_id = $1 and purpose = 'EDI_COLLECTION'`, [id])).toEqual([{ status: 'GRANTED' }]);

    const communications = await postGraphQL(stack.gatewayUrl, 'mutation { withdrawMyConsent(purpose: COMMUNICATIONS) { status } }', {}, await asSelf());
    expect(communications.body.data!.withdrawMyConsent.status).toBe('WITHDRAWN');
    expect(await sql(stack.adminUrl, 'select 1 from edi.edi_profile where member_id = $1', [id])).toHaveLength(1);

    const edi = await postGraphQL(stack.gatewayUrl, 'mutation { withdrawMyConsent(purpose: EDI_COLLECTION) { purpose status withdrawnAt } }', {}, await asSelf());
    expect(edi.body.errors).toBeUndefined();
    expect(edi.body.data!.withdrawMyConsent).toMatchObject({ purpose: 'EDI_COLLECTION', status: 'WITHDRAWN' });
    await effectsSettled(id);
    expect(await sql(stack.adminUrl, 'select 1 from edi.edi_profile where member_id = $1', [id])).toEqual([]);
    const [consent] = await sql(stack.adminUrl, `select status, withdrawn_at from privacy.consent where member_id = $1 and purpose = 'EDI_COLLECTION'`, [id]);
    expect(consent.status).toBe('WITHDRAWN');
    expect(consent.withdrawn_at).toBeInstanceOf(Date);
  });

  it('refuses an EDI answer the question does not offer', async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, 'mutation { setMyEdiAnswers(answers: { consentToCollect: true, genderIdentity: "SOMETIMES" }) { genderIdentity } }', {}, await asSelf());
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'answers.genderIdentity' });
  });

  it('refuses EDI answers and membership fields in one operation, even to the member', async () => {
    const response = await postGraphQL(
      stack.gatewayUrl,
      'mutation { setMyEdiAnswers(answers: { consentToCollect: true, genderIdentity: "WOMAN" }) { genderIdentity } updateMyContact(contact: { email: "n@example.org", phone: "+1 867 555 0100", city: "Dawson", province: YT }) { membership { status } } }',
      {},
      await asSelf(),
    );
    expectRefused(response, 'EDI_ISOLATION');
  });

  it('keeps self-service mutations to the member themself: refused to staff purposes', async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, 'mutation { deleteMyEdiAnswers }', {}, await asCaller('MEMBERSHIP', { memberId: id })), 'PURPOSE_SCOPE');
  });
});
