import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActsOnCaller, badUserInput, callerMemberId, Category, DateScalar, MemberKey, NonPersonal, OnlyForPurposes, requireWrittenText, requireUuid } from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { addDays, isoDate, today } from '@mutual-graph/domain-codes';
import { deemedRefusedOn, dueOnReceipt, extensionNotice } from '../domain/statutory-clock.js';
import { writtenRefusal } from '../domain/written-refusal.js';
import { heldCategories } from '../domain/disposition-hold.js';
import { ExtensionNotice } from '../entities/extension-notice.js';
import { HoldFromDisposition, HoldGround, newHold } from '../entities/disposition-hold.js';
import { ExtensionNoticeInput } from '../types/extension-notice-input.js';
import { WrittenRefusalInput } from '../types/refusal-input.js';
import { verificationRefusal } from '../domain/separation-of-duties.js';
import { Member } from '../types/member.js';
import { DeclineReason, PrivacyRequest, PrivacyRequestChannel, PrivacyRequestKind, PrivacyRequestStatus } from '../entities/privacy-request.js';

const OPEN = [PrivacyRequestStatus.RECEIVED, PrivacyRequestStatus.IN_PROGRESS];

function validDetails(details: string): string {
  return requireWrittenText('details', details, 5, 5000);
}

