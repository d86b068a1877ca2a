import { Category, OnlyForPurposes, requireYears } from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CaseContext } from '../context.js';
import { AdviceCall } from '../entities/advice-call.js';
import { AssistanceRequest } from '../entities/assistance-request.js';
import { SupportProgramEnrolment } from '../entities/support-program-enrolment.js';
import { MedicoLegalMatter } from '../entities/medico-legal-matter.js';
import { MatterKind, MatterStatus } from '../entities/matter-enums.js';
import { Member } from '../types/member.js';

@Resolver(() => Member)
export class MemberCaseworkResolver {
  @Category('MEDICO_LEGAL')
  @FieldResolver(() => [MedicoLegalMatter], { description: 'Matters opened in the lookback, newest first' })
  medicoLegalHistory(
    @Root() member: Member,
    @Ctx() { loaders }: CaseContext,
    @Category('MEDICO_LEGAL') @Arg('years', () => Int, { nullable: true, defaultValue: 10 }) years: number | null = 10,
  ): Promise<MedicoLegalMatter[]> {
    return loaders.mattersByMember(requireYears('years', years ?? 10)).load(member.id);
  }

  @Category('MEDICO_LEGAL')
  // The Member Support Program's records: risk management, and the member on their own.
  @OnlyForPurposes('RISK_MANAGEMENT', 'MEMBER_SELF_SERVICE')
  @FieldResolver(() => SupportProgramEnrolment, { nullable: true, description: 'The Member Support Program enrolment: the open one, or else the latest (risk management and the member only)' })
  supportProgram(@Root() member: Member, @Ctx() { loaders }: CaseContext): Promise<SupportProgramEnrolment | null> {
    return loaders.enrolmentByMember.load(member.id);
  }

  @Category('MEDICO_LEGAL')
  @FieldResolver(() => [AssistanceRequest], { description: 'Requests for assistance, newest first' })
  assistanceRequests(@Root() member: Member, @Ctx() { loaders }: CaseContext): Promise<AssistanceRequest[]> {
    return loaders.assistanceRequestsByMember.load(member.id);
  }

  @Category('MEDICO_LEGAL')
  @FieldResolver(() => [MatterKind], { description: "The kinds of the member's matters still open" })
  async openMatterKinds(@Root() member: Member, @Ctx() { loaders }: CaseContext): Promise<MatterKind[]> {
    const matters = await loaders.mattersByMember(50).load(member.id);
    return [...new Set(matters.filter((m) => m.status === MatterStatus.OPEN).map((m) => m.kind))].sort();
  }

  @Category('MEDICO_LEGAL')
  @FieldResolver(() => [AdviceCall], { description: 'Advice calls in the lookback, newest first' })
  adviceCalls(
    @Root() member: Member,
    @Ctx() { loaders }: CaseContext,
    @Category('MEDICO_LEGAL') @Arg('years', () => Int, { nullable: true, defaultValue: 10 }) years: number | null = 10,
  ): Promise<AdviceCall[]> {
    return loaders.adviceCallsByMember(requireYears('years', years ?? 10)).load(member.id);
  }
}
