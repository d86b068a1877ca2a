import { ActsOnCaller, badUserInput, callerMemberId, Category, effectOrigin, Language, NonPersonal, OnlyForPurposes } from '@mutual-graph/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { CaseContext } from '../context.js';
import { closeEnrolment } from '../domain/enrolment-closing.js';
import { EnrolmentNote } from '../entities/enrolment-note.js';
import { EnrolmentSource, EnrolmentStatus, SupportProgramEnrolment } from '../entities/support-program-enrolment.js';
import { SelfCheckAnswerInput, SelfCheckQuestion } from '../types/self-check.js';
import { openEnrolment } from './enrolment.resolver.js';

const QUESTIONS: Record<string, { EN: string; FR: string }> = {
  RECURRENT_EVENTS: {
    EN: 'Are you struggling with recurrent medico-legal events?',
    FR: 'Vivez-vous des difficultés liées à des événements médico-légaux répétés ?',
  },
  REVIEW_HISTORY: {
    EN: 'Would you like to review your medico-legal history with us?',
    FR: 'Aimeriez-vous revoir votre historique médico-légal avec nous ?',
  },
  ADDRESS_RISK_FACTORS: {
    EN: 'Are you interested in addressing factors that raise your risk compared with your peers?',
    FR: 'Souhaitez-vous agir sur les facteurs qui augmentent votre risque par rapport à vos pairs ?',
  },
};

@Resolver()
export class SupportProgramReviewResolver {
  // Bound to MEMBER_SELF_SERVICE: asking for a review, or withdrawing the request, is the member's own act.

  @NonPersonal()
  // About no one: the same questions for every member.
  @ActsOnCaller()
  @Query(() => [SelfCheckQuestion], { description: 'The questions that tell a member whether the Member Support Program is for them' })
  supportProgramSelfCheck(@NonPersonal() @Arg('language', () => Language, { nullable: true, defaultValue: Language.EN }) language: Language | null = Language.EN): SelfCheckQuestion[] {
    return Object.entries(QUESTIONS).map(([code, text]) => ({ code, text: text[language ?? Language.EN] }));
  }

  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => SupportProgramEnrolment, { description: 'A member asks to be considered for the Member Support Program; asking again changes nothing while the request is open' })
  async requestSupportProgramReview(
    @NonPersonal() @Arg('answers', () => [SelfCheckAnswerInput]) answers: SelfCheckAnswerInput[],
    @Ctx() context: CaseContext,
    @NonPersonal() @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<SupportProgramEnrolment> {
    const memberId = callerMemberId(context);
    for (const [i, a] of answers.entries()) if (!QUESTIONS[a.code]) throw badUserInput(`answers.${i}.code`, 'code is not a self-check question (supportProgramSelfCheck lists them)');
    if (note && note.length > 2000) throw badUserInput('note', 'a note is at most 2,000 characters');
    const said = answers.map((a) => `${a.code}: ${a.answer ? 'yes' : 'no'}`).join('; ');
    return openEnrolment(context.em, memberId, EnrolmentSource.MEMBER_REQUEST, context.hop.principal.sub, `The member asked for a review (${said})${note?.trim() ? `: ${note.trim()}` : '.'}`);
  }

  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => SupportProgramEnrolment, { description: 'A member withdraws their request for a review, while it has not gone further' })
  async withdrawSupportProgramReview(@Ctx() context: CaseContext): Promise<SupportProgramEnrolment> {
    const memberId = callerMemberId(context);
    return context.em.transactional(async (tx) => {
      const open = await tx.findOne(SupportProgramEnrolment, { memberId, status: { $ne: EnrolmentStatus.CLOSED } });
      if (!open || open.source !== EnrolmentSource.MEMBER_REQUEST || open.status !== EnrolmentStatus.IDENTIFIED) {
        throw badUserInput('memberId', 'there is no review request of yours to withdraw');
      }
      await closeEnrolment(tx, open, effectOrigin(context));
      tx.create(EnrolmentNote, { enrolment: open, writtenAt: new Date(), author: context.hop.principal.sub, text: 'The member withdrew the request.' });
      return open;
    });
  }
}
