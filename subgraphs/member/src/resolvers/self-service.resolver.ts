import { ActsOnCaller, badUserInput, callerMemberId, Category, effectOrigin, enqueueEffect, GatewayEffect, MemberKey, NonPersonal, OnlyForPurposes, requireUuid } from '@mutual-graph/platform';
import { today } from '@mutual-graph/domain-codes';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { validContact, validEdiAnswers, validProfile } from '../domain/validation.js';
import { EdiProfile } from '../entities/edi-profile.js';
import { Member } from '../entities/member.js';
import { ContactInput, EdiAnswersInput, ProfileInput } from '../types/membership-inputs.js';

async function ownRecord(context: MemberContext): Promise<Member> {
  const member = await context.em.findOne(Member, { id: callerMemberId(context) });
  if (!member) throw badUserInput('memberId', 'no member has this id');
  return member;
}

@Resolver()
export class SelfServiceResolver {
  // Bound to MEMBER_SELF_SERVICE: a member's own corrections and EDI answers are theirs alone to make.

  @Category('CONTACT')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => Member, { description: 'A member corrects their own contact details' })
  async updateMyContact(@NonPersonal() @Arg('contact', () => ContactInput) contact: ContactInput, @Ctx() context: MemberContext): Promise<Member> {
    const valid = validContact(contact);
    const member = await ownRecord(context);
    // The mailing address only: a member who moves house has not moved their practice.
    context.em.assign(member, valid);
    await context.em.flush();
    return member;
  }

  @Category('PROFILE')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => Member, { description: 'A member corrects their own name or date of birth' })
  async updateMyProfile(@NonPersonal() @Arg('profile', () => ProfileInput) profile: ProfileInput, @Ctx() context: MemberContext): Promise<Member> {
    const valid = validProfile(profile);
    const member = await ownRecord(context);
    context.em.assign(member, valid);
    await context.em.flush();
    return member;
  }

  @Category('EDI')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => EdiProfile, { description: 'A member gives or changes their own EDI answers, with consent to collect them' })
  async setMyEdiAnswers(@NonPersonal() @Arg('answers', () => EdiAnswersInput) answers: EdiAnswersInput, @Ctx() context: MemberContext): Promise<EdiProfile> {
    const valid = validEdiAnswers(answers, 'answers');
    const memberId = callerMemberId(context);
    const edi = context.stores.edi;
    const answeredOn = today();
    // The answers came with consent to collect them: the consent log records it, from the EDI store's outbox.
    await edi.transactional(async (tx) => {
      await tx.upsert(EdiProfile, { memberId, ...valid, answeredOn });
      await enqueueEffect(tx, 'edi', { kind: 'consent', purpose: 'EDI_COLLECTION', memberId, givenAt: new Date().toISOString() }, effectOrigin(context));
    });
    return edi.findOneOrFail(EdiProfile, { memberId }, { refresh: true });
  }

  @Category('EDI')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => Boolean, { description: 'A member deletes their own EDI answers: the rows are gone, not flagged. True when there were answers to delete' })
  async deleteMyEdiAnswers(@Ctx() context: MemberContext): Promise<boolean> {
    return (await context.stores.edi.nativeDelete(EdiProfile, { memberId: callerMemberId(context) })) > 0;
  }

  /**
   * The effects worker erases the EDI answers of members whose EDI consent was withdrawn, whoever
   * recorded the withdrawal (the member online, the privacy office for a call or a letter). A gateway
   * effect field (@GatewayEffect below): no client operation can select it. Idempotent: asked again, it erases nothing more.
   */
  @NonPersonal()
  @GatewayEffect()
  @Mutation(() => Int, { description: 'Gateway only: erases the EDI answers of members who withdrew EDI consent' })
  async eraseEdiAnswers(@NonPersonal() @MemberKey() @Arg('memberIds', () => [ID]) memberIds: string[], @Ctx() context: MemberContext): Promise<number> {
    const ids = memberIds.map((id, i) => requireUuid(`memberIds.${i}`, id));
    return context.stores.edi.nativeDelete(EdiProfile, { memberId: { $in: ids } });
  }
}
