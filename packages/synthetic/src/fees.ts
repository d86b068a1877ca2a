import { addDays, feeForYear, firstDayOf, lastDayOf, leavingSettlement, TYPES_OF_WORK, type FeeStretch } from '@mutual-graph/domain-codes';
import type { SyntheticMember } from './members.js';
import { Domain, fakerFor } from './random.js';
import type { SyntheticOptions } from './options.js';

/**
 * Synthetic fee schedules: an annual amount per type of work in Ontario in 2026 (dollars, shaped
 * like medico-legal protection fees: obstetrics and surgery highest, residents lowest), scaled by
 * region and by 3% a year. Synthetic, not any organisation's schedule.
 */
const ONTARIO_2026_DOLLARS: Record<string, number> = {
  'FM-NOB': 7_800,
  'FM-OB': 16_000,
  'FM-EM': 14_000,
  EM: 16_500,
  IM: 8_500,
  PSY: 5_000,
  PED: 6_500,
  ANE: 21_000,
  GS: 36_000,
  ORTH: 45_000,
  OBGYN: 62_000,
  RAD: 9_500,
  OPH: 12_000,
  RES: 900,
};
const REGION_FACTOR = { ONTARIO: 1, QUEBEC: 0.55, REST_OF_CANADA: 0.75 } as const;

/** Years the synthetic population is billed for: the as-of year and the four before it. */
export const BILLED_YEARS = 5;

export interface SyntheticFeeScheduleEntry {
  year: number;
  typeOfWork: string;
  feeRegion: keyof typeof REGION_FACTOR;
  annualAmountCents: number;
}

/** The schedule of every year from ten before the as-of year to the one after it (whole dollars). */
export function syntheticFeeSchedule(options: Pick<SyntheticOptions, 'asOf'>): SyntheticFeeScheduleEntry[] {
  const asOfYear = Number(options.asOf.slice(0, 4));
  const entries: SyntheticFeeScheduleEntry[] = [];
  for (let year = asOfYear - 10; year <= asOfYear + 1; year++) {
    for (const { code } of TYPES_OF_WORK) {
      for (const feeRegion of Object.keys(REGION_FACTOR) as (keyof typeof REGION_FACTOR)[]) {
        const dollars = Math.round(ONTARIO_2026_DOLLARS[code] * REGION_FACTOR[feeRegion] * 1.03 ** (year - 2026));
        entries.push({ year, typeOfWork: code, feeRegion, annualAmountCents: dollars * 100 });
      }
    }
  }
  return entries;
}

export interface SyntheticFee {
  id: string;
  memberId: string;
  year: number;
  amountCents: number;
  coveredFrom: string;
  coveredTo: string;
  issuedOn: string;
}

export interface SyntheticPayment {
  id: string;
  feeId: string;
  memberId: string;
  amountCents: number;
  paidOn: string;
  bankReference: string;
  accountLast4: string | null;
}

export interface SyntheticRefund {
  id: string;
  feeId: string;
  memberId: string;
  reason: 'RESIGNED' | 'RETIRED';
  leftOn: string;
  unusedCents: number;
  refundCents: number;
}

export interface SyntheticFees {
  fees: SyntheticFee[];
  payments: SyntheticPayment[];
  refunds: SyntheticRefund[];
}

const minDay = (a: string, b: string) => (a < b ? a : b);

/**
 * A member's invoices, payments and refunds for the billed years, by the service's own rules:
 * billed ahead, at the start of the year or on joining (a period that later ended during the year
 * billed to the year's end, as it stood then), prorated by days (`feeForYear`); most paid within
 * weeks, a few in two instalments, some of the current year not yet; a member who resigned or
 * retired during a billed year settled by `leavingSettlement`. Same seed, same rows.
 */
