import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, requireUuid } from '@mutual-graph/platform';
import { feeForYear, firstDayOf, lastDayOf, leavingSettlement, MissingFeeRate, today, type AnnualAmount, type FeeStretch } from '@mutual-graph/domain-codes';
import { privacyPolicyOn, privacyPolicyVersion } from '@mutual-graph/policy';
import type { MemberContext } from '../context.js';
import { feeYear, validPayment, validProgram, validSchedule } from '../domain/fees.js';
import { BillingRunRecord } from '../entities/billing-run.js';
import { FeePayment } from '../entities/fee-payment.js';
import { FeeReimbursementProgram } from '../entities/fee-reimbursement-program.js';
import { FeeScheduleEntry } from '../entities/fee-schedule-entry.js';
import type { Member } from '../entities/member.js';
import { MembershipFee } from '../entities/membership-fee.js';
import { MembershipPeriod } from '../entities/membership-period.js';
import { MembershipStatus } from '../entities/membership-status.js';
import type { BillingRun } from '../types/billing-run.js';
import type { FeePaymentInput, FeeReimbursementProgramInput, FeeScheduleEntryInput } from '../types/fee-inputs.js';

// Fees' orchestration: transactions, row locks, idempotent inserts. The rules are domain/fees.ts's
// and domain-codes' fees.ts's (proration by days, the leaving settlement).

/** Invoices are written this many to a statement. */
const INSERT_BATCH = 1_000;

/** A year's schedule as the rule reads it; a year with no schedule is the caller's mistake. */
async function scheduleOf(tx: EntityManager, year: number): Promise<AnnualAmount> {
  const entries = await tx.find(FeeScheduleEntry, { year });
  if (entries.length === 0) throw badUserInput('year', `there is no fee schedule for ${year}`);
  const amounts = new Map(entries.map((e) => [`${e.typeOfWork}/${e.feeRegion}`, e.annualAmountCents]));
  return (typeOfWork, feeRegion) => amounts.get(`${typeOfWork}/${feeRegion}`);
}

/** A missing rate is a gap in the schedule, not a crash: the whole run is refused, nothing written. */
function feeOrRefusal(stretches: FeeStretch[], year: number, amount: AnnualAmount): number {
  try {
    return feeForYear(stretches, year, amount);
  } catch (error) {
    if (error instanceof MissingFeeRate) throw badUserInput('year', error.message);
    throw error;
  }
}

interface StretchRow {
  member_id: string;
  starts_on: string;
  ends_on: string | null;
  type_of_work: string;
  fee_region: string;
}

/** Active members' periods that reach into the year, for members without the year's invoice yet; one member's rows together. */
const UNBILLED_STRETCHES = `select p.member_id::text as member_id, to_char(p.starts_on, 'YYYY-MM-DD') as starts_on, to_char(p.ends_on, 'YYYY-MM-DD') as ends_on,
    p.type_of_work, p.fee_region::text as fee_region
  from member.membership_period p join member.member m on m.id = p.member_id
  where m.status = 'ACTIVE' and p.starts_on <= ? and (p.ends_on is null or p.ends_on >= ?)
    and not exists (select 1 from member.membership_fee f where f.member_id = p.member_id and f.year = ?)
  order by p.member_id, p.starts_on`;

async function runView(tx: EntityManager, run: BillingRunRecord, invoicesIssued: number): Promise<BillingRun> {
  const [totals] = await tx
    .getConnection()
    .execute<{ invoices: number; total: string }[]>(
      'select count(*)::int as invoices, coalesce(sum(amount_cents), 0)::text as total from member.membership_fee where year = ?',
      [run.year],
      'all',
      tx.getTransactionContext(),
    );
  return {
    year: run.year,
    firstIssuedAt: run.firstIssuedAt,
    invoicesIssued,
    invoices: totals.invoices,
    totalCents: Number(totals.total),
    privacyPolicyVersion: run.privacyPolicyVersion,
    privacyPolicyChanges: [...(privacyPolicyVersion(run.privacyPolicyVersion)?.changes ?? [])],
  };
}

/**
 * A year's annual billing: each member active now with days of membership in the year gets one
 * invoice for it (an open period billed to the year's end), carrying the current privacy policy's
 * version for its reminder. Idempotent: the year's run row is taken first and held locked, so a
 * second run, or two at once, issues only what is still missing; all in one transaction.
 */
