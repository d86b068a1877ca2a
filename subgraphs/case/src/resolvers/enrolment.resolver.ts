import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, Category, effectOrigin, MemberKey, NonPersonal, OnlyForPurposes, requirePrintableText, requireUuid, requireWrittenText, yearsAgo } from '@mutual-graph/platform';
import { today } from '@mutual-graph/domain-codes';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { CaseContext } from '../context.js';
import type { IdentificationFigures } from '../domain/identification-explanation.js';
import { identificationOptions } from '../domain/identification-options.js';
import { closeEnrolment } from '../domain/enrolment-closing.js';
import { identificationFigures, recordIdentification } from '../domain/identification-record.js';
import { EnrolmentNote } from '../entities/enrolment-note.js';
import { MedicoLegalMatter } from '../entities/medico-legal-matter.js';
import { EnrolmentSource, EnrolmentStatus, SupportProgramEnrolment } from '../entities/support-program-enrolment.js';

const ORDER = [EnrolmentStatus.IDENTIFIED, EnrolmentStatus.ASSESSMENT, EnrolmentStatus.PLAN, EnrolmentStatus.ONGOING_SUPPORT, EnrolmentStatus.CLOSED];

async function lockedEnrolment(tx: EntityManager, enrolmentId: string): Promise<SupportProgramEnrolment> {
  const enrolment = await tx.findOne(SupportProgramEnrolment, { id: requireUuid('enrolmentId', enrolmentId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!enrolment) throw badUserInput('enrolmentId', 'no enrolment has this id');
  if (enrolment.status === EnrolmentStatus.CLOSED) throw badUserInput('enrolmentId', 'this enrolment is closed');
  return enrolment;
}

const note = (tx: EntityManager, enrolment: SupportProgramEnrolment, author: string, text: string) => tx.create(EnrolmentNote, { enrolment, writtenAt: new Date(), author, text });

/**
 * Opens an enrolment, or finds the member's open one: one at a time per member, however many ask at
 * once. An enrolment opened from identification records the figures it was opened on, with it.
 */
export async function openEnrolment(
  em: EntityManager,
  memberId: string,
  source: EnrolmentSource,
  author: string,
  text: string,
  identification: IdentificationFigures | null = null,
): Promise<SupportProgramEnrolment> {
  return em.transactional(async (tx) => {
    // Inside the transaction's own connection, or the lock would be released at once.
    await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`support-program:${memberId}`], 'all', tx.getTransactionContext());
    const open = await tx.findOne(SupportProgramEnrolment, { memberId, status: { $ne: EnrolmentStatus.CLOSED } });
    if (open) return open;
    const enrolment = tx.create(SupportProgramEnrolment, {
      id: randomUUID(),
      memberId,
      status: EnrolmentStatus.IDENTIFIED,
      source,
      openedOn: today(),
      closedOn: null,
      contributingFactors: [],
      memberPerspective: null,
      historySnapshot: null,
    });
    if (identification) recordIdentification(tx, enrolment, identification);
    note(tx, enrolment, author, text);
    return enrolment;
  });
}

