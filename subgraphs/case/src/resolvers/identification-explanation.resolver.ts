import { LockMode } from '@mikro-orm/core';
import { ActsOnCaller, badUserInput, callerMemberId, Category, NonPersonal, OnlyForPurposes, requireWrittenText } from '@mutual-graph/platform';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { CaseContext } from '../context.js';
import { inPlainWords, peerGroupChoice, peerRate, type IdentificationFigures } from '../domain/identification-explanation.js';
import { IdentificationObservation } from '../entities/identification-observation.js';
import type { MatterKind } from '../entities/matter-enums.js';
import { EnrolmentSource, SupportProgramEnrolment } from '../entities/support-program-enrolment.js';
import { IdentificationBasis, IdentificationExplanation } from '../types/identification-explanation.js';

/** An observation is a few paragraphs; an identification holds a lifetime of them, not a flood. */
export const OBSERVATION_MAX_CHARACTERS = 2000;
export const OBSERVATIONS_PER_IDENTIFICATION = 50;

export function explanationOf(memberId: string, enrolmentId: string, f: IdentificationFigures, basis: IdentificationBasis): IdentificationExplanation {
  return {
    memberId,
    enrolmentId,
    identifiedOn: f.identifiedOn,
    basis,
    lookbackFrom: f.lookbackFrom,
    lookbackTo: f.lookbackTo,
    lookbackYears: f.lookbackYears,
    matterCount: f.matters.length,
    matters: f.matters.map((m) => ({ memberId, id: m.id, kind: m.kind as MatterKind, openedOn: m.openedOn })),
    memberYears: f.memberYears,
    typeOfWork: f.typeOfWork,
    peerRegion: f.peerRegion,
    peerGroupChoice: peerGroupChoice(f),
    peerMembers: f.peerMembers,
    peerRate: peerRate(f),
    expected: f.expected,
    rateRatio: f.rateRatio,
    pValue: f.pValue,
    significanceLevel: f.alpha,
    upperControlLimit: f.upperControlLimit,
    inPlainWords: inPlainWords(f, basis),
    observations: [],
  };
}

@Resolver(() => IdentificationExplanation)
export class IdentificationExplanationResolver {
  @Category('MEDICO_LEGAL')
  @FieldResolver(() => [IdentificationObservation], { description: "The member's observations, oldest first" })
  observations(@Root() explanation: IdentificationExplanation, @Ctx() { loaders }: CaseContext): Promise<IdentificationObservation[]> {
    return loaders.observationsByEnrolment.load(explanation.enrolmentId);
  }

  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => IdentificationObservation, {
    description: `A member adds a dated observation on their latest identification's explanation (1 to ${OBSERVATION_MAX_CHARACTERS.toLocaleString('en-CA')} characters, at most ${OBSERVATIONS_PER_IDENTIFICATION}); the program team reads it`,
  })
  async addMyIdentificationObservation(@NonPersonal() @Arg('text') text: string, @Ctx() context: CaseContext): Promise<IdentificationObservation> {
    const memberId = callerMemberId(context);
    const body = requireWrittenText('text', text, 1, OBSERVATION_MAX_CHARACTERS);
    return context.em.transactional(async (tx) => {
      // The enrolment's row locked: two observations at once are counted one after the other.
      const enrolment = await tx.findOne(
        SupportProgramEnrolment,
        { memberId, source: EnrolmentSource.IDENTIFICATION },
        { orderBy: { openedOn: 'desc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!enrolment) throw badUserInput('memberId', 'the Member Support Program has not identified you: there is no explanation to comment on');
      if ((await tx.count(IdentificationObservation, { enrolment })) >= OBSERVATIONS_PER_IDENTIFICATION) {
        throw badUserInput('text', `an identification holds at most ${OBSERVATIONS_PER_IDENTIFICATION} observations`);
      }
      return tx.create(IdentificationObservation, { enrolment, memberId, writtenAt: new Date(), text: body });
    });
  }
}
