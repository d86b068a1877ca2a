import { TYPES_OF_WORK } from '@mutual-graph/domain-codes';
import { feeYear, shareOf, validPayment, validProgram, validSchedule } from '../../src/domain/fees.js';
import { FeeRegion } from '../../src/entities/membership-status.js';
import { Province } from '@mutual-graph/platform';
import type { FeePaymentInput } from '../../src/types/fee-inputs.js';
import { refusal } from '../../../../test/unit/support/refusal.js';

const TODAY = '2026-10-31';
const MEMBER = '4b0c7c4e-93f5-4c8e-9a43-1f0f6f3b2d11';
const payment = (overrides: Partial<FeePaymentInput> = {}): FeePaymentInput => ({
  memberId: MEMBER,
  year: 2026,
  amountCents: 780_000,
  paidOn: new Date('2026-02-03T00:00:00Z'),
  bankReference: 'EFT-2026-0000042-1',
  accountLast4: '6789',
  ...overrides,
});

describe('a payment keeps only what the policy needs', () => {
  it('keeps the amount, the day, the bank reference and four digits of the account', () => {
    expect(validPayment(payment(), MEMBER, TODAY)).toEqual({ memberId: MEMBER, year: 2026, amountCents: 780_000, paidOn: '2026-02-03', bankReference: 'EFT-2026-0000042-1', accountLast4: '6789' });
    expect(validPayment(payment({ accountLast4: null }), MEMBER, TODAY).accountLast4).toBeNull();
  });

  it('refuses, never trims, a full account or routing number offered as the last four digits', () => {
    for (const hostile of ['123456789012', '00012-003-1234567', '004', '12a4', ' 1234', '1234\n', '１２３４', '1234\u0000', '9'.repeat(10_000)]) {
      expect(refusal(() => validPayment(payment({ accountLast4: hostile }), MEMBER, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'payment.accountLast4' });
    }
  });

  it('refuses a bank reference that is too long, empty, or carries anything but the SWIFT character set', () => {
    for (const hostile of ['', ' leading', 'x'.repeat(36), 'x'.repeat(100_000), 'REF\u0000NUL', 'REF\nLINE', 'REF;DROP TABLE', 'réf', 'REF\u202E', 'IBAN CA12 3456 7890 1234 5678 9012 3456']) {
      expect(refusal(() => validPayment(payment({ bankReference: hostile }), MEMBER, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'payment.bankReference' });
    }
    expect(validPayment(payment({ bankReference: 'x'.repeat(35) }), MEMBER, TODAY).bankReference).toHaveLength(35);
  });

  it('refuses amounts that are not whole positive cents, or absurd', () => {
    for (const amountCents of [0, -1, 1.5, Number.NaN, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      expect(refusal(() => validPayment(payment({ amountCents }), MEMBER, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'payment.amountCents' });
    }
  });

  it('refuses a payment in the future or long before its year, and a year out of range', () => {
    expect(refusal(() => validPayment(payment({ paidOn: new Date('2026-11-01T00:00:00Z') }), MEMBER, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'payment.paidOn' });
    expect(refusal(() => validPayment(payment({ paidOn: new Date('2024-12-31T00:00:00Z') }), MEMBER, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'payment.paidOn' });
    for (const year of [1999, 2028, 2026.5]) expect(refusal(() => validPayment(payment({ year }), MEMBER, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'payment.year' });
  });
});

describe('fee years, schedules and programs', () => {
  it('bills from 2000 to the year after this one', () => {
    expect(feeYear(2027, TODAY)).toBe(2027);
    expect(refusal(() => feeYear(2028, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });

  const fullSchedule = () => TYPES_OF_WORK.flatMap((t) => Object.values(FeeRegion).map((feeRegion) => ({ typeOfWork: t.code, feeRegion, annualAmountCents: 100_000 })));

  it('takes a whole schedule and refuses one with a gap, a repeat, an unknown type of work or a bad amount', () => {
    expect(validSchedule(fullSchedule())).toHaveLength(TYPES_OF_WORK.length * 3);
    expect(refusal(() => validSchedule(fullSchedule().slice(1)))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'entries' });
    const repeated = fullSchedule();
    repeated[1] = { ...repeated[0] };
    expect(refusal(() => validSchedule(repeated))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'entries.1' });
    const unknown = fullSchedule();
    unknown[2] = { ...unknown[2], typeOfWork: 'ASTRO' };
    expect(refusal(() => validSchedule(unknown))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'entries.2.typeOfWork' });
    const fractional = fullSchedule();
    fractional[3] = { ...fractional[3], annualAmountCents: 10.5 };
    expect(refusal(() => validSchedule(fractional))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'entries.3.annualAmountCents' });
  });

  it('takes a program with a share in basis points, and refuses a bad partner id, share or years', () => {
    const program = { partnerId: 'on-fee-reimbursement', name: 'Ontario program', province: Province.ON, shareBasisPoints: 8500, fromYear: 2015, toYear: null };
    expect(validProgram(program, TODAY)).toEqual(program);
    expect(refusal(() => validProgram({ ...program, partnerId: 'on program' }, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'program.partnerId' });
    expect(refusal(() => validProgram({ ...program, shareBasisPoints: 10_001 }, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'program.shareBasisPoints' });
    expect(refusal(() => validProgram({ ...program, toYear: 2014 }, TODAY))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'program.toYear' });
  });

  it("computes the province's share in basis points, halves up", () => {
    expect(shareOf(780_000, 8_500)).toBe(663_000);
    expect(shareOf(1, 5_000)).toBe(1);
    expect(shareOf(3, 5_000)).toBe(2);
    expect(shareOf(780_000, 0)).toBe(0);
  });
});