export async function issueAnnualBilling(context: MemberContext, year: number): Promise<BillingRun> {
  const y = feeYear(year);
  return context.em.transactional(async (tx) => {
    await lockFeeYears(tx, [y]);
    const amount = await scheduleOf(tx, y);
    const issuedOn = today();
    const policy = privacyPolicyOn(issuedOn);
    const connection = tx.getConnection();
    // A concurrent run's uncommitted row makes this one wait, then do nothing; the lock then orders the two.
    await connection.execute(
      'insert into member.billing_run (year, first_issued_at, privacy_policy_version) values (?, now(), ?) on conflict (year) do nothing',
      [y, policy.version],
      'run',
      tx.getTransactionContext(),
    );
    const run = await tx.findOneOrFail(BillingRunRecord, { year: y }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const rows = await connection.execute<StretchRow[]>(UNBILLED_STRETCHES, [lastDayOf(y), firstDayOf(y), y], 'all', tx.getTransactionContext());
    const byMember = new Map<string, FeeStretch[]>();
    for (const r of rows) {
      const stretches = byMember.get(r.member_id) ?? [];
      stretches.push({ startsOn: r.starts_on, endsOn: r.ends_on, typeOfWork: r.type_of_work, feeRegion: r.fee_region });
      byMember.set(r.member_id, stretches);
    }
    const invoices = [...byMember].map(([memberId, stretches]) => ({
      id: randomUUID(),
      member: memberId,
      year: y,
      amountCents: feeOrRefusal(stretches, y, amount),
      coveredFrom: stretches[0].startsOn < firstDayOf(y) ? firstDayOf(y) : stretches[0].startsOn,
      coveredTo: stretches.at(-1)!.endsOn === null || stretches.at(-1)!.endsOn! > lastDayOf(y) ? lastDayOf(y) : stretches.at(-1)!.endsOn!,
      issuedOn,
      privacyPolicyVersion: policy.version,
    }));
    for (let i = 0; i < invoices.length; i += INSERT_BATCH) await tx.insertMany(MembershipFee, invoices.slice(i, i + INSERT_BATCH));
    return runView(tx, run, invoices.length);
  });
}

/** The advisory lock's first key: the fees of a year (the second key is the year). */
const FEE_YEAR_LOCK = 21_001;

/**
 * Takes the transaction's lock on each fee year, in ascending order (so two transactions never wait on each other): billing
 * a year, setting its schedule, recording a payment for it and settling a leaver's invoices are one at a time per year.
 */
async function lockFeeYears(tx: EntityManager, years: number[]): Promise<void> {
  for (const year of [...new Set(years)].sort((a, b) => a - b)) await tx.getConnection().execute('select pg_advisory_xact_lock(?, ?)', [FEE_YEAR_LOCK, year], 'run', tx.getTransactionContext());
}

/** What a fee's money comes to: paid, refunded, and the balance still owed (negative: owed to the member). */
export function feeBalance(fee: Pick<MembershipFee, 'amountCents'>, payments: readonly Pick<FeePayment, 'amountCents'>[], refund: { unusedCents: number; refundCents: number } | null) {
  const paidCents = payments.reduce((sum, p) => sum + p.amountCents, 0);
  const balanceCents = fee.amountCents - (refund?.unusedCents ?? 0) - paidCents + (refund?.refundCents ?? 0);
  return { paidCents, balanceCents };
}

/** Records a payment against a member's invoice for a year, under the invoice's row lock; never more than the year still owes. */
export async function recordFeePayment(context: MemberContext, input: FeePaymentInput): Promise<MembershipFee> {
  const memberId = requireUuid('payment.memberId', input.memberId);
  const payment = validPayment(input, memberId);
  try {
    return await context.em.transactional(async (tx) => {
      await lockFeeYears(tx, [payment.year]);
      const fee = await tx.findOne(MembershipFee, { member: memberId, year: payment.year }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!fee) throw badUserInput('payment.year', 'this member has no invoice for that year');
      if ((await tx.count(FeePayment, { bankReference: payment.bankReference })) > 0) throw badUserInput('payment.bankReference', 'a payment with this bank reference is already recorded');
      const payments = await tx.find(FeePayment, { fee });
      const refund = await tx
        .getConnection()
        .execute<{ unused_cents: number; refund_cents: number }[]>('select unused_cents, refund_cents from member.fee_refund where fee_id = ?', [fee.id], 'all', tx.getTransactionContext());
      const owed = feeBalance(fee, payments, refund[0] ? { unusedCents: refund[0].unused_cents, refundCents: refund[0].refund_cents } : null).balanceCents;
      if (payment.amountCents > owed) throw badUserInput('payment.amountCents', `the year owes ${Math.max(owed, 0)} cents; a payment cannot exceed it`);
      tx.create(FeePayment, { id: randomUUID(), fee, memberId, amountCents: payment.amountCents, paidOn: payment.paidOn, bankReference: payment.bankReference, accountLast4: payment.accountLast4 });
      return fee;
    });
  } catch (error) {
    // Two requests with one reference at once: the unique index decides, and the loser is told why.
    if (error instanceof UniqueConstraintViolationException) throw badUserInput('payment.bankReference', 'a payment with this bank reference is already recorded');
    throw error;
  }
}

/**
 * Settles a member's invoices once they resign or retire (in the status change's transaction, its
 * periods already closed): for each invoice covering a day from `leftOn`, the unused days' part by
 * the same day rule, and the money to return, never more than was paid. One settlement per invoice,
 * so a repeat records nothing.
 */
export async function settleFeesOnLeaving(tx: EntityManager, member: Member, reason: MembershipStatus.RESIGNED | MembershipStatus.RETIRED, leftOn: string): Promise<void> {
  await tx.flush();
  // The year of leaving and the next (billed ahead) wait for a billing run or a payment under way, so the invoices and
  // payments read here are the committed ones, and none is added until this settlement commits.
  const leftYear = Number(leftOn.slice(0, 4));
  await lockFeeYears(tx, [leftYear, leftYear + 1]);
  const fees = await tx.find(MembershipFee, { member, coveredTo: { $gte: leftOn } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (fees.length === 0) return;
  const periods = await tx.find(MembershipPeriod, { member }, { orderBy: { startsOn: 'asc' } });
  const connection = tx.getConnection();
  for (const fee of fees) {
    const used = feeOrRefusal(periods, fee.year, await scheduleOf(tx, fee.year));
    const paid = feeBalance(fee, await tx.find(FeePayment, { fee }), null).paidCents;
    const { unusedCents, refundCents } = leavingSettlement(fee.amountCents, used, paid);
    if (unusedCents === 0) continue;
    await connection.execute(
      `insert into member.fee_refund (id, fee_id, member_id, reason, left_on, unused_cents, refund_cents) values (?, ?, ?, ?, ?, ?, ?) on conflict (fee_id) do nothing`,
      [randomUUID(), fee.id, member.id, reason, leftOn, unusedCents, refundCents],
      'run',
      tx.getTransactionContext(),
    );
  }
}

/** Sets a year's whole schedule; refused once the year is billed (its invoices were computed from it). */
export async function setFeeSchedule(context: MemberContext, year: number, entries: FeeScheduleEntryInput[]): Promise<FeeScheduleEntry[]> {
  const y = feeYear(year);
  const valid = validSchedule(entries);
  return context.em.transactional(async (tx) => {
    // The run row may not exist yet, and a lock on no row holds nothing: the year's lock orders this against a billing run.
    await lockFeeYears(tx, [y]);
    const billed = await tx.findOne(BillingRunRecord, { year: y }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (billed) throw badUserInput('year', `${y} is already billed; its schedule is fixed`);
    await tx.nativeDelete(FeeScheduleEntry, { year: y });
    const rows = valid.map((e) => tx.create(FeeScheduleEntry, { year: y, typeOfWork: e.typeOfWork, feeRegion: e.feeRegion, annualAmountCents: e.annualAmountCents }));
    await tx.flush();
    return rows;
  });
}

/** Adds a reimbursement program, or changes the one this partner runs for this province. */
export async function setFeeReimbursementProgram(context: MemberContext, input: FeeReimbursementProgramInput): Promise<FeeReimbursementProgram> {
  const program = validProgram(input);
  return context.em.transactional(async (tx) => {
    const existing = await tx.findOne(FeeReimbursementProgram, { partnerId: program.partnerId, province: program.province }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (existing) return Object.assign(existing, program);
    return tx.create(FeeReimbursementProgram, program);
  });
}
