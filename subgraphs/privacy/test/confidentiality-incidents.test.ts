import { syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const [first, second] = [...syntheticMembers(stack.seed)].slice(594, 596);
const office = () => asCaller('PRIVACY_OFFICE', { sub: 'privacy-officer' });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const FIELDS = `id description occurredFrom occurredTo discoveredOn categories memberIds peopleConcerned injuryRisk riskReasoning assessedOn measuresTaken
  informationDescription informationNotDescribedBecause occurrenceApproximate peopleConcernedApproximate
  riskSensitivity riskPossibleMisuse riskConsequences riskLikelihood publicNoticeGiven publicNoticeReason registerGaps keptUntil
  notifications { notified notifiedOn details } notificationsOutstanding`;
const ELEMENTS = {
  sensitivity: 'Medico-legal information about identifiable members.',
  possibleMisuse: 'Exposure of a member to a patient or an employer.',
  consequences: 'Damage to reputation and distress for the members.',
  likelihood: 'Unknown recipient; the letter was opened.',
};
const ASSESS = `mutation ($id: ID!, $on: Date!, $e: IncidentRiskElementsInput!, $risk: InjuryRisk!) { assessIncidentRisk(incidentId: $id, risk: $risk,
  reasoning: "Medico-legal information is sensitive and the recipient is unknown to the members.", assessedOn: $on, elements: $e, measuresTaken: "Recipient asked to return the letter.") { ${FIELDS} } }`;
const RECORD = `mutation ($incident: ConfidentialityIncidentInput!) { recordConfidentialityIncident(incident: $incident) { ${FIELDS} } }`;

const incident = (changes: Record<string, unknown> = {}) => ({
  description: 'A letter about two advice calls was mailed to the wrong address.',
  informationDescription: 'Names, addresses and the dates and topics of two advice calls.',
  occurredFrom: day(-5),
  discoveredOn: day(-2),
  categories: ['MEDICO_LEGAL', 'CONTACT'],
  memberIds: [first.id, second.id],
  peopleConcerned: 2,
  ...changes,
});

describe('the register of confidentiality incidents', () => {
  it('records an incident, its risk assessment and every notification, and says who is still to be told', async () => {
    const recorded = await postGraphQL<{ recordConfidentialityIncident: { id: string } }>(stack.gatewayUrl, RECORD, { incident: incident() }, await office());
    expect(recorded.body.errors).toBeUndefined();
    const entry = recorded.body.data!.recordConfidentialityIncident;
    expect(entry).toMatchObject({
      injuryRisk: 'NOT_ASSESSED',
      categories: ['CONTACT', 'MEDICO_LEGAL'],
      notifications: [],
      notificationsOutstanding: [],
      registerGaps: ['RISK_ASSESSMENT', 'MEASURES_TAKEN'],
      keptUntil: `${Number(day(-2).slice(0, 4)) + 5}${day(-2).slice(4)}`,
    });

    const assessed = await postGraphQL(stack.gatewayUrl, ASSESS, { id: entry.id, on: day(-1), e: ELEMENTS, risk: 'RISK_OF_SERIOUS_INJURY' }, await office());
    expect(assessed.body.data!.assessIncidentRisk).toMatchObject({
      injuryRisk: 'RISK_OF_SERIOUS_INJURY',
      assessedOn: day(-1),
      riskSensitivity: ELEMENTS.sensitivity,
      riskPossibleMisuse: ELEMENTS.possibleMisuse,
      riskConsequences: ELEMENTS.consequences,
      riskLikelihood: ELEMENTS.likelihood,
      notificationsOutstanding: ['COMMISSION_ACCES_INFORMATION', 'PERSONS_CONCERNED'],
      registerGaps: ['COMMISSION_NOTICE', 'PERSONS_CONCERNED_NOTICE', 'PUBLIC_NOTICE'],
    });
    const awaiting = await postGraphQL(stack.gatewayUrl, '{ incidentsAwaitingNotification { id } }', {}, await office());
    expect(awaiting.body.data!.incidentsAwaitingNotification).toContainEqual({ id: entry.id });

    const NOTIFY = `mutation ($id: ID!, $who: IncidentNotifiee!, $on: Date!) { recordIncidentNotification(incidentId: $id, notified: $who, notifiedOn: $on, details: "Form sent by e-mail.") { ${FIELDS} } }`;
    await postGraphQL(stack.gatewayUrl, NOTIFY, { id: entry.id, who: 'COMMISSION_ACCES_INFORMATION', on: day(-1) }, await office());
    const told = await postGraphQL<{ recordIncidentNotification: { notifications: { notified: string }[] } }>(
      stack.gatewayUrl,
      NOTIFY,
      { id: entry.id, who: 'PERSONS_CONCERNED', on: day(0) },
      await office(),
    );
    expect(told.body.data!.recordIncidentNotification.notifications.map((n) => n.notified)).toEqual(['COMMISSION_ACCES_INFORMATION', 'PERSONS_CONCERNED']);
    expect(told.body.data!.recordIncidentNotification.notificationsOutstanding).toEqual([]);
    const unexplained = await postGraphQL(stack.gatewayUrl, 'mutation ($id: ID!) { recordIncidentPublicNotice(incidentId: $id, given: true) { id } }', { id: entry.id }, await office());
    expect(unexplained.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    const publicNotice = await postGraphQL<{ recordIncidentPublicNotice: Record<string, unknown> }>(
      stack.gatewayUrl,
      `mutation ($id: ID!) { recordIncidentPublicNotice(incidentId: $id, given: false, reason: "Both members were reached by letter.") { ${FIELDS} } }`,
      { id: entry.id },
      await office(),
    );
    expect(publicNotice.body.data!.recordIncidentPublicNotice).toMatchObject({ publicNoticeGiven: false, publicNoticeReason: 'Both members were reached by letter.', registerGaps: [] });
    const after = await postGraphQL(stack.gatewayUrl, '{ incidentsAwaitingNotification { id } }', {}, await office());
    expect(after.body.data!.incidentsAwaitingNotification).not.toContainEqual({ id: entry.id });

    const byMember = await postGraphQL(stack.gatewayUrl, 'query ($m: ID!) { confidentialityIncidents(memberId: $m) { id } }', { m: second.id }, await office());
    expect(byMember.body.data!.confidentialityIncidents).toEqual([{ id: entry.id }]);
  });

  it.each([
    ['incident.discoveredOn', { discoveredOn: day(-9) }],
    ['incident.occurredFrom', { occurredFrom: day(3) }],
    ['incident.occurredTo', { occurredTo: day(-6) }],
    ['incident.categories', { categories: ['GOSSIP'] }],
    ['incident.memberIds.0', { memberIds: ['not-a-member'] }],
    ['incident.peopleConcerned', { peopleConcerned: 1 }],
    ['incident.description', { description: 'Oops' }],
    ['incident.informationDescription', { informationDescription: null }],
    ['incident.informationDescription', { informationNotDescribedBecause: 'The laptop held files we cannot list.' }],
    ['incident.description', { description: 'A letter was\u0000 mailed to the wrong address.' }],
    ['incident.description', { description: 'A letter was\r mailed to the wrong address.' }],
    ['incident.informationDescription', { informationDescription: 'Names and \u202eaddresses of two members.' }],
    ['incident.informationNotDescribedBecause', { informationDescription: null, informationNotDescribedBecause: 'The laptop held\u200b files.' }],
  ])('refuses an entry whose %s is not valid, and writes nothing', async (argument, changes) => {
    const count = async () => (await sql(stack.adminUrl, 'select count(*)::int as n from privacy.confidentiality_incident'))[0].n;
    const before = await count();
    const { body } = await postGraphQL(stack.gatewayUrl, RECORD, { incident: incident(changes) }, await office());
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await count()).toBe(before);
  });

  it('takes the reasons the information cannot be described, and approximations of the dates and the number of persons', async () => {
    const changes = {
      informationDescription: null,
      informationNotDescribedBecause: 'A stolen laptop held files we cannot list.',
      occurrenceApproximate: true,
      peopleConcernedApproximate: true,
      peopleConcerned: 40,
    };
    const { body } = await postGraphQL<{ recordConfidentialityIncident: Record<string, unknown> }>(stack.gatewayUrl, RECORD, { incident: incident(changes) }, await office());
    expect(body.data!.recordConfidentialityIncident).toMatchObject({ ...changes, registerGaps: ['RISK_ASSESSMENT', 'MEASURES_TAKEN'] });
  });

  it('refuses an assessment without the elements it rests on, or with hostile text in any of them, and keeps the entry unassessed', async () => {
    const entry = (await postGraphQL<{ recordConfidentialityIncident: { id: string } }>(stack.gatewayUrl, RECORD, { incident: incident() }, await office())).body.data!.recordConfidentialityIncident;
    for (const [field, value] of [
      ['sensitivity', 'short'],
      ['possibleMisuse', 'Exposure\u0000 of a member.'],
      ['consequences', 'Damage to\r reputation.'],
      ['likelihood', 'Unknown \u202erecipient.'],
    ] as const) {
      const { body } = await postGraphQL(stack.gatewayUrl, ASSESS, { id: entry.id, on: day(-1), e: { ...ELEMENTS, [field]: value }, risk: 'NO_SERIOUS_RISK' }, await office());
      expect([field, body.errors?.[0]?.extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', argument: `elements.${field}` })]);
    }
    const notify = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($id: ID!, $on: Date!, $d: String!) { recordIncidentNotification(incidentId: $id, notified: PERSONS_CONCERNED, notifiedOn: $on, details: $d) { id } }',
      { id: entry.id, on: day(-1), d: 'Letter\u0000 sent.' },
      await office(),
    );
    expect(notify.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'details' });
    const [row] = await sql(stack.adminUrl, 'select injury_risk, risk_sensitivity from privacy.confidentiality_incident where id = $1', [entry.id]);
    expect(row).toEqual({ injury_risk: 'NOT_ASSESSED', risk_sensitivity: null });
  });

  it.each(['MEDICO_LEGAL_ASSISTANCE', 'MEMBERSHIP', 'RISK_MANAGEMENT'] as const)("refuses the register's mutations under %s", async (purpose) => {
    const id = '00000000-0000-4000-8000-000000000002';
    for (const query of [
      `mutation { recordIncidentPublicNotice(incidentId: "${id}", given: false) { id } }`,
      `mutation { assessIncidentRisk(incidentId: "${id}", risk: NO_SERIOUS_RISK, reasoning: "x", assessedOn: "2026-01-01", elements: { sensitivity: "a", possibleMisuse: "b", consequences: "c", likelihood: "d" }) { id } }`,
    ]) {
      const { body } = await postGraphQL(stack.gatewayUrl, query, {}, await asCaller(purpose));
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('is kept by the privacy office alone', async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, '{ confidentialityIncidents { id } }', {}, await asCaller('MEDICO_LEGAL_ASSISTANCE'));
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
