import { formatMinc, feeForYear } from '@mutual-graph/domain-codes';
import { PRIVACY_POLICY_VERSIONS } from '@mutual-graph/policy';
import { syntheticFees, syntheticFeeSchedule, syntheticMembers } from '@mutual-graph/synthetic';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const FINANCE = { roles: ['staff', 'membership-finance'] };
// A past year, so every day the tests name is behind us whatever today is; seeded with a schedule and a billing run.
const YEAR = new Date().getUTCFullYear() - 1;
const on = (monthDay: string) => `${YEAR}-${monthDay}`;

const FEES = `query ($id: ID!) { member(id: $id) { fees {
  year amountCents coveredFrom coveredTo issuedOn privacyPolicyVersion privacyPolicyChanges paidCents balanceCents
  payments { amountCents paidOn bankReference accountLast4 }
  refund { reason leftOn unusedCents refundCents }
} } }`;
const BILL = `mutation ($year: Int!) { issueAnnualBilling(year: $year) { year invoicesIssued invoices totalCents privacyPolicyVersion privacyPolicyChanges } }`;
const PAY = `mutation ($payment: FeePaymentInput!) { recordFeePayment(payment: $payment) { year paidCents balanceCents } }`;
const CHANGE = `mutation ($id: ID!, $to: MembershipStatus!, $on: Date!) { changeMembershipStatus(memberId: $id, to: $to, effectiveOn: $on) { membership { status } } }`;

interface Fee {
  year: number;
  amountCents: number;
  coveredFrom: string;
  coveredTo: string;
  privacyPolicyVersion: string;
  privacyPolicyChanges: string[];
  paidCents: number;
  balanceCents: number;
  payments: { amountCents: number; paidOn: string; bankReference: string; accountLast4: string | null }[];
  refund: { reason: string; leftOn: string; unusedCents: number; refundCents: number } | null;
}

async function feesOf(id: string): Promise<Fee[]> {
  const { body } = await postGraphQL<{ member: { fees: Fee[] } }>(stack.gatewayUrl, FEES, { id }, await asCaller('MEMBERSHIP'));
  expect(body.errors).toBeUndefined();
  return body.data!.member.fees;
}

let serial = 0;
/** A new member in Manitoba (fee region REST_OF_CANADA), family medicine, active from `startsOn`. */
async function newMember(startsOn: string): Promise<string> {
  serial += 1;
  const unique = `${Date.now() % 1_000_000}${serial}`;
  const letters = unique.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
  // A random MINC, drawn again in the rare case a seeded member holds it.
  for (let attempt = 0; ; attempt++) {
    const application = {
      profile: { firstName: 'Fee', lastName: `Payer-${letters}`, dateOfBirth: '1980-03-14' },
      contact: { email: `fee.${unique}@example.org`, phone: '+1-555-010-0142', city: 'Brandon', province: 'MB' },
      minc: formatMinc(String(8_000_000 + Math.floor(Math.random() * 1_999_999))),
      collegeRegistrations: [{ college: 'MB', registrationNumber: `MB-${unique}-${attempt}` }],
      typeOfWork: 'FM-NOB',
    };
    const applied = await postGraphQL<{ applyForMembership: { id: string } }>(
      stack.gatewayUrl,
      'mutation ($a: MembershipApplicationInput!) { applyForMembership(application: $a) { id } }',
      { a: application },
      await asCaller('MEMBERSHIP'),
    );
    if (applied.body.errors?.[0]?.extensions?.argument === 'application.minc' && attempt < 5) continue;
    expect(applied.body.errors).toBeUndefined();
    const id = applied.body.data!.applyForMembership.id;
    await change(id, 'ACTIVE', startsOn);
    return id;
  }
}

async function change(id: string, to: string, day: string) {
  const { body } = await postGraphQL(stack.gatewayUrl, CHANGE, { id, to, on: day }, await asCaller('MEMBERSHIP'));
  expect(body.errors).toBeUndefined();
}

async function bill(year: number) {
  return postGraphQL<{ issueAnnualBilling: { invoicesIssued: number; invoices: number; totalCents: number; privacyPolicyVersion: string; privacyPolicyChanges: string[] } }>(
    stack.gatewayUrl,
    BILL,
    { year },
    await asCaller('MEMBERSHIP', FINANCE),
  );
}

async function pay(payment: Record<string, unknown>) {
  return postGraphQL<{ recordFeePayment: { paidCents: number; balanceCents: number } }>(stack.gatewayUrl, PAY, { payment }, await asCaller('MEMBERSHIP', FINANCE));
}