export async function openRequest(tx: EntityManager, requestId: string): Promise<PrivacyRequest> {
  const request = await tx.findOne(PrivacyRequest, { id: requireUuid('requestId', requestId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!request) throw badUserInput('requestId', 'no privacy request has this id');
  if (!OPEN.includes(request.status)) throw badUserInput('requestId', 'this request is closed');
  return request;
}

/** Who brought the request in: the member's own session (no officer), or the officer who recorded it. */
type Origin = { channel: PrivacyRequestChannel.SELF_SERVICE; recordedBy: null } | { channel: PrivacyRequestChannel.PRIVACY_OFFICE; recordedBy: string };

const create = (em: EntityManager, memberId: string, kind: PrivacyRequestKind, details: string, receivedOn: string, origin: Origin) =>
  em.create(PrivacyRequest, {
    id: randomUUID(),
    memberId,
    kind,
    details,
    receivedOn,
    ...origin,
    identityVerifiedOn: null,
    identityVerifiedBy: null,
    dueOn: dueOnReceipt(receivedOn),
    extensionReason: null,
    memberToldOfExtensionOn: null,
    status: PrivacyRequestStatus.RECEIVED,
    declineReason: null,
    closedOn: null,
    refusalReasons: null,
    refusalProvision: null,
    refusalRecourse: null,
    refusalSentOn: null,
    refusedBy: null,
  });

@Resolver(() => PrivacyRequest)
export class PrivacyRequestResolver {
  // Purpose bindings (@OnlyForPurposes): members submit their own requests; the privacy office runs the clock.

  @Category('PROFILE')
  @FieldResolver(() => Member, { description: 'The member the request is about' })
  member(@Root() request: PrivacyRequest): Member {
    return { id: request.memberId };
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'PIPEDA s. 8(5): the day after the time limit, when the request was not answered by it (open past its limit, or answered late): the member may complain to the Commissioner. Computed from the clock',
  })
  deemedRefusedOn(@Root() request: PrivacyRequest): string | null {
    return deemedRefusedOn(request, today());
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => ExtensionNotice, { nullable: true, description: 'The notice of extension given to the member, if the time limit was extended' })
  extensionNotice(@Root() request: PrivacyRequest, @Ctx() { loaders }: PrivacyContext): Promise<ExtensionNotice | null> {
    return loaders.extensionNoticeByRequest.load(request.id);
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [HoldFromDisposition], { description: 'Holds from disposition placed because this request was refused or deemed refused' })
  dispositionHolds(@Root() request: PrivacyRequest, @Ctx() { loaders }: PrivacyContext): Promise<HoldFromDisposition[]> {
    return loaders.holdsByRequest.load(request.id);
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => PrivacyRequest, { nullable: true, description: 'One request by id (the privacy office)' })
  privacyRequest(@NonPersonal() @Arg('id', () => ID) id: string, @Ctx() { em }: PrivacyContext): Promise<PrivacyRequest | null> {
    return em.findOne(PrivacyRequest, { id: requireUuid('id', id) });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => PrivacyRequest, { description: 'A member asks for access to, or correction of, their information, or withdraws a consent; due in 30 days' })
  async submitPrivacyRequest(
    @NonPersonal() @Arg('kind', () => PrivacyRequestKind) kind: PrivacyRequestKind,
    @NonPersonal() @Arg('details') details: string,
    @Ctx() context: PrivacyContext,
  ): Promise<PrivacyRequest> {
    const request = create(context.em, callerMemberId(context), kind, validDetails(details), today(), { channel: PrivacyRequestChannel.SELF_SERVICE, recordedBy: null });
    await context.em.flush();
    return request;
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => PrivacyRequest, { description: 'The privacy office records a request received by mail, phone or in person' })
  async recordPrivacyRequest(
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('kind', () => PrivacyRequestKind) kind: PrivacyRequestKind,
    @NonPersonal() @Arg('details') details: string,
    @NonPersonal() @Arg('receivedOn', () => DateScalar) receivedOn: Date,
    @Ctx() { em, hop }: PrivacyContext,
  ): Promise<PrivacyRequest> {
    const received = isoDate(receivedOn);
    if (received > today()) throw badUserInput('receivedOn', 'receivedOn cannot be in the future');
    const origin = { channel: PrivacyRequestChannel.PRIVACY_OFFICE, recordedBy: hop.principal.sub } as const;
    const request = create(em, requireUuid('memberId', memberId), kind, validDetails(details), received, origin);
    await em.flush();
    return request;
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => PrivacyRequest, {
    description: "Records that the requester's identity was verified, and by whom; once only, and never by the officer who recorded the request (BAD_USER_INPUT, reason SEPARATION_OF_DUTIES)",
  })
  verifyRequesterIdentity(
    @NonPersonal() @Arg('requestId', () => ID) requestId: string,
    @NonPersonal() @Arg('verifiedOn', () => DateScalar) verifiedOn: Date,
    @Ctx() { em, hop }: PrivacyContext,
  ): Promise<PrivacyRequest> {
    return em.transactional(async (tx) => {
      const request = await openRequest(tx, requestId);
      const refusal = verificationRefusal(request, hop.principal.sub);
      if (refusal) throw refusal;
      const on = isoDate(verifiedOn);
      if (on < request.receivedOn || on > today()) throw badUserInput('verifiedOn', 'verifiedOn must fall between receipt and today');
      return tx.assign(request, { identityVerifiedOn: on, identityVerifiedBy: hop.principal.sub, status: PrivacyRequestStatus.IN_PROGRESS });
    });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => PrivacyRequest, {
    description:
      'Records the notice of extension given to the member (PIPEDA s. 8(3)): within the original 30 days, once, by 1 to 30 days, with the ground, the reason and the right to complain to the Commissioner; moves the time limit',
  })
  giveExtensionNotice(
    @NonPersonal() @Arg('requestId', () => ID) requestId: string,
    @NonPersonal() @Arg('notice', () => ExtensionNoticeInput) notice: ExtensionNoticeInput,
    @Ctx() { em, hop, loaders }: PrivacyContext,
  ): Promise<PrivacyRequest> {
    return em.transactional(async (tx) => {
      const request = await openRequest(tx, requestId);
      const terms = extensionNotice({ request: { ...request, extended: request.extensionReason !== null }, ...notice, today: today() });
      tx.create(ExtensionNotice, { id: randomUUID(), requestId: request.id, ...terms, givenBy: hop.principal.sub, recordedAt: new Date() });
      loaders.extensionNoticeByRequest.clear(request.id);
      return tx.assign(request, { dueOn: terms.newDueOn, extensionReason: terms.reason, memberToldOfExtensionOn: terms.givenOn });
    });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => PrivacyRequest, { description: 'Closes a request as answered' })
  completePrivacyRequest(@NonPersonal() @Arg('requestId', () => ID) requestId: string, @Ctx() { em }: PrivacyContext): Promise<PrivacyRequest> {
    return em.transactional(async (tx) => {
      const request = await openRequest(tx, requestId);
      if (!request.identityVerifiedOn) throw badUserInput('requestId', "verify the requester's identity before answering");
      return tx.assign(request, { status: PrivacyRequestStatus.COMPLETED, closedOn: today() });
    });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => PrivacyRequest, {
    description:
      "Declines a request on one of the privacy policy's grounds, with the written refusal sent (reasons, provision relied on, recourse and its time limit), and holds the information asked for from disposition until the recourse deadline",
  })
  declinePrivacyRequest(
    @NonPersonal() @Arg('requestId', () => ID) requestId: string,
    @NonPersonal() @Arg('reason', () => DeclineReason) reason: DeclineReason,
    @NonPersonal() @Arg('refusal', () => WrittenRefusalInput) refusal: WrittenRefusalInput,
    @Ctx() { em, hop, loaders }: PrivacyContext,
  ): Promise<PrivacyRequest> {
    const categories = heldCategories('refusal.informationRequested', refusal.informationRequested);
    return em.transactional(async (tx) => {
      const request = await openRequest(tx, requestId);
      const { letter, recourseUntil } = writtenRefusal(request, refusal, today());
      tx.persist(newHold(request, HoldGround.REFUSED, categories, letter.refusalSentOn, recourseUntil, hop.principal.sub));
      loaders.holdsByRequest.clear(request.id);
      return tx.assign(request, { status: PrivacyRequestStatus.DECLINED, declineReason: reason, closedOn: today(), ...letter, refusedBy: hop.principal.sub });
    });
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [PrivacyRequest], { description: 'Open requests due within the given days, overdue ones first (the privacy office)' })
  privacyRequestsDue(
    @Ctx() { em }: PrivacyContext,
    @Category('PRIVACY_RECORD') @Arg('withinDays', () => Int, { nullable: true, defaultValue: 7 }) withinDays: number | null = 7,
  ): Promise<PrivacyRequest[]> {
    const days = withinDays ?? 7;
    if (!Number.isInteger(days) || days < 0 || days > 60) throw badUserInput('withinDays', 'withinDays must be 0 to 60');
    return em.find(PrivacyRequest, { status: { $in: OPEN }, dueOn: { $lte: addDays(today(), days) } }, { orderBy: { dueOn: 'asc', id: 'asc' } });
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [PrivacyRequest], { description: 'Open requests past their due date: deemed refused (PIPEDA s. 8(5)) from the day after (the privacy office)' })
  overduePrivacyRequests(@Ctx() { em }: PrivacyContext): Promise<PrivacyRequest[]> {
    return em.find(PrivacyRequest, { status: { $in: OPEN }, dueOn: { $lt: today() } }, { orderBy: { dueOn: 'asc', id: 'asc' } });
  }
}
