import { badUserInput } from '@mutual-graph/platform';
import { isoDate, isTypeOfWork, today, toMs, addDays, TYPES_OF_WORK } from '@mutual-graph/domain-codes';
import { FeeRegion } from '../entities/membership-status.js';
import type { FeePaymentInput, FeeReimbursementProgramInput, FeeScheduleEntryInput } from '../types/fee-inputs.js';

// The fee rules over plain values (the arithmetic itself, proration and the leaving settlement, is
// domain-codes' fees.ts, shared with the synthetic population); services/fees.ts applies them.

/** Fee years the graph bills: from the first year of records to the year after this one (billing ahead). */
export const FIRST_FEE_YEAR = 2000;

export function feeYear(year: number, todayIs: string = today(), argument = 'year'): number {
  const last = Number(todayIs.slice(0, 4)) + 1;
  if (!Number.isInteger(year) || year < FIRST_FEE_YEAR || year > last) throw badUserInput(argument, `year must be from ${FIRST_FEE_YEAR} to ${last}`);
  return year;
}

/** A year's annual amount is at most one million dollars: more is a typing mistake, not a fee. */
const MAX_ANNUAL_CENTS = 100_000_000;

/** A whole schedule for a year: every type of work in every fee region exactly once, each a whole number of cents. */
export function validSchedule(entries: readonly FeeScheduleEntryInput[]): FeeScheduleEntryInput[] {
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (!isTypeOfWork(entry.typeOfWork)) throw badUserInput(`entries.${i}.typeOfWork`, 'typeOfWork is not a known type-of-work code');
    if (!Number.isInteger(entry.annualAmountCents) || entry.annualAmountCents < 0 || entry.annualAmountCents > MAX_ANNUAL_CENTS) {
      throw badUserInput(`entries.${i}.annualAmountCents`, `annualAmountCents must be a whole number of cents from 0 to ${MAX_ANNUAL_CENTS}`);
    }
    const key = `${entry.typeOfWork}/${entry.feeRegion}`;
    if (seen.has(key)) throw badUserInput(`entries.${i}`, `${key} is given twice`);
    seen.add(key);
  });
  const expected = TYPES_OF_WORK.length * Object.keys(FeeRegion).length;
  // A schedule with a gap would leave some member without a fee: refused whole rather than guessed.
  if (seen.size !== expected) throw badUserInput('entries', `a schedule gives every type of work in every fee region (${expected} entries)`);
  return [...entries];
}

/** ISO 20022's end-to-end identification: at most 35 characters of SWIFT's character set. */
const BANK_REFERENCE = /^[A-Za-z0-9/?:().,'+-][A-Za-z0-9/?:().,'+ -]{0,34}$/;
const LAST_FOUR = /^[0-9]{4}$/;

export interface ValidPayment {
  memberId: string;
  year: number;
  amountCents: number;
  paidOn: string;
  bankReference: string;
  accountLast4: string | null;
}

/**
 * A payment as the policy keeps it: an amount, a day, the bank's reference, at most four digits of
 * the account. Anything longer or stranger is refused, never cut down to fit: a full account number
 * pasted into `accountLast4` is a mistake to send back, not four digits to keep.
 */
export function validPayment(payment: FeePaymentInput, memberId: string, todayIs: string = today()): ValidPayment {
  const year = feeYear(payment.year, todayIs, 'payment.year');
  if (!Number.isInteger(payment.amountCents) || payment.amountCents < 1 || payment.amountCents > MAX_ANNUAL_CENTS) {
    throw badUserInput('payment.amountCents', 'amountCents must be a whole, positive number of cents');
  }
  const paidOn = isoDate(payment.paidOn);
  if (paidOn > todayIs || payment.paidOn.getTime() >= toMs(addDays(todayIs, 1))) throw badUserInput('payment.paidOn', 'paidOn cannot be in the future');
  if (paidOn < `${year - 1}-01-01`) throw badUserInput('payment.paidOn', 'paidOn is long before the year it pays for');
  if (!BANK_REFERENCE.test(payment.bankReference)) {
    throw badUserInput('payment.bankReference', "bankReference must be 1 to 35 letters, digits, spaces or / - ? : ( ) . , ' +");
  }
  const last4 = payment.accountLast4 ?? null;
  if (last4 !== null && !LAST_FOUR.test(last4)) throw badUserInput('payment.accountLast4', 'accountLast4 is the last four digits of the account and nothing more');
  return { memberId, year, amountCents: payment.amountCents, paidOn, bankReference: payment.bankReference, accountLast4: last4 };
}

/** Partner ids as tokens carry them (the gateway's identifiers: no separators, no format characters). */
const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function validProgram(program: FeeReimbursementProgramInput, todayIs: string = today()) {
  if (!PARTNER_ID.test(program.partnerId)) throw badUserInput('program.partnerId', 'partnerId must be 1 to 64 letters, digits, dots, dashes or underscores');
  const name = program.name.trim();
  if (name.length < 1 || name.length > 120 || /[\p{Cc}\p{Cf}]/u.test(name)) throw badUserInput('program.name', 'name must be 1 to 120 printable characters');
  const share = program.shareBasisPoints ?? null;
  if (share !== null && (!Number.isInteger(share) || share < 0 || share > 10_000)) throw badUserInput('program.shareBasisPoints', 'shareBasisPoints must be from 0 to 10000');
  const fromYear = feeYear(program.fromYear, todayIs, 'program.fromYear');
  const toYear = program.toYear ?? null;
  if (toYear !== null && (!Number.isInteger(toYear) || toYear < fromYear || toYear > 9999)) throw badUserInput('program.toYear', 'toYear must be absent or not before fromYear');
  return { partnerId: program.partnerId, name, province: program.province, shareBasisPoints: share, fromYear, toYear };
}

/** A share of an amount, in basis points, rounded half up. */
export const shareOf = (cents: number, basisPoints: number) => Math.floor((2 * cents * basisPoints + 10_000) / 20_000);