const rateOf = async (year: number, typeOfWork: string, feeRegion: string) => {
  const { body } = await postGraphQL<{ feeSchedule: { typeOfWork: string; feeRegion: string; annualAmountCents: number }[] }>(
    stack.gatewayUrl,
    'query ($y: Int!) { feeSchedule(year: $y) { typeOfWork feeRegion annualAmountCents } }',
    { y: year },
    await asCaller('EDUCATION'),
  );
  return body.data!.feeSchedule.find((e) => e.typeOfWork === typeOfWork && e.feeRegion === feeRegion)!.annualAmountCents;
};

describe('the fee schedule', () => {
  it('gives every type of work in every fee region for a year, about no one, readable under any purpose', async () => {
    const { body } = await postGraphQL<{ feeSchedule: unknown[] }>(
      stack.gatewayUrl,
      'query ($y: Int!) { feeSchedule(year: $y) { typeOfWork feeRegion annualAmountCents } }',
      { y: YEAR },
      await asCaller('RISK_MANAGEMENT'),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.feeSchedule).toHaveLength(14 * 3);
  });

  it('is fixed once its year is billed, and refuses a year out of range as BAD_USER_INPUT', async () => {
    const entries = [{ typeOfWork: 'FM-NOB', feeRegion: 'ONTARIO', annualAmountCents: 1 }];
    const fixed = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($y: Int!, $e: [FeeScheduleEntryInput!]!) { setFeeSchedule(year: $y, entries: $e) { year } }',
      { y: YEAR, e: entries },
      await asCaller('MEMBERSHIP', FINANCE),
    );
    expect(fixed.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'entries' });
    const far = await postGraphQL(stack.gatewayUrl, 'query { feeSchedule(year: 1850) { year } }', {}, await asCaller('MEMBERSHIP'));
    expect(far.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });
});

describe('annual billing', () => {
  it('bills a member who joined during the year for their days only, with the privacy policy reminder, once however often it runs', async () => {
    const id = await newMember(on('07-01'));
    const [first, second] = await Promise.all([bill(YEAR), bill(YEAR)]);
    expect(first.body.errors).toBeUndefined();
    expect(second.body.errors).toBeUndefined();
    const runs = [first.body.data!.issueAnnualBilling, second.body.data!.issueAnnualBilling];
    // Two runs at once: one issued what was missing, the other waited and found nothing left.
    expect(Math.min(...runs.map((r) => r.invoicesIssued))).toBe(0);
    expect(runs[0].invoices).toBe(runs[1].invoices);
    const again = (await bill(YEAR)).body.data!.issueAnnualBilling;
    expect(again).toMatchObject({ invoicesIssued: 0, invoices: runs[0].invoices, totalCents: runs[0].totalCents });
    expect(again.privacyPolicyChanges.length).toBeGreaterThan(0);

    const rate = await rateOf(YEAR, 'FM-NOB', 'REST_OF_CANADA');
    const fees = await feesOf(id);
    expect(fees).toHaveLength(1);
    const days = (Date.parse(`${YEAR + 1}-01-01`) - Date.parse(on('07-01'))) / 86_400_000;
    const daysInYear = (Date.parse(`${YEAR + 1}-01-01`) - Date.parse(`${YEAR}-01-01`)) / 86_400_000;
    expect(fees[0]).toMatchObject({ year: YEAR, amountCents: Math.floor((2 * rate * days + daysInYear) / (2 * daysInYear)), coveredFrom: on('07-01'), coveredTo: on('12-31'), paidCents: 0 });
    expect(fees[0].balanceCents).toBe(fees[0].amountCents);
    // The reminder carried the policy in force when it was issued (today: the current version).
    expect(fees[0].privacyPolicyVersion).toBe(PRIVACY_POLICY_VERSIONS.at(-1)!.version);
    expect(fees[0].privacyPolicyChanges).toEqual(PRIVACY_POLICY_VERSIONS.at(-1)!.changes);
    const [{ n }] = await sql(stack.adminUrl, 'select count(*)::int as n from member.membership_fee where member_id = $1', [id]);
    expect(n).toBe(1);
  });

  it('refuses a year without a schedule as BAD_USER_INPUT, writing nothing', async () => {
    const before = await sql(stack.adminUrl, 'select count(*)::int as n from member.billing_run');
    const { body } = await bill(2001);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
    expect(await sql(stack.adminUrl, 'select count(*)::int as n from member.billing_run')).toEqual(before);
  });

  it('is membership staff’s: refused to other purposes and to staff without the finance role', async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, BILL, { year: YEAR }, await asCaller('MEMBERSHIP')), 'ROLE_REQUIRED');
    expectRefused(await postGraphQL(stack.gatewayUrl, BILL, { year: YEAR }, await asCaller('RISK_MANAGEMENT', FINANCE)), 'PURPOSE_SCOPE');
  });
});

