import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, Category, DateScalar, NonPersonal, OnlyForPurposes, requireUuid } from '@mutual-graph/platform';
import { today } from '@mutual-graph/domain-codes';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { heldCategories, holdExtension, holdRelease } from '../domain/disposition-hold.js';
import { deemedRefusedOn } from '../domain/statutory-clock.js';
import { recourseDeadline } from '../domain/written-refusal.js';
import { HoldFromDisposition, HoldGround, newHold } from '../entities/disposition-hold.js';
import { PrivacyRequest } from '../entities/privacy-request.js';
import { Member } from '../types/member.js';

async function lockedHold(tx: EntityManager, holdId: string): Promise<HoldFromDisposition> {
  const hold = await tx.findOne(HoldFromDisposition, { id: requireUuid('holdId', holdId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!hold) throw badUserInput('holdId', 'no hold has this id');
  return hold;
}

/** Holds from disposition: placed when a request is refused (declinePrivacyRequest) or deemed refused (here), released by an officer. */
@Resolver(() => HoldFromDisposition)
export class DispositionHoldResolver {
  // Bound to PRIVACY_OFFICE: the office places, extends and releases holds.

  @Category('PROFILE')
  @FieldResolver(() => Member, { description: 'The member whose information is held' })
  member(@Root() hold: HoldFromDisposition): Member {
    return { id: hold.memberId };
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => HoldFromDisposition, {
    description:
      'Names what a deemed-refused request asked for (data categories) and holds it from disposition until six months after the day it was deemed refused; until then every category of the member is held',
  })
  holdRequestedInformation(
    @NonPersonal() @Arg('requestId', () => ID) requestId: string,
    @NonPersonal() @Arg('categories', () => [String]) categories: string[],
    @Ctx() { em, hop, loaders }: PrivacyContext,
  ): Promise<HoldFromDisposition> {
    const held = heldCategories('categories', categories);
    return em.transactional(async (tx) => {
      const request = await tx.findOne(PrivacyRequest, { id: requireUuid('requestId', requestId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!request) throw badUserInput('requestId', 'no privacy request has this id');
      const deemed = deemedRefusedOn(request, today());
      if (deemed === null) throw badUserInput('requestId', 'this request is not deemed refused: a refusal holds its information when it is declined');
      if ((await tx.count(HoldFromDisposition, { requestId: request.id })) > 0) throw badUserInput('requestId', 'this request has a hold already: extend or release it');
      loaders.holdsByRequest.clear(request.id);
      const hold = newHold(request, HoldGround.DEEMED_REFUSED, held, deemed, recourseDeadline(deemed), hop.principal.sub);
      tx.persist(hold);
      return hold;
    });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => HoldFromDisposition, { description: 'Extends a hold when the member has complained (to a commissioner, then the Federal Court), to a later day, with the reason' })
  extendDispositionHold(
    @NonPersonal() @Arg('holdId', () => ID) holdId: string,
    @NonPersonal() @Arg('heldUntil', () => DateScalar) heldUntil: Date,
    @NonPersonal() @Arg('reason') reason: string,
    @Ctx() { em }: PrivacyContext,
  ): Promise<HoldFromDisposition> {
    return em.transactional(async (tx) => {
      const hold = await lockedHold(tx, holdId);
      return tx.assign(hold, holdExtension(hold, heldUntil, reason, today()));
    });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => HoldFromDisposition, { description: 'Releases a hold once recourse is exhausted, with the reason: the held information is disposed of at the next run the schedule makes it due' })
  releaseDispositionHold(@NonPersonal() @Arg('holdId', () => ID) holdId: string, @NonPersonal() @Arg('reason') reason: string, @Ctx() { em, hop }: PrivacyContext): Promise<HoldFromDisposition> {
    return em.transactional(async (tx) => {
      const hold = await lockedHold(tx, holdId);
      return tx.assign(hold, holdRelease(hold, reason, today(), hop.principal.sub));
    });
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [HoldFromDisposition], { description: 'Holds from disposition, those in force only by default, the soonest recourse deadline first (the privacy office)' })
  dispositionHolds(
    @Ctx() { em }: PrivacyContext,
    @Category('PRIVACY_RECORD') @Arg('inForce', () => Boolean, { nullable: true, defaultValue: true }) inForce: boolean | null = true,
  ): Promise<HoldFromDisposition[]> {
    return em.find(HoldFromDisposition, inForce === false ? {} : { releasedOn: null }, { orderBy: { heldUntil: 'asc', id: 'asc' }, limit: 500 });
  }
}
