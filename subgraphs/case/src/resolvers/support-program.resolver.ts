import { Category, GatewayEffect, MemberKey, NonPersonal, OnlyForPurposes, requirePageSize, requireUuid } from '@mutual-graph/platform';
import { isoDate, today } from '@mutual-graph/domain-codes';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CaseContext } from '../context.js';
import { identificationOptions } from '../domain/identification-options.js';
import { identifyCandidates } from '../domain/support-program-identification.js';
import { ProtectionPeriod } from '../entities/protection-period.js';
import { Member } from '../types/member.js';
import { ProtectionPeriodInput } from '../types/protection-period-input.js';
import { SupportProgramCandidate } from '../types/support-program-candidate.js';

@Resolver(() => SupportProgramCandidate)
export class SupportProgramResolver {
  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('RISK_MANAGEMENT')
  @Query(() => [SupportProgramCandidate], { description: "Member Support Program identification: members whose matters exceed their peers' beyond chance, most excess first (RISK_MANAGEMENT)" })
  async supportProgramCandidates(
    @Ctx() { em }: CaseContext,
    @Category('MEDICO_LEGAL') @Arg('lookbackYears', () => Int, { nullable: true, defaultValue: 10 }) lookbackYears: number | null = 10,
    @Category('MEDICO_LEGAL') @Arg('alpha', () => Float, { nullable: true, defaultValue: 0.001 }) alpha: number | null = 0.001,
    @Category('MEDICO_LEGAL') @Arg('minimumPeerMembers', () => Int, { nullable: true, defaultValue: 30 }) minimumPeerMembers: number | null = 30,
    @NonPersonal() @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null = 50,
  ): Promise<SupportProgramCandidate[]> {
    const candidates = await identifyCandidates(em, identificationOptions({ lookbackYears, alpha, minimumPeerMembers }, today()));
    return candidates.slice(0, requirePageSize('first', first ?? 50, 1000)).map((c) => ({ ...c, member: { id: c.memberId } }));
  }

  @Category('MEDICO_LEGAL')
  @FieldResolver(() => Member)
  member(@Root() candidate: SupportProgramCandidate): Member {
    return { id: candidate.memberId };
  }

  /** The gateway keeps this subgraph's copy of a member's periods current. A gateway effect field: no client calls it. */
  @NonPersonal()
  @GatewayEffect()
  @Mutation(() => Int, { description: "Gateway only: replaces this subgraph's copy of a member's periods of protection" })
  async syncProtectionPeriods(
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('periods', () => [ProtectionPeriodInput]) periods: ProtectionPeriodInput[],
    @Ctx() { em }: CaseContext,
  ): Promise<number> {
    const id = requireUuid('memberId', memberId);
    await em.transactional(async (tx) => {
      await tx.nativeDelete(ProtectionPeriod, { memberId: id });
      for (const p of periods)
        tx.create(ProtectionPeriod, { memberId: id, startsOn: isoDate(p.startsOn), endsOn: p.endsOn ? isoDate(p.endsOn) : null, typeOfWork: p.typeOfWork, feeRegion: p.feeRegion });
    });
    return periods.length;
  }
}