describe('payments and refunds', () => {
  it('keeps only what the policy needs, refusing every hostile or oversized value and storing nothing', async () => {
    const id = await newMember(on('02-01'));
    await bill(YEAR);
    const good = { memberId: id, year: YEAR, amountCents: 1_000, paidOn: on('03-01'), bankReference: `T-${id.slice(0, 8)}`, accountLast4: '1234' };
    const hostile: [string, Record<string, unknown>][] = [
      ['payment.accountLast4', { accountLast4: '000123456789' }],
      ['payment.accountLast4', { accountLast4: '12345678901234567890'.repeat(500) }],
      ['payment.accountLast4', { accountLast4: '12\u00003' }],
      ['payment.bankReference', { bankReference: 'R'.repeat(10_000) }],
      ['payment.bankReference', { bankReference: 'REF\u0000' }],
      ['payment.bankReference', { bankReference: 'transit 00012 institution 003 account 1234567' }],
      ['payment.amountCents', { amountCents: -5 }],
      ['payment.amountCents', { amountCents: 1e9 }],
      ['payment.paidOn', { paidOn: '9999-12-31' }],
      ['payment.year', { year: 1900 }],
      ['payment.memberId', { memberId: 'x'.repeat(5_000) }],
    ];
    for (const [argument, change] of hostile) {
      const response = await pay({ ...good, ...change });
      expect(response.status).toBeLessThan(500);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    expect(await sql(stack.adminUrl, 'select count(*)::int as n from member.fee_payment where member_id = $1', [id])).toEqual([{ n: 0 }]);

    const first = await pay(good);
    expect(first.body.data!.recordFeePayment.paidCents).toBe(1_000);
    // The same transfer twice is one payment.
    expect((await pay(good)).body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'payment.bankReference' });
    // Never more than the year owes.
    const [fee] = await feesOf(id);
    expect((await pay({ ...good, bankReference: `U-${id.slice(0, 8)}`, amountCents: fee.balanceCents + 1 })).body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'payment.amountCents',
    });
    const stored = await sql(stack.adminUrl, 'select amount_cents, paid_on::text, bank_reference, account_last4 from member.fee_payment where member_id = $1', [id]);
    expect(stored).toEqual([{ amount_cents: 1_000, paid_on: on('03-01'), bank_reference: good.bankReference, account_last4: '1234' }]);
  });

  it('refunds the unused days of a year paid in full on resignation, once, never more than was paid', async () => {
    const id = await newMember(on('01-01'));
    await bill(YEAR);
    const [invoice] = await feesOf(id);
    await pay({ memberId: id, year: YEAR, amountCents: invoice.amountCents, paidOn: on('01-20'), bankReference: `R-${id.slice(0, 12)}`, accountLast4: null });
    await change(id, 'RESIGNED', on('10-01'));

    const rate = await rateOf(YEAR, 'FM-NOB', 'REST_OF_CANADA');
    const used = feeForYear([{ startsOn: on('01-01'), endsOn: on('09-30'), typeOfWork: 'FM-NOB', feeRegion: 'REST_OF_CANADA' }], YEAR, () => rate);
    const [settled] = await feesOf(id);
    expect(settled.refund).toEqual({ reason: 'RESIGNED', leftOn: on('10-01'), unusedCents: invoice.amountCents - used, refundCents: invoice.amountCents - used });
    expect(settled.balanceCents).toBe(0);

    // Back and gone again in the same year: the invoice is settled once, and no more money goes back than was paid.
    await change(id, 'ACTIVE', on('11-01'));
    await change(id, 'RETIRED', on('11-15'));
    const [again] = await feesOf(id);
    expect(again.refund).toEqual(settled.refund);
    expect(await sql(stack.adminUrl, 'select count(*)::int as n from member.fee_refund where member_id = $1', [id])).toEqual([{ n: 1 }]);
  });

  it('returns nothing to a member who paid less than their days cost, and takes the unused days off what they owe', async () => {
    const id = await newMember(on('01-01'));
    await bill(YEAR);
    const [invoice] = await feesOf(id);
    await pay({ memberId: id, year: YEAR, amountCents: 100, paidOn: on('01-20'), bankReference: `P-${id.slice(0, 12)}` });
    await change(id, 'RETIRED', on('07-01'));
    const [settled] = await feesOf(id);
    expect(settled.refund).toMatchObject({ reason: 'RETIRED', refundCents: 0 });
    expect(settled.balanceCents).toBe(invoice.amountCents - settled.refund!.unusedCents - 100);
  });

  it('takes payments that arrive at once one at a time: never more than the year owes in all, and each bank reference once', async () => {
    const id = await newMember(on('01-01'));
    await bill(YEAR);
    const [invoice] = await feesOf(id);
    // Six quarters of the invoice at once (through the gateway, each its own transaction on its own connection): four fit.
    const part = Math.ceil(invoice.amountCents / 4);
    const parts = await Promise.all(Array.from({ length: 6 }, (_, i) => pay({ memberId: id, year: YEAR, amountCents: part, paidOn: on('02-01'), bankReference: `Q${i}-${id.slice(0, 12)}` })));
    const accepted = parts.filter((p) => p.body.errors === undefined);
    expect(accepted).toHaveLength(Math.floor(invoice.amountCents / part));
    for (const refused of parts.filter((p) => p.body.errors !== undefined)) expect(refused.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'payment.amountCents' });
    // One bank reference sent four times at once is one payment.
    const twice = await Promise.all(Array.from({ length: 4 }, () => pay({ memberId: id, year: YEAR, amountCents: 1, paidOn: on('02-02'), bankReference: `D-${id.slice(0, 12)}` })));
    const owedBefore = invoice.amountCents - accepted.length * part;
    expect(twice.filter((p) => p.body.errors === undefined)).toHaveLength(owedBefore > 0 ? 1 : 0);
    const [{ paid, n }] = await sql<{ paid: number; n: number }>(
      stack.adminUrl,
      'select coalesce(sum(p.amount_cents), 0)::int as paid, count(*)::int as n from member.fee_payment p join member.membership_fee f on f.id = p.fee_id where f.member_id = $1',
      [id],
    );
    expect(paid).toBeLessThanOrEqual(invoice.amountCents);
    expect(n).toBe(accepted.length + (owedBefore > 0 ? 1 : 0));
    const [after] = await feesOf(id);
    expect(after.paidCents).toBe(paid);
    expect(after.balanceCents).toBe(invoice.amountCents - paid);
  });
});

