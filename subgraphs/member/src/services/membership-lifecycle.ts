import { randomInt, randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, effectOrigin, enqueueEffect, OUTBOXES, requireUuid, type EffectOrigin } from '@mutual-graph/platform';
import { feeRegionOf, today } from '@mutual-graph/domain-codes';
import type { MemberContext } from '../context.js';
import { changeDay, knownTypeOfWork, type PeriodChange, specialtyOf, statusChange, typeOfWorkChange } from '../domain/membership-lifecycle.js';
import { validApplication, validEdiAnswers } from '../domain/validation.js';
import { CollegeRegistration } from '../entities/college-registration.js';
import { EdiProfile } from '../entities/edi-profile.js';
import { Member } from '../entities/member.js';
import { MembershipPeriod } from '../entities/membership-period.js';
import { FeeRegion, MembershipStatus } from '../entities/membership-status.js';
import { MembershipStatusChange } from '../entities/membership-status-change.js';
import type { EdiAnswersInput, MembershipApplicationInput } from '../types/membership-inputs.js';
import { settleFeesOnLeaving } from './fees.js';

// The membership lifecycle's orchestration: transactions, row locks, the EDI store's write and its
// compensation, and the effects each change has elsewhere, written to the outboxes in the change's
// own transaction. The rules are domain/membership-lifecycle.ts's.

/** Membership numbers are drawn at random; a clash with an existing one is drawn again, this many times at most. */
const MEMBERSHIP_NUMBER_ATTEMPTS = 6;

