import { daysInYear, feeForYear, leavingSettlement, MissingFeeRate, roundHalfUp, type FeeStretch } from '../../src/fees.js';

const RATES: Record<string, number> = { 'FM-NOB/ONTARIO': 365_000, 'OBGYN/ONTARIO': 3_650_000, 'FM-NOB/QUEBEC': 100_001, 'RES/QUEBEC': 200 };
const rate = (typeOfWork: string, feeRegion: string) => RATES[`${typeOfWork}/${feeRegion}`];
const stretch = (startsOn: string, endsOn: string | null, typeOfWork = 'FM-NOB', feeRegion = 'ONTARIO'): FeeStretch => ({ startsOn, endsOn, typeOfWork, feeRegion });

describe('a member’s fee for a year, by days', () => {
  it('is the annual amount exactly for a whole year at one rate, open or closed at the year’s end', () => {
    expect(feeForYear([stretch('2019-05-01', null)], 2026, rate)).toBe(365_000);
    expect(feeForYear([stretch('2026-01-01', '2026-12-31')], 2026, rate)).toBe(365_000);
    expect(feeForYear([stretch('2020-01-01', null)], 2024, rate)).toBe(365_000);
  });

  it('counts only the days inside the year, both ends included', () => {
    // 1 July to 31 December 2026: 184 days of 365.
    expect(feeForYear([stretch('2026-07-01', null)], 2026, rate)).toBe(184_000);
    expect(feeForYear([stretch('2026-01-01', '2026-01-01')], 2026, rate)).toBe(1_000);
    expect(feeForYear([stretch('2010-01-01', '2025-12-31')], 2026, rate)).toBe(0);
    expect(feeForYear([], 2026, rate)).toBe(0);
  });

  it('prorates a change of type of work during the year by the days at each rate', () => {
    const periods = [stretch('2020-01-01', '2026-03-31'), stretch('2026-04-01', null, 'OBGYN')];
    // 90 days at 365,000 and 275 days at 3,650,000, over 365.
    expect(feeForYear(periods, 2026, rate)).toBe(90_000 + 2_750_000);
  });

  it('divides by 366 in a leap year', () => {
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
    expect(feeForYear([stretch('2024-01-01', '2024-01-31')], 2024, rate)).toBe(roundHalfUp(365_000 * 31, 366));
  });

  it('rounds once, at the end, halves up', () => {
    expect(roundHalfUp(1, 2)).toBe(1);
    expect(roundHalfUp(3, 2)).toBe(2);
    expect(roundHalfUp(4, 3)).toBe(1);
    expect(roundHalfUp(5, 3)).toBe(2);
    // 182 days × 100,001 / 365 = 49,863.51…
    expect(feeForYear([stretch('2026-01-01', '2026-07-01', 'FM-NOB', 'QUEBEC')], 2026, rate)).toBe(49_864);
    // 200 a year: one day is 0.55 (1 cent), two days 1.10 (1 cent, not the 2 that rounding each stretch apart would give).
    const split = [stretch('2026-01-01', '2026-01-01', 'RES', 'QUEBEC'), stretch('2026-01-02', '2026-01-02', 'RES', 'QUEBEC')];
    expect(feeForYear(split.slice(0, 1), 2026, rate)).toBe(1);
    expect(feeForYear(split, 2026, rate)).toBe(1);
  });

  it('refuses to invent a fee the schedule does not hold', () => {
    expect(() => feeForYear([stretch('2026-01-01', null, 'PSY')], 2026, rate)).toThrow(MissingFeeRate);
  });
});

describe('what a member who leaves gets back', () => {
  it('refunds the unused days of a year paid in full', () => {
    // Invoiced 365,000, a member for 181 days (181,000), paid in full.
    expect(leavingSettlement(365_000, 181_000, 365_000)).toEqual({ unusedCents: 184_000, refundCents: 184_000 });
  });

  it('never refunds more than was paid beyond the days used', () => {
    expect(leavingSettlement(365_000, 181_000, 200_000)).toEqual({ unusedCents: 184_000, refundCents: 19_000 });
    expect(leavingSettlement(365_000, 181_000, 100_000)).toEqual({ unusedCents: 184_000, refundCents: 0 });
    expect(leavingSettlement(365_000, 181_000, 0)).toEqual({ unusedCents: 184_000, refundCents: 0 });
  });

  it('never refunds more than the unused part, however much was paid', () => {
    expect(leavingSettlement(365_000, 181_000, 900_000)).toEqual({ unusedCents: 184_000, refundCents: 184_000 });
  });

  it('has nothing to settle when every billed day was used', () => {
    expect(leavingSettlement(365_000, 365_000, 365_000)).toEqual({ unusedCents: 0, refundCents: 0 });
  });
});