describe('who reads a member’s fees', () => {
  const population = [...syntheticMembers(stack.seed)];
  const schedule = syntheticFeeSchedule(stack.seed);
  const payer = population.find((m) => m.status === 'ACTIVE' && syntheticFees(m, schedule, stack.seed).payments.length > 0)!;
  const other = population.find((m) => m.status === 'ACTIVE' && m.id !== payer.id)!;
  const OWN = '{ me { fees { year amountCents paidCents payments { bankReference } } } }';

  it('the member themself, under self-service, and as the seed billed them', async () => {
    const { body } = await postGraphQL<{ me: { fees: { year: number; amountCents: number; paidCents: number }[] } }>(
      stack.gatewayUrl,
      OWN,
      {},
      await asCaller('MEMBER_SELF_SERVICE', { memberId: payer.id }),
    );
    expect(body.errors).toBeUndefined();
    const seeded = syntheticFees(payer, schedule, stack.seed);
    expect(body.data!.me.fees.map((f) => [f.year, f.amountCents])).toEqual(seeded.fees.map((f) => [f.year, f.amountCents]).reverse());
  });

  it('no other member, and under no purpose but membership', async () => {
    const query = `{ member(id: "${other.id}") { fees { amountCents } } }`;
    expectRefused(await postGraphQL(stack.gatewayUrl, query, {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: payer.id })), 'SUBJECT_SCOPE');
    for (const purpose of ['RISK_MANAGEMENT', 'EDUCATION', 'MEDICO_LEGAL_ASSISTANCE', 'PRIVACY_OFFICE', 'COMMUNICATIONS', 'EDI_REPORTING'] as const) {
      expectRefused(await postGraphQL(stack.gatewayUrl, query, {}, await asCaller(purpose)), 'PURPOSE_SCOPE');
    }
  });
});