@Resolver(() => SupportProgramEnrolment)
export class EnrolmentResolver {
  @Category('MEDICO_LEGAL')
  @FieldResolver(() => [EnrolmentNote], { description: 'Dated notes, oldest first' })
  notes(@Root() enrolment: SupportProgramEnrolment, @Ctx() { loaders }: CaseContext): Promise<EnrolmentNote[]> {
    return loaders.notesByEnrolment.load(enrolment.id);
  }

  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('RISK_MANAGEMENT')
  @Mutation(() => SupportProgramEnrolment, {
    description:
      "Enrols a member (IDENTIFIED); a member with an open enrolment keeps it. From IDENTIFICATION, only a member the identification finds today (with these settings, standard where not), and the figures are recorded for the member's explanation",
  })
  async enrolInSupportProgram(
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('source', () => EnrolmentSource) source: EnrolmentSource,
    @Ctx() { em, hop }: CaseContext,
    @Category('MEDICO_LEGAL') @Arg('lookbackYears', () => Int, { nullable: true }) lookbackYears?: number | null,
    @Category('MEDICO_LEGAL') @Arg('alpha', () => Float, { nullable: true }) alpha?: number | null,
    @Category('MEDICO_LEGAL') @Arg('minimumPeerMembers', () => Int, { nullable: true }) minimumPeerMembers?: number | null,
  ): Promise<SupportProgramEnrolment> {
    const id = requireUuid('memberId', memberId);
    let identification: IdentificationFigures | null = null;
    if (source === EnrolmentSource.IDENTIFICATION) {
      identification = await identificationFigures(em, identificationOptions({ lookbackYears, alpha, minimumPeerMembers }, today()), id);
      if (!identification || !(identification.pValue < identification.alpha)) {
        throw badUserInput('source', 'the identification does not find this member today (supportProgramCandidates lists those it finds); enrol them as STAFF_REFERRAL');
      }
    } else if (lookbackYears != null || alpha != null || minimumPeerMembers != null) {
      throw badUserInput('source', 'identification settings go with source IDENTIFICATION only');
    }
    // One open enrolment per member: a second identification or request finds the first (and its record).
    return openEnrolment(em, id, source, hop.principal.sub, `Enrolled (${source}).`, identification);
  }

  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('RISK_MANAGEMENT')
  @Mutation(() => SupportProgramEnrolment, { description: "Records the assessment: contributing factors, the member's perspective, and a snapshot of the ten-year history reviewed" })
  async recordAssessment(
    @NonPersonal() @Arg('enrolmentId', () => ID) enrolmentId: string,
    @NonPersonal() @Arg('contributingFactors', () => [String]) contributingFactors: string[],
    @Ctx() { em, hop }: CaseContext,
    @NonPersonal() @Arg('memberPerspective', () => String, { nullable: true }) memberPerspective?: string | null,
  ): Promise<SupportProgramEnrolment> {
    const factors = contributingFactors.filter((f) => f.trim().length > 0).map((f, i) => requirePrintableText(`contributingFactors.${i}`, f, 1, 200));
    if (factors.length === 0) throw badUserInput('contributingFactors', 'name one or more factors, each up to 200 characters');
    // The member's own words, exported as theirs: printable, over several lines.
    const perspective = memberPerspective?.trim() ? requireWrittenText('memberPerspective', memberPerspective, 1, 5000) : null;
    return em.transactional(async (tx) => {
      const enrolment = await lockedEnrolment(tx, enrolmentId);
      if (ORDER.indexOf(enrolment.status) > ORDER.indexOf(EnrolmentStatus.ASSESSMENT)) throw badUserInput('enrolmentId', 'the assessment stage has passed');
      const matters = await tx.find(MedicoLegalMatter, { memberId: enrolment.memberId, openedOn: { $gte: yearsAgo(10) } }, { orderBy: { openedOn: 'asc' } });
      tx.assign(enrolment, {
        status: EnrolmentStatus.ASSESSMENT,
        contributingFactors: factors,
        memberPerspective: perspective,
        historySnapshot: {
          reviewedOn: today(),
          matters: matters.map(({ id, kind, openedOn, closedOn, status, outcome }) => ({ id, kind, openedOn, closedOn, status, outcome })),
        },
      });
      note(tx, enrolment, hop.principal.sub, `Assessment recorded: ${factors.join('; ')}.`);
      return enrolment;
    });
  }

  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('RISK_MANAGEMENT')
  @Mutation(() => SupportProgramEnrolment, { description: 'Moves an enrolment to its next stage, or closes it' })
  async advanceEnrolment(
    @NonPersonal() @Arg('enrolmentId', () => ID) enrolmentId: string,
    @NonPersonal() @Arg('to', () => EnrolmentStatus) to: EnrolmentStatus,
    @Ctx() context: CaseContext,
  ): Promise<SupportProgramEnrolment> {
    const { em, hop } = context;
    return em.transactional(async (tx) => {
      const enrolment = await lockedEnrolment(tx, enrolmentId);
      const next = ORDER[ORDER.indexOf(enrolment.status) + 1];
      if (to !== EnrolmentStatus.CLOSED && to !== next) throw badUserInput('to', `an enrolment at ${enrolment.status} moves to ${next} or is closed`);
      if (to === EnrolmentStatus.PLAN && enrolment.historySnapshot === null) throw badUserInput('to', 'record the assessment before the plan');
      if (to === EnrolmentStatus.CLOSED) await closeEnrolment(tx, enrolment, effectOrigin(context));
      else tx.assign(enrolment, { status: to, closedOn: null });
      note(tx, enrolment, hop.principal.sub, `Moved to ${to}.`);
      return enrolment;
    });
  }

  @Category('MEDICO_LEGAL')
  @OnlyForPurposes('RISK_MANAGEMENT')
  @Mutation(() => EnrolmentNote, { description: 'Adds a dated note to an enrolment' })
  async addEnrolmentNote(@NonPersonal() @Arg('enrolmentId', () => ID) enrolmentId: string, @NonPersonal() @Arg('text') text: string, @Ctx() { em, hop }: CaseContext): Promise<EnrolmentNote> {
    const body = text.trim();
    if (body.length < 1 || body.length > 5000) throw badUserInput('text', 'a note is 1 to 5,000 characters');
    return em.transactional(async (tx) => note(tx, await lockedEnrolment(tx, enrolmentId), hop.principal.sub, body));
  }
}
