import { syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const [first, second] = [...syntheticMembers(stack.seed)].slice(594, 596);
const office = () => asCaller('PRIVACY_OFFICE', { sub: 'privacy-officer' });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const FIELDS = `id description occurredFrom occurredTo discoveredOn categories memberIds peopleConcerned injuryRisk riskReasoning assessedOn measuresTaken
  notifications { notified notifiedOn details } notificationsOutstanding`;
const RECORD = `mutation ($incident: ConfidentialityIncidentInput!) { recordConfidentialityIncident(incident: $incident) { ${FIELDS} } }`;

const incident = (changes: Record<string, unknown> = {}) => ({
  description: 'A letter about two advice calls was mailed to the wrong address.',
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
    expect(entry).toMatchObject({ injuryRisk: 'NOT_ASSESSED', categories: ['CONTACT', 'MEDICO_LEGAL'], notifications: [], notificationsOutstanding: [] });

    const assessed = await postGraphQL(
      stack.gatewayUrl,
      `mutation ($id: ID!, $on: Date!) { assessIncidentRisk(incidentId: $id, risk: RISK_OF_SERIOUS_INJURY,
      reasoning: "Medico-legal information is sensitive and the recipient is unknown to the members.", assessedOn: $on, measuresTaken: "Recipient asked to return the letter.") { ${FIELDS} } }`,
      { id: entry.id, on: day(-1) },
      await office(),
    );
    expect(assessed.body.data!.assessIncidentRisk).toMatchObject({
      injuryRisk: 'RISK_OF_SERIOUS_INJURY',
      assessedOn: day(-1),
      notificationsOutstanding: ['COMMISSION_ACCES_INFORMATION', 'PERSONS_CONCERNED'],
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
  ])('refuses an entry whose %s is not valid, and writes nothing', async (argument, changes) => {
    const count = async () => (await sql(stack.adminUrl, 'select count(*)::int as n from privacy.confidentiality_incident'))[0].n;
    const before = await count();
    const { body } = await postGraphQL(stack.gatewayUrl, RECORD, { incident: incident(changes) }, await office());
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await count()).toBe(before);
  });

  it('is kept by the privacy office alone', async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, '{ confidentialityIncidents { id } }', {}, await asCaller('MEDICO_LEGAL_ASSISTANCE'));
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
