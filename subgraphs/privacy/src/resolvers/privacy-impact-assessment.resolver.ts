import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { badUserInput, Category, DateScalar, NonPersonal, OnlyForPurposes, requirePrintableText, requireUuid } from '@mutual-graph/platform';
import { isPurpose } from '@mutual-graph/policy';
import { isoDate, today } from '@mutual-graph/domain-codes';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { transferDecision } from '../domain/provider-transfer.js';
import { AssessmentConclusion, PrivacyImpactAssessment } from '../entities/privacy-impact-assessment.js';
import { ServiceProvider } from '../entities/service-provider.js';
import { PrivacyImpactAssessmentInput } from '../types/privacy-impact-assessment-input.js';
import { endTransfer, lockedProvider, validTransfer } from './service-provider.resolver.js';

/**
 * Privacy impact assessments of transfers to service providers (PRIVACY_OFFICE alone). Recorded
 * pending, concluded once by the reviewing officer, never rewritten: a later assessment of the same
 * transfer supersedes. An unfavourable conclusion that leaves the provider's standing transfer
 * uncovered ends that transfer in the same transaction: it never stands on an older favourable one.
 */
@Resolver(() => PrivacyImpactAssessment)
export class PrivacyImpactAssessmentResolver {
  @Category('PRIVACY_RECORD')
  @FieldResolver(() => ServiceProvider, { description: 'The provider the transfer goes to' })
  async provider(@Root() assessment: PrivacyImpactAssessment, @Ctx() { loaders }: PrivacyContext): Promise<ServiceProvider> {
    return (await loaders.providerById.load(assessment.providerId))!;
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [PrivacyImpactAssessment], { description: 'Every privacy impact assessment of a transfer to a service provider, the latest recorded first (the privacy office)' })
  privacyImpactAssessments(@Ctx() { em }: PrivacyContext): Promise<PrivacyImpactAssessment[]> {
    return em.find(PrivacyImpactAssessment, {}, { orderBy: { recordedAt: 'desc', id: 'asc' }, limit: 500 });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => PrivacyImpactAssessment, { description: 'Records a privacy impact assessment of a transfer to a service provider, pending until concluded' })
  async recordPrivacyImpactAssessment(
    @NonPersonal() @Arg('assessment', () => PrivacyImpactAssessmentInput) input: PrivacyImpactAssessmentInput,
    @Ctx() { em, hop, loaders }: PrivacyContext,
  ): Promise<PrivacyImpactAssessment> {
    const transfer = validTransfer('assessment', input);
    if (input.purposes.length === 0 || !input.purposes.every(isPurpose)) throw badUserInput('assessment.purposes', 'purposes must be one or more purposes of use');
    const safeguards = requirePrintableText('assessment.safeguards', input.safeguards, 10, 5000, { lines: true });
    const destinationLegalRegime = requirePrintableText('assessment.destinationLegalRegime', input.destinationLegalRegime, 10, 5000, { lines: true });
    const assessment = await em.transactional(async (tx) => {
      const provider = await lockedProvider(tx, 'assessment.providerId', input.providerId);
      return tx.create(PrivacyImpactAssessment, {
        id: randomUUID(),
        providerId: provider.id,
        categories: [...transfer.categories],
        memberProvinces: [...transfer.memberProvinces],
        sensitivity: input.sensitivity,
        purposes: [...new Set(input.purposes)].sort(),
        safeguards,
        destinationLegalRegime,
        conclusion: AssessmentConclusion.PENDING,
        reasoning: null,
        concludedOn: null,
        reviewer: null,
        recordedBy: hop.principal.sub,
        recordedAt: new Date(),
      });
    });
    loaders.assessmentsByProvider.clear(assessment.providerId);
    return assessment;
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => PrivacyImpactAssessment, {
    description:
      "Concludes a pending assessment, once: the caller is its reviewer. Unfavourable, it withdraws any older favourable one for what it covers, and ends the provider's standing transfer if that is no longer covered",
  })
  async concludePrivacyImpactAssessment(
    @NonPersonal() @Arg('assessmentId', () => ID) assessmentId: string,
    @NonPersonal() @Arg('conclusion', () => AssessmentConclusion) conclusion: AssessmentConclusion,
    @NonPersonal() @Arg('reasoning') reasoning: string,
    @NonPersonal() @Arg('concludedOn', () => DateScalar) concludedOn: Date,
    @Ctx() { em, hop, loaders }: PrivacyContext,
  ): Promise<PrivacyImpactAssessment> {
    if (conclusion === AssessmentConclusion.PENDING) throw badUserInput('conclusion', 'an assessment concludes FAVOURABLE or UNFAVOURABLE');
    const why = requirePrintableText('reasoning', reasoning, 10, 5000, { lines: true });
    const on = isoDate(concludedOn);
    if (on > today()) throw badUserInput('concludedOn', 'concludedOn cannot be in the future');
    const id = requireUuid('assessmentId', assessmentId);
    const assessment = await em.transactional(async (tx) => {
      const found = await tx.findOne(PrivacyImpactAssessment, { id });
      if (!found) throw badUserInput('assessmentId', 'no privacy impact assessment has this id');
      // The provider first, as every write about its transfers locks it, then the assessment.
      const provider = await lockedProvider(tx, 'assessmentId', found.providerId);
      const locked = (await tx.findOne(PrivacyImpactAssessment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }))!;
      if (locked.conclusion !== AssessmentConclusion.PENDING) {
        throw new GraphQLError(`this assessment was concluded ${locked.conclusion} on ${locked.concludedOn}; record a new one to supersede it`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'assessmentId', reason: 'ALREADY_CONCLUDED' },
        });
      }
      if (on < isoDate(locked.recordedAt)) throw badUserInput('concludedOn', 'an assessment cannot be concluded before it was recorded');
      tx.assign(locked, { conclusion, reasoning: why, concludedOn: on, reviewer: hop.principal.sub });
      if (conclusion === AssessmentConclusion.UNFAVOURABLE && provider.categories.length > 0) {
        await tx.flush();
        const assessments = await tx.find(PrivacyImpactAssessment, { providerId: provider.id });
        if (!transferDecision(provider.locations, provider, assessments).allowed) await endTransfer(tx, provider, today());
      }
      return locked;
    });
    loaders.assessmentsByProvider.clear(assessment.providerId);
    loaders.transfersByProvider.clear(assessment.providerId);
    loaders.providerById.clear(assessment.providerId);
    return assessment;
  }
}