const membershipNumber = (): string => `MG${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

/** The case subgraph's copy of the member's periods follows, from the periods as this transaction leaves them. */
async function sharePeriods(tx: EntityManager, member: Member, origin: EffectOrigin): Promise<void> {
  await tx.flush();
  const periods = await tx.find(MembershipPeriod, { member }, { orderBy: { startsOn: 'asc' } });
  await enqueueEffect(
    tx,
    'member',
    { kind: 'membership-periods', memberId: member.id, periods: periods.map(({ startsOn, endsOn, typeOfWork, feeRegion }) => ({ startsOn, endsOn, typeOfWork, feeRegion })) },
    origin,
  );
}

/** The EDI store's copy of the member's practice follows (practice-copy.resolver.ts). */
function sharePractice(tx: EntityManager, member: Pick<Member, 'id' | 'practiceProvince' | 'specialty'>, origin: EffectOrigin): Promise<void> {
  return enqueueEffect(tx, 'member', { kind: 'member-practice', memberId: member.id, province: member.practiceProvince, specialty: member.specialty }, origin);
}

async function lockedMember(tx: EntityManager, memberId: string): Promise<Member> {
  const member = await tx.findOne(Member, { id: requireUuid('memberId', memberId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!member) throw badUserInput('memberId', 'no member has this id');
  return member;
}

/** Applies what a rule decided to the member's period rows, inside the caller's transaction. */
function applyPeriodChange(tx: EntityManager, member: Member, periods: readonly MembershipPeriod[], change: PeriodChange): void {
  if (change.closeOpenOn !== null) periods.find((p) => p.endsOn === null)!.endsOn = change.closeOpenOn;
  if (change.opens) tx.create(MembershipPeriod, { member, ...change.opens, feeRegion: change.opens.feeRegion as FeeRegion });
}

/** Records an application (status APPLIED); EDI answers, if given, go to the EDI store, and the application is undone if they cannot. */
export async function applyForMembership(context: MemberContext, application: MembershipApplicationInput, ediAnswers?: EdiAnswersInput | null): Promise<Member> {
  const { em, stores } = context;
  const origin = effectOrigin(context);
  const valid = validApplication(application);
  const edi = ediAnswers ? validEdiAnswers(ediAnswers) : null;
  if ((await em.count(Member, { minc: valid.minc })) > 0) throw badUserInput('application.minc', 'a member already holds this MINC');

  let memberId: string | undefined;
  for (let attempt = 0; memberId === undefined; attempt++) {
    try {
      memberId = await em.transactional(async (tx) => {
        const member = tx.create(Member, {
          id: randomUUID(),
          membershipNumber: membershipNumber(),
          minc: valid.minc,
          ...valid.profile,
          ...valid.contact,
          practiceProvince: valid.practiceProvince,
          preferredLanguage: valid.preferredLanguage,
          specialty: specialtyOf(valid.typeOfWork),
          typeOfWork: valid.typeOfWork,
          status: MembershipStatus.APPLIED,
        });
        for (const registration of valid.collegeRegistrations) tx.create(CollegeRegistration, { member, ...registration });
        tx.create(MembershipStatusChange, { member, fromStatus: null, toStatus: MembershipStatus.APPLIED, effectiveOn: today(), recordedAt: new Date() });
        await sharePractice(tx, member, origin);
        return member.id;
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      if (/minc/.test(error.message)) throw badUserInput('application.minc', 'a member already holds this MINC');
      if (/college_registration/.test(error.message)) throw badUserInput('application.collegeRegistrations', 'this College registration belongs to another member');
      if (attempt >= MEMBERSHIP_NUMBER_ATTEMPTS - 1) throw error;
    }
  }
  if (edi) {
    try {
      // The answers and the consent they came with, to be recorded in the consent log: one transaction of the EDI store.
      await stores.edi.transactional(async (tx) => {
        await tx.insert(EdiProfile, { memberId, ...edi, answeredOn: today() });
        await enqueueEffect(tx, 'edi', { kind: 'consent', purpose: 'EDI_COLLECTION', memberId, givenAt: new Date().toISOString() }, origin);
      });
    } catch (error) {
      // Two databases, two transactions: undo the application, and its practice copy if still waiting, rather than leave it half-written.
      await em.fork().transactional(async (tx) => {
        await tx.nativeDelete(Member, { id: memberId });
        await tx.execute(`select ${OUTBOXES.member.schema}.remove_job(?)`, [`member-practice:${memberId}`]);
      });
      throw error;
    }
  }
  return em.fork().findOneOrFail(Member, { id: memberId });
}

/** Moves a member to a new status from a date, opening or closing their period of protection (and settling fees on resigning or retiring), under the member's row lock. */
export async function changeMembershipStatus(context: MemberContext, memberId: string, to: MembershipStatus, effectiveOn: Date): Promise<Member> {
  const day = changeDay(effectiveOn);
  return context.em.transactional(async (tx) => {
    const member = await lockedMember(tx, memberId);
    const last = await tx.findOne(MembershipStatusChange, { member }, { orderBy: { id: 'desc' } });
    const periods = await tx.find(MembershipPeriod, { member }, { orderBy: { startsOn: 'asc' } });
    const change = statusChange({
      from: member.status,
      to,
      day,
      last,
      periods,
      typeOfWork: member.typeOfWork,
      feeRegion: feeRegionOf(member.practiceProvince),
    });
    applyPeriodChange(tx, member, periods, change);
    tx.create(MembershipStatusChange, { member, fromStatus: member.status, toStatus: to, effectiveOn: day, recordedAt: new Date() });
    member.status = to;
    // Resigning or retiring settles the fees already billed for the days after leaving, in this transaction.
    if (to === MembershipStatus.RESIGNED || to === MembershipStatus.RETIRED) await settleFeesOnLeaving(tx, member, to, day);
    await sharePeriods(tx, member, effectOrigin(context));
    return member;
  });
}

/** Changes an active member's type of work from a date: the current period ends, a new one begins. */
export async function changeTypeOfWork(context: MemberContext, memberId: string, typeOfWork: string, effectiveOn: Date): Promise<Member> {
  knownTypeOfWork(typeOfWork);
  const day = changeDay(effectiveOn);
  return context.em.transactional(async (tx) => {
    const member = await lockedMember(tx, memberId);
    const open = await tx.findOne(MembershipPeriod, { member, endsOn: null });
    const change = typeOfWorkChange({ status: member.status, open, typeOfWork, day });
    applyPeriodChange(tx, member, open ? [open] : [], change);
    member.typeOfWork = typeOfWork;
    member.specialty = specialtyOf(typeOfWork);
    const origin = effectOrigin(context);
    await sharePractice(tx, member, origin);
    await sharePeriods(tx, member, origin);
    return member;
  });
}
