import { daysBetween, maxDate, minDate } from './calendar.js';

// Membership fees, in integer cents (never floats), counted by days. Shared by the member
// subgraph (billing, refunds) and the synthetic population, so seeded invoices follow the rule.

/** A stretch of membership with the type of work and fee region in force on each of its days (`endsOn` null while open). */
export interface FeeStretch {
  startsOn: string;
  endsOn: string | null;
  typeOfWork: string;
  feeRegion: string;
}

/** The schedule's annual amount, in cents, for a type of work and fee region; undefined when the schedule has none. */
export type AnnualAmount = (typeOfWork: string, feeRegion: string) => number | undefined;

export const firstDayOf = (year: number) => `${String(year).padStart(4, '0')}-01-01`;
export const lastDayOf = (year: number) => `${String(year).padStart(4, '0')}-12-31`;
export const daysInYear = (year: number) => daysBetween(firstDayOf(year), firstDayOf(year + 1));

/** `numerator / denominator` rounded to the nearest integer, halves up (both non-negative integers, exact below 2^53). */
export function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The stretches' days inside `year`, each clipped to the year (an open stretch runs to the year's last day). */
export function daysOfYear(stretches: readonly FeeStretch[], year: number): FeeStretch[] {
  const [first, last] = [firstDayOf(year), lastDayOf(year)];
  return stretches.flatMap((s) => {
    const startsOn = maxDate(s.startsOn, first);
    const endsOn = minDate(s.endsOn ?? last, last);
    return startsOn <= endsOn ? [{ ...s, startsOn, endsOn }] : [];
  });
}

export class MissingFeeRate extends Error {
  constructor(
    readonly typeOfWork: string,
    readonly feeRegion: string,
  ) {
    super(`the fee schedule has no amount for ${typeOfWork} in ${feeRegion}`);
  }
}

/**
 * A member's fee for a year: the sum, over each day of the year on which they are a member, of the
 * schedule's annual amount for the type of work and fee region in force that day, divided by the
 * number of days in that year (365 or 366), rounded once at the end to the cent, halves up. A full
 * year at one rate is that rate exactly; a change during the year is prorated by days.
 */
export function feeForYear(stretches: readonly FeeStretch[], year: number, annualAmount: AnnualAmount): number {
  let numerator = 0;
  for (const s of daysOfYear(stretches, year)) {
    const rate = annualAmount(s.typeOfWork, s.feeRegion);
    if (rate === undefined) throw new MissingFeeRate(s.typeOfWork, s.feeRegion);
    numerator += rate * (daysBetween(s.startsOn, s.endsOn!) + 1);
  }
  return roundHalfUp(numerator, daysInYear(year));
}

/** What a member who resigns or retires gets back of a year's invoice. */
export interface LeavingSettlement {
  /** The invoice's part for the days after they left: the invoice less the fee for the days they were a member (so the two add up to the invoice, to the cent). */
  unusedCents: number;
  /** Money to return: what they paid beyond the fee for their days, never more than the unused part, never more than they paid, never negative. */
  refundCents: number;
}

/**
 * The settlement of an invoice once a member leaves: `invoicedCents` was billed for the year,
 * `usedCents` is `feeForYear` over the days they were in fact a member, `paidCents` what they paid.
 */
export function leavingSettlement(invoicedCents: number, usedCents: number, paidCents: number): LeavingSettlement {
  const unusedCents = Math.max(0, invoicedCents - usedCents);
  const refundCents = Math.max(0, Math.min(unusedCents, paidCents - usedCents));
  return { unusedCents, refundCents };
}
