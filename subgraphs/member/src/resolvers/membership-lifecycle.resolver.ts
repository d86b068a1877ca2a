import { randomInt, randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, Category, DateScalar, requireUuid, NonPersonal } from '@mutual-graph/platform';
import { dayBefore, feeRegionOf, isoDate, today, TYPES_OF_WORK } from '@mutual-graph/schema';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { mayChange } from '../domain/membership-lifecycle.js';
import { validApplication, validEdiAnswers } from '../domain/validation.js';
import { CollegeRegistration } from '../entities/college-registration.js';
import { EdiProfile } from '../entities/edi-profile.js';
import { Member } from '../entities/member.js';
import { MembershipPeriod } from '../entities/membership-period.js';
import { MembershipStatus } from '../entities/membership-status.js';
import { MembershipStatusChange } from '../entities/membership-status-change.js';
import { EdiAnswersInput, MembershipApplicationInput } from '../types/membership-inputs.js';


/** Tells the gateway a member's periods changed, so that the case subgraph's copy follows. */
async function sharePeriods({ em, notices }: MemberContext, member: Member): Promise<Member> {
  const periods = await em.fork().find(MembershipPeriod, { member: member.id }, { orderBy: { startsOn: 'asc' } });
  notices.push({ kind: 'membership-periods', memberId: member.id, periods: periods.map(({ startsOn, endsOn, typeOfWork, feeRegion }) => ({ startsOn, endsOn, typeOfWork, feeRegion })) });
  return member;
}
const specialtyOf = (typeOfWork: string) => TYPES_OF_WORK.find((t) => t.code === typeOfWork)!.specialty;

/** A date of a change: not in the future (a status holds from the day it is recorded as taking effect). */
function changeDay(effectiveOn: Date): string {
  const day = isoDate(effectiveOn);
  if (day > today()) throw badUserInput('effectiveOn', 'effectiveOn cannot be in the future');
  return day;
}