export function syntheticFees(member: SyntheticMember, schedule: readonly SyntheticFeeScheduleEntry[], options: SyntheticOptions): SyntheticFees {
  const out: SyntheticFees = { fees: [], payments: [], refunds: [] };
  if (member.periods.length === 0) return out;
  const faker = fakerFor(options.seed, member.index, Domain.fees);
  const asOfYear = Number(options.asOf.slice(0, 4));
  const last = member.periods.at(-1)!;
  for (let year = asOfYear - BILLED_YEARS + 1; year <= asOfYear; year++) {
    const rates = new Map(schedule.filter((e) => e.year === year).map((e) => [`${e.typeOfWork}/${e.feeRegion}`, e.annualAmountCents]));
    const amount = (typeOfWork: string, feeRegion: string) => rates.get(`${typeOfWork}/${feeRegion}`);
    // As billed: a period that ends during the year with none following on was still open then.
    const billed: FeeStretch[] = member.periods.map((p) =>
      p.endsOn !== null && p.endsOn < lastDayOf(year) && !member.periods.some((q) => q.startsOn === addDays(p.endsOn!, 1)) ? { ...p, endsOn: null } : p,
    );
    const inYear = billed.filter((p) => p.startsOn <= lastDayOf(year) && (p.endsOn === null || p.endsOn >= firstDayOf(year)));
    if (inYear.length === 0) continue;
    const amountCents = feeForYear(inYear, year, amount);
    const coveredFrom = inYear[0].startsOn > firstDayOf(year) ? inYear[0].startsOn : firstDayOf(year);
    const issuedOn = minDay(coveredFrom > `${year}-01-15` ? coveredFrom : `${year}-01-15`, options.asOf);
    const fee: SyntheticFee = { id: faker.string.uuid(), memberId: member.id, year, amountCents, coveredFrom, coveredTo: lastDayOf(year), issuedOn };
    out.fees.push(fee);

    // Lapsing is not paying: the year a member lapsed stays unpaid, and so does a tenth of the current year's.
    const lapsedThisYear = member.status === 'LAPSED' && last.endsOn !== null && last.endsOn.startsWith(String(year));
    const unpaid = lapsedThisYear || (year === asOfYear && faker.datatype.boolean(0.1));
    const accountLast4 = faker.datatype.boolean(0.8) ? faker.string.numeric(4) : null;
    let paid = 0;
    if (!unpaid) {
      const instalments = faker.datatype.boolean(0.05) ? [Math.floor(amountCents / 2), amountCents - Math.floor(amountCents / 2)] : [amountCents];
      let day = addDays(issuedOn, faker.number.int({ min: 3, max: 45 }));
      instalments.forEach((cents, n) => {
        if (day > options.asOf) return;
        const reference = `EFT-${year}-${String(member.index).padStart(7, '0')}-${n + 1}`;
        out.payments.push({ id: faker.string.uuid(), feeId: fee.id, memberId: member.id, amountCents: cents, paidOn: day, bankReference: reference, accountLast4 });
        paid += cents;
        day = addDays(day, faker.number.int({ min: 90, max: 150 }));
      });
    }

    // Resigning or retiring during the year settles the days after leaving.
    if ((member.status === 'RESIGNED' || member.status === 'RETIRED') && last.endsOn !== null && last.endsOn.startsWith(String(year)) && last.endsOn < lastDayOf(year)) {
      const used = feeForYear(member.periods, year, amount);
      const { unusedCents, refundCents } = leavingSettlement(amountCents, used, paid);
      if (unusedCents > 0) out.refunds.push({ id: faker.string.uuid(), feeId: fee.id, memberId: member.id, reason: member.status, leftOn: addDays(last.endsOn, 1), unusedCents, refundCents });
    }
  }
  return out;
}

/** The provinces' fee reimbursement programs the graph starts with (partner ids and shares synthetic). */
export const SYNTHETIC_REIMBURSEMENT_PROGRAMS = [
  { partnerId: 'on-fee-reimbursement', name: 'Ontario medical liability protection reimbursement', province: 'ON', shareBasisPoints: null, fromYear: 2015, toYear: null },
  { partnerId: 'qc-fee-reimbursement', name: 'Programme de remboursement des frais de protection, Québec', province: 'QC', shareBasisPoints: 8_500, fromYear: 2015, toYear: null },
  { partnerId: 'ab-fee-reimbursement', name: 'Alberta protection fee reimbursement program', province: 'AB', shareBasisPoints: 7_000, fromYear: 2018, toYear: null },
  { partnerId: 'bc-fee-reimbursement', name: 'British Columbia protection fee reimbursement', province: 'BC', shareBasisPoints: null, fromYear: 2015, toYear: null },
] as const;
