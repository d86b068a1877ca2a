import { Category, OnlyForPurposes, requireYears } from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CaseContext } from '../context.js';
import { AdviceCall } from '../entities/advice-call.js';
import { AssistanceRequest } from '../entities/assistance-request.js';
import { IdentificationObservation } from '../entities/identification-observation.js';
import { SupportProgramEnrolment } from '../entities/support-program-enrolment.js';
import { MedicoLegalMatter } from '../entities/medico-legal-matter.js';
import { MatterKind, MatterStatus } from '../entities/matter-enums.js';
import { identificationOptions } from '../domain/identification-options.js';
import { identificationFigures } from '../domain/identification-record.js';
import { IdentificationBasis, IdentificationExplanation } from '../types/identification-explanation.js';
import { Member } from '../types/member.js';
import { explanationOf } from './identification-explanation.resolver.js';

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
  // As the program's records: risk management, and the member on their own.
  @OnlyForPurposes('RISK_MANAGEMENT', 'MEMBER_SELF_SERVICE')
  @FieldResolver(() => IdentificationExplanation, {
    nullable: true,
    description: 'Why the member was identified for the Member Support Program, as of the latest identification; null when never identified (risk management and the member only)',
  })
  async identificationExplanation(@Root() member: Member, @Ctx() { em, loaders }: CaseContext): Promise<IdentificationExplanation | null> {
    const enrolment = await loaders.identificationByMember.load(member.id);
    if (!enrolment) return null;
    const recorded = await loaders.identificationSnapshotByEnrolment.load(enrolment.id);
    if (recorded) return explanationOf(member.id, enrolment.id, recorded, IdentificationBasis.RECORDED_AT_IDENTIFICATION);
    // An enrolment older than the record: worked out again as of its day, with the standard settings, and marked so.
    const recomputed = await identificationFigures(em, identificationOptions({}, enrolment.openedOn), member.id);
    return recomputed && explanationOf(member.id, enrolment.id, recomputed, IdentificationBasis.RECOMPUTED_AS_OF_IDENTIFICATION);
  }

  @Category('MEDICO_LEGAL')
  // As the program's records: risk management, and the member on their own.
  @OnlyForPurposes('RISK_MANAGEMENT', 'MEMBER_SELF_SERVICE')
  @FieldResolver(() => [IdentificationObservation], {
    description: 'Every observation the member wrote on any identification of theirs, oldest first, whether or not an explanation can be shown (risk management and the member only)',
  })
  identificationObservations(@Root() member: Member, @Ctx() { loaders }: CaseContext): Promise<IdentificationObservation[]> {
    return loaders.observationsByMember.load(member.id);
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
