import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, Category, DateScalar, MemberKey, NonPersonal, OnlyForPurposes, requireWrittenText, requireUuid } from '@mutual-graph/platform';
import { isCategory, retentionRule } from '@mutual-graph/policy';
import { addYears, isoDate, today } from '@mutual-graph/domain-codes';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import type { PrivacyContext } from '../context.js';
import { ConfidentialityIncident, InjuryRisk } from '../entities/confidentiality-incident.js';
import { IncidentNotification, IncidentNotifiee, REQUIRED_NOTIFICATIONS } from '../entities/incident-notification.js';
import { ConfidentialityIncidentInput, IncidentRiskElementsInput } from '../types/confidentiality-incident-input.js';
import { IncidentRegisterItem, informationConcerned, publicNoticeDecision, registerGaps } from '../domain/incident-register.js';

registerEnumType(IncidentRegisterItem, { name: 'IncidentRegisterItem', description: "An item of s. 7 of Quebec's Regulation respecting confidentiality incidents" });

function pastDate(argument: string, value: Date): string {
  const day = isoDate(value);
  if (day > today()) throw badUserInput(argument, `${argument} cannot be in the future`);
  return day;
}

async function lockedIncident(tx: EntityManager, incidentId: string): Promise<ConfidentialityIncident> {
  const incident = await tx.findOne(ConfidentialityIncident, { id: requireUuid('incidentId', incidentId) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!incident) throw badUserInput('incidentId', 'no incident has this id');
  return incident;
}

/** The register of confidentiality incidents, kept by the privacy office. */
@Resolver(() => ConfidentialityIncident)
export class ConfidentialityIncidentResolver {
  // Bound to PRIVACY_OFFICE: the register of confidentiality incidents is the office's to keep.

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [IncidentNotification], { description: 'Who was told, in the order they were told' })
  notifications(@Root() incident: ConfidentialityIncident, @Ctx() { loaders }: PrivacyContext): Promise<IncidentNotification[]> {
    return loaders.notificationsByIncident.load(incident.id);
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [IncidentNotifiee], { description: 'For an incident with a risk of serious injury: whom the law requires to be told who has not been yet' })
  async notificationsOutstanding(@Root() incident: ConfidentialityIncident, @Ctx() { loaders }: PrivacyContext): Promise<IncidentNotifiee[]> {
    if (incident.injuryRisk !== InjuryRisk.RISK_OF_SERIOUS_INJURY) return [];
    const told = new Set((await loaders.notificationsByIncident.load(incident.id)).map((n) => n.notified));
    return REQUIRED_NOTIFICATIONS.filter((n) => !told.has(n));
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => [IncidentRegisterItem], { description: "What the entry still lacks of what s. 7 of Quebec's regulation requires of the register" })
  async registerGaps(@Root() incident: ConfidentialityIncident, @Ctx() { loaders }: PrivacyContext): Promise<IncidentRegisterItem[]> {
    return registerGaps(
      incident,
      (await loaders.notificationsByIncident.load(incident.id)).map((n) => n.notified),
    );
  }

  @Category('PRIVACY_RECORD')
  @FieldResolver(() => DateScalar, { description: 'Kept at least until: five years after the office became aware of the incident (s. 7), then destroyed' })
  keptUntil(@Root() incident: ConfidentialityIncident): string {
    return addYears(incident.discoveredOn, retentionRule('confidentiality-incidents').keepYears);
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => ConfidentialityIncident, { description: 'Enters a confidentiality incident in the register, not yet assessed' })
  async recordConfidentialityIncident(
    @NonPersonal() @Arg('incident', () => ConfidentialityIncidentInput) input: ConfidentialityIncidentInput,
    @Ctx() { em }: PrivacyContext,
  ): Promise<ConfidentialityIncident> {
    const occurredFrom = pastDate('incident.occurredFrom', input.occurredFrom);
    const occurredTo = input.occurredTo ? pastDate('incident.occurredTo', input.occurredTo) : null;
    const discoveredOn = pastDate('incident.discoveredOn', input.discoveredOn);
    if (occurredTo && occurredTo < occurredFrom) throw badUserInput('incident.occurredTo', 'occurredTo cannot come before occurredFrom');
    if (discoveredOn < occurredFrom) throw badUserInput('incident.discoveredOn', 'an incident cannot be discovered before it happened');
    if (input.categories.length === 0 || !input.categories.every(isCategory)) throw badUserInput('incident.categories', 'categories must be one or more data categories');
    const memberIds = [...new Set(input.memberIds.map((id, i) => requireUuid(`incident.memberIds.${i}`, id)))];
    if (!Number.isInteger(input.peopleConcerned) || input.peopleConcerned < Math.max(1, memberIds.length)) {
      throw badUserInput('incident.peopleConcerned', 'peopleConcerned must be at least 1 and at least the number of members named');
    }
    const incident = em.create(ConfidentialityIncident, {
      id: randomUUID(),
      description: requireWrittenText('incident.description', input.description, 10, 5000),
      ...informationConcerned(input.informationDescription, input.informationNotDescribedBecause),
      occurrenceApproximate: input.occurrenceApproximate ?? false,
      peopleConcernedApproximate: input.peopleConcernedApproximate ?? false,
      occurredFrom,
      occurredTo,
      discoveredOn,
      categories: [...new Set(input.categories)].sort(),
      memberIds,
      peopleConcerned: input.peopleConcerned,
      injuryRisk: InjuryRisk.NOT_ASSESSED,
      riskReasoning: null,
      assessedOn: null,
      riskSensitivity: null,
      riskPossibleMisuse: null,
      riskConsequences: null,
      riskLikelihood: null,
      publicNoticeGiven: null,
      publicNoticeReason: null,
      measuresTaken: null,
      recordedAt: new Date(),
    });
    await em.flush();
    return incident;
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => ConfidentialityIncident, {
    description: 'Records the assessment of the risk of serious injury, the elements it rests on (s. 7(6)), its conclusion and the measures taken; may be revised',
  })
  async assessIncidentRisk(
    @NonPersonal() @Arg('incidentId', () => ID) incidentId: string,
    @NonPersonal() @Arg('risk', () => InjuryRisk) risk: InjuryRisk,
    @NonPersonal() @Arg('reasoning') reasoning: string,
    @NonPersonal() @Arg('elements', () => IncidentRiskElementsInput) elements: IncidentRiskElementsInput,
    @NonPersonal() @Arg('assessedOn', () => DateScalar) assessedOn: Date,
    @Ctx() { em }: PrivacyContext,
    @NonPersonal() @Arg('measuresTaken', () => String, { nullable: true }) measuresTaken?: string | null,
  ): Promise<ConfidentialityIncident> {
    if (risk === InjuryRisk.NOT_ASSESSED) throw badUserInput('risk', 'an assessment concludes on the risk');
    const why = requireWrittenText('reasoning', reasoning, 10, 5000);
    const measures = measuresTaken ? requireWrittenText('measuresTaken', measuresTaken, 5, 5000) : null;
    const grounds = {
      riskSensitivity: requireWrittenText('elements.sensitivity', elements.sensitivity, 10, 2000),
      riskPossibleMisuse: requireWrittenText('elements.possibleMisuse', elements.possibleMisuse, 10, 2000),
      riskConsequences: requireWrittenText('elements.consequences', elements.consequences, 10, 2000),
      riskLikelihood: requireWrittenText('elements.likelihood', elements.likelihood, 10, 2000),
    };
    const on = pastDate('assessedOn', assessedOn);
    return em.transactional(async (tx) => {
      const incident = await lockedIncident(tx, incidentId);
      if (on < incident.discoveredOn) throw badUserInput('assessedOn', 'an incident cannot be assessed before it was discovered');
      return tx.assign(incident, { injuryRisk: risk, riskReasoning: why, assessedOn: on, ...grounds, measuresTaken: measures ?? incident.measuresTaken });
    });
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => ConfidentialityIncident, { description: 's. 7(7): records whether public notices of an incident were given and, when they were, why; may be revised' })
  async recordIncidentPublicNotice(
    @NonPersonal() @Arg('incidentId', () => ID) incidentId: string,
    @NonPersonal() @Arg('given', () => Boolean) given: boolean,
    @Ctx() { em }: PrivacyContext,
    @NonPersonal() @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<ConfidentialityIncident> {
    const decision = publicNoticeDecision(given, reason);
    return em.transactional(async (tx) => tx.assign(await lockedIncident(tx, incidentId), decision));
  }

  @Category('PRIVACY_RECORD')
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Mutation(() => ConfidentialityIncident, { description: 'Records that the Commission, the persons concerned or another organisation was told of an incident' })
  async recordIncidentNotification(
    @NonPersonal() @Arg('incidentId', () => ID) incidentId: string,
    @NonPersonal() @Arg('notified', () => IncidentNotifiee) notified: IncidentNotifiee,
    @NonPersonal() @Arg('notifiedOn', () => DateScalar) notifiedOn: Date,
    @NonPersonal() @Arg('details') details: string,
    @Ctx() { em, loaders }: PrivacyContext,
  ): Promise<ConfidentialityIncident> {
    const on = pastDate('notifiedOn', notifiedOn);
    const how = requireWrittenText('details', details, 5, 2000);
    const incident = await em.transactional(async (tx) => {
      const locked = await lockedIncident(tx, incidentId);
      if (on < locked.discoveredOn) throw badUserInput('notifiedOn', 'no one is told of an incident before it was discovered');
      tx.create(IncidentNotification, { incidentId: locked.id, notified, notifiedOn: on, details: how });
      return locked;
    });
    loaders.notificationsByIncident.clear(incident.id);
    return incident;
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [ConfidentialityIncident], { description: 'The register, most recently discovered first; narrowed by member, risk and discovery period (the privacy office)' })
  confidentialityIncidents(
    @Ctx() { em }: PrivacyContext,
    @Category('PRIVACY_RECORD') @MemberKey() @Arg('memberId', () => ID, { nullable: true }) memberId?: string | null,
    @Category('PRIVACY_RECORD') @Arg('risk', () => InjuryRisk, { nullable: true }) risk?: InjuryRisk | null,
    @Category('PRIVACY_RECORD') @Arg('discoveredFrom', () => DateScalar, { nullable: true }) discoveredFrom?: Date | null,
    @Category('PRIVACY_RECORD') @Arg('discoveredTo', () => DateScalar, { nullable: true }) discoveredTo?: Date | null,
  ): Promise<ConfidentialityIncident[]> {
    return em.find(
      ConfidentialityIncident,
      {
        ...(memberId ? { memberIds: { $contains: [requireUuid('memberId', memberId)] } } : {}),
        ...(risk ? { injuryRisk: risk } : {}),
        ...(discoveredFrom || discoveredTo ? { discoveredOn: { ...(discoveredFrom ? { $gte: isoDate(discoveredFrom) } : {}), ...(discoveredTo ? { $lte: isoDate(discoveredTo) } : {}) } } : {}),
      },
      { orderBy: { discoveredOn: 'desc', recordedAt: 'desc' }, limit: 500 },
    );
  }

  @NonPersonal()
  @OnlyForPurposes('PRIVACY_OFFICE')
  @Query(() => [ConfidentialityIncident], { description: 'Incidents with a risk of serious injury that someone the law requires to be told has not been (the privacy office)' })
  async incidentsAwaitingNotification(@Ctx() { em }: PrivacyContext): Promise<ConfidentialityIncident[]> {
    const serious = await em.find(ConfidentialityIncident, { injuryRisk: InjuryRisk.RISK_OF_SERIOUS_INJURY }, { orderBy: { discoveredOn: 'asc' } });
    if (serious.length === 0) return [];
    const told = await em.find(IncidentNotification, { incidentId: { $in: serious.map((i) => i.id) }, notified: { $in: [...REQUIRED_NOTIFICATIONS] } });
    const done = (incident: ConfidentialityIncident) => REQUIRED_NOTIFICATIONS.every((n) => told.some((t) => t.incidentId === incident.id && t.notified === n));
    return serious.filter((incident) => !done(incident));
  }
}