async function lockedMember(tx: EntityManager, memberId: string): Promise<Member> {
  const member = await tx.findOne(Member, { id: requireUuid('memberId', memberId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!member) throw badUserInput('memberId', 'no member has this id');
  return member;
}

@Resolver()
export class MembershipLifecycleResolver {
  @Category('MEMBERSHIP')
  @Mutation(() => Member, {
    description: 'Records an application (status APPLIED). EDI answers, if given, go straight to the EDI store and are never read to process it',
  })
  async applyForMembership(
    @NonPersonal() @Arg('application', () => MembershipApplicationInput) application: MembershipApplicationInput,
    @Ctx() { em, stores, notices }: MemberContext,
    @NonPersonal() @Arg('ediAnswers', () => EdiAnswersInput, { nullable: true }) ediAnswers?: EdiAnswersInput | null,
  ): Promise<Member> {
    const valid = validApplication(application);
    const edi = ediAnswers ? validEdiAnswers(ediAnswers) : null;
    if ((await em.count(Member, { minc: valid.minc })) > 0) throw badUserInput('application.minc', 'a member already holds this MINC');

    let memberId: string | undefined;
    // Membership numbers are drawn at random; a clash with an existing one is simply drawn again.
    for (let attempt = 0; memberId === undefined; attempt++) {
      try {
        memberId = await em.transactional(async (tx) => {
          const member = tx.create(Member, {
            id: randomUUID(),
            membershipNumber: `MG${String(randomInt(0, 10_000_000)).padStart(7, '0')}`,
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
          return member.id;
        });
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        if (/minc/.test(error.message)) throw badUserInput('application.minc', 'a member already holds this MINC');
        if (/college_registration/.test(error.message)) throw badUserInput('application.collegeRegistrations', 'this College registration belongs to another member');
        if (attempt >= 5) throw error;
      }
    }
    if (edi) {
      try {
        await stores.edi!.transactional((tx) => tx.insert(EdiProfile, { memberId, ...edi, answeredOn: today() }));
        notices.push({ kind: 'consent', purpose: 'EDI_COLLECTION', memberId });
      } catch (error) {
        // Two databases, two transactions: undo the application rather than leave it half-written.
        await em.fork().nativeDelete(Member, { id: memberId });
        throw error;
      }
    }
    // The EDI store's copy of the practice follows, through the gateway (practice-copy.resolver.ts).
    notices.push({ kind: 'member-practice', memberId: memberId!, province: valid.practiceProvince, specialty: specialtyOf(valid.typeOfWork) });
    return (await em.fork().findOneOrFail(Member, { id: memberId }));
  }

  @Category('MEMBERSHIP')
  @Mutation(() => Member, { description: "Moves a member to a new status from a date; opens or closes their period of protection. History is kept" })
  async changeMembershipStatus(
    @NonPersonal() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('to', () => MembershipStatus) to: MembershipStatus,
    @NonPersonal() @Arg('effectiveOn', () => DateScalar) effectiveOn: Date,
    @Ctx() context: MemberContext,
  ): Promise<Member> {
    const day = changeDay(effectiveOn);
    const changed = await context.em.transactional(async (tx) => {
      const member = await lockedMember(tx, memberId);
      if (!mayChange(member.status, to)) throw badUserInput('to', `a ${member.status} member cannot become ${to}`);
      // Changes follow one another in time; only acceptance may reach back before the application
      // was recorded (protection can be granted from an earlier start of practice).
      const last = await tx.findOne(MembershipStatusChange, { member }, { orderBy: { id: 'desc' } });
      if (last && last.fromStatus !== null && day < last.effectiveOn) throw badUserInput('effectiveOn', `effectiveOn is before the last change (${last.effectiveOn})`);
      const periods = await tx.find(MembershipPeriod, { member }, { orderBy: { startsOn: 'asc' } });
      const open = periods.find((p) => p.endsOn === null);
      if (to === MembershipStatus.ACTIVE) {
        const lastEnd = periods.at(-1)?.endsOn;
        if (open || (lastEnd && day <= lastEnd)) throw badUserInput('effectiveOn', 'a new period cannot overlap an earlier one');
        tx.create(MembershipPeriod, { member, startsOn: day, endsOn: null, typeOfWork: member.typeOfWork, feeRegion: feeRegionOf(member.practiceProvince) as never });
      } else if (open) {
        if (dayBefore(day) < open.startsOn) throw badUserInput('effectiveOn', 'effectiveOn must come after the current period began');
        open.endsOn = dayBefore(day);
      }
      tx.create(MembershipStatusChange, { member, fromStatus: member.status, toStatus: to, effectiveOn: day, recordedAt: new Date() });
      member.status = to;
      return member;
    });
    return sharePeriods(context, changed);
  }

  @Category('MEMBERSHIP')
  @Mutation(() => Member, { description: "Changes an active member's type of work from a date: the current period ends, a new one begins" })
  async changeTypeOfWork(
    @NonPersonal() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('typeOfWork') typeOfWork: string,
    @NonPersonal() @Arg('effectiveOn', () => DateScalar) effectiveOn: Date,
    @Ctx() context: MemberContext,
  ): Promise<Member> {
    if (!TYPES_OF_WORK.some((t) => t.code === typeOfWork)) throw badUserInput('typeOfWork', 'typeOfWork is not a known type-of-work code');
    const day = changeDay(effectiveOn);
    const changed = await context.em.transactional(async (tx) => {
      const member = await lockedMember(tx, memberId);
      const open = await tx.findOne(MembershipPeriod, { member, endsOn: null });
      if (member.status !== MembershipStatus.ACTIVE || !open) throw badUserInput('memberId', 'only an active member changes type of work');
      if (typeOfWork === open.typeOfWork) throw badUserInput('typeOfWork', 'this is already the current type of work');
      if (day <= open.startsOn) throw badUserInput('effectiveOn', 'effectiveOn must come after the current period began');
      open.endsOn = dayBefore(day);
      tx.create(MembershipPeriod, { member, startsOn: day, endsOn: null, typeOfWork, feeRegion: open.feeRegion });
      member.typeOfWork = typeOfWork;
      member.specialty = specialtyOf(typeOfWork);
      return member;
    });
    context.notices.push({ kind: 'member-practice', memberId: changed.id, province: changed.practiceProvince, specialty: changed.specialty });
    return sharePeriods(context, changed);
  }
}
