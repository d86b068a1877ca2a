import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { syntheticCasework, syntheticFees, syntheticFeeSchedule, syntheticMembers } from '@mutual-graph/synthetic';
import { PROVINCE_NAMES, TYPES_OF_WORK } from '@mutual-graph/domain-codes';
import { errorsIn, postGraphQL, sql, testStack } from '../../test/support/stack.js';
import { accessRequest as accessRequestFor, day, office, VERIFY } from '../../test/support/access-requests.js';
import { asCaller, tokenFor } from '../../test/support/tokens.js';

const stack = testStack();
// A member with medico-legal history, EDI answers of their own and a partner confirmation on record,
// whose mailing address is in another province than their practice.
const member = [...syntheticMembers(stack.seed)].slice(560).find((m) => syntheticCasework(m, stack.seed).matters.length > 0 && m.minc && m.mailingProvince !== m.province)!;
/** An ACCESS request the office recorded for the member (test/support/access-requests.ts). */
const accessRequest = (verified: boolean, officers: { recordedBy?: string; verifiedBy?: string } = {}) => accessRequestFor(member.id, verified, officers);

const report = async (requestId: string, headers: Record<string, string>) => {
  const response = await fetch(new URL(`/privacy/access-reports/${requestId}`, stack.gatewayUrl), { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('the access report for an ACCESS request', () => {
  beforeAll(async () => {
    const asSelf = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    await postGraphQL(stack.gatewayUrl, 'mutation { setMyEdiAnswers(answers: { consentToCollect: true, disability: "PREFER_NOT_TO_SAY" }) { disability } }', {}, asSelf);
    const partner = { authorization: `Bearer ${await tokenFor({ sub: 'partner-system', roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-privileges-office' })}` };
    const confirm = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();
    const { body } = await postGraphQL(new URL('/partner/graphql', stack.gatewayUrl).toString(), confirm, { minc: member.minc }, partner);
    expect(body.errors).toBeUndefined();
    // A survey the member answered, its comment holding what could break a Markdown table.
    await sql(
      stack.adminUrl,
      `insert into education.service_survey (id, member_id, service, service_on, quarter, province, sent_at, answerable_until, answered_at, satisfaction, stress_before, stress_after, comment)
       values (gen_random_uuid(), $1, 'ADVICE_CALL', '2026-10-20', '2026-Q4', null, '2026-10-21T14:00:00Z', '2026-11-20T14:00:00Z', '2026-10-22T09:00:00Z', 4, 5, 2, $2)
       on conflict (member_id, service, quarter) do update set comment = excluded.comment, answered_at = excluded.answered_at, satisfaction = 4`,
      [member.id, 'Helpful | calm\nadvisor'],
    );
  });

  it('tells the member that a request answered late was deemed refused, and that they may complain', async () => {
    const { body } = await postGraphQL<{ recordPrivacyRequest: { id: string } }>(
      stack.gatewayUrl,
      'mutation ($m: ID!, $on: Date!) { recordPrivacyRequest(memberId: $m, kind: ACCESS, details: "Everything, a second time.", receivedOn: $on) { id } }',
      { m: member.id, on: day(-35) },
      await office(),
    );
    const late = body.data!.recordPrivacyRequest.id;
    await postGraphQL(stack.gatewayUrl, VERIFY, { r: late, on: day(-1) }, await office('second-officer'));
    const { status, text } = await report(late, await office());
    expect(status).toBe(200);
    expect(text).toContain(`| ${day(-4)}: you may complain to the Privacy Commissioner of Canada |`);
  });

  it("gathers the member's information from all four subgraphs into a document a person can read, codes explained", async () => {
    const { status, type, text } = await report(await accessRequest(true), await office());
    expect([status, status === 200 ? '' : text]).toEqual([200, '']);
    expect(type).toMatch(/^text\/markdown/);
    expect(text).toContain(`# Your personal information: ${member.firstName} ${member.lastName}`);
    expect(text).toContain(member.minc);
    expect(text).toContain(`| Province or territory of the mailing address | ${PROVINCE_NAMES[member.mailingProvince]} |`);
    expect(text).toContain(`| Province or territory of practice | ${PROVINCE_NAMES[member.province]} |`);
    expect(text).toContain(TYPES_OF_WORK.find((t) => t.code === member.periods.at(-1)!.typeOfWork)!.label);
    for (const heading of [
      'Who you are',
      'How we reach you',
      'Your membership',
      'Your fees and payments',
      'Medico-legal assistance',
      'Learning',
      'Service surveys',
      'Communications',
      'Your consents and requests',
      'Organisations that received your information',
      'Service providers that may hold your information',
      'Your equity, diversity and inclusion answers',
    ]) {
      expect(text).toContain(`## ${heading}`);
    }
    const matters = syntheticCasework(member, stack.seed).matters;
    expect(text).toContain(matters[0].openedOn);
    // Codes written out: no raw enum code where a word is due, every table under its own label.
    expect(text).toMatch(/\| Preferred language \| (English|French) \|/);
    expect(text).toContain('**Periods of membership**');
    expect(text).not.toMatch(/\| (COMMUNICATIONS|SURVEYS|EDI_COLLECTION|GRANTED|WITHDRAWN) \|/);
    expect(text).not.toMatch(/\| (CIVIL_ACTION|COLLEGE_COMPLAINT|HOSPITAL_COMPLAINT) \|/);
    // Who received it: the partner that confirmed the membership.
    expect(text).toMatch(/\| hospital-privileges-office \| \d+ \|/);
    expect(text).toContain('Prefer not to say');
    // Their survey and what they wrote, which no staff purpose reads, in one table row.
    expect(text).toMatch(/\| Advice call \| 2026-10-20 \| 2026-10-21 \| 2026-10-22 \| 4 \| 5 \| 2 \| Helpful \\\| calm advisor \|/);
  });

  it('lists the service providers that may hold the information of members of their provinces, what they receive and where they keep it, and no others', async () => {
    const { text } = await report(await accessRequest(true), await office());
    const provinces = [member.province, member.mailingProvince];
    expect(text).toContain('| Relay Mail Delivery LLC | Delivery of our e-mail to members (newsletters, notices, survey invitations) |');
    expect(text).toMatch(
      /\| Relay Mail Delivery LLC \|[^\n]*\| Communication preferences and history; Addresses, email, telephone; Name, date of birth, identifiers of the person \| United States \| receives it now \|/,
    );
    expect(text).toMatch(/\| Northern Shield Hosting Inc\. \|[^\n]*\| Ontario, Canada \| receives it now \|/);
    expect(text.includes('Imprimerie Postale Laurentides')).toBe(provinces.includes('QC'));
    expect(text.includes('Maritime Survey Panels Ltd.')).toBe(provinces.includes('NS'));
    expect(text).not.toMatch(/FAVOURABLE|CTR-20/);
  });

  it("shows every invoice, payment and refund of the member's fees, amounts exact to the cent", async () => {
    const { text } = await report(await accessRequest(true), await office());
    const fees = syntheticFees(member, syntheticFeeSchedule(stack.seed), stack.seed);
    expect(fees.fees.length).toBeGreaterThan(0);
    const dollars = (cents: number) => `${Math.floor(cents / 100).toLocaleString('en-CA')}.${String(cents % 100).padStart(2, '0')} $`;
    for (const fee of fees.fees) expect(text).toContain(`| ${fee.year} | ${fee.coveredFrom} to ${fee.coveredTo} | ${dollars(fee.amountCents)} |`);
    for (const payment of fees.payments) expect(text).toContain(`| ${payment.paidOn} | ${dollars(payment.amountCents)} | ${payment.bankReference} |`);
    for (const refund of fees.refunds) expect(text).toContain(`${dollars(refund.refundCents)} returned`);
  });

  it('gathers EDI in an operation of its own, never joined with membership or medico-legal data, and audits both', async () => {
    const requestId = await accessRequest(true);
    const { status } = await report(requestId, { ...(await office()), 'x-request-id': `report-${requestId.slice(0, 8)}` });
    expect(status).toBe(200);
    const audited = await sql<{ operation_name: string; categories: string[] }>(
      stack.adminUrl,
      'select operation_name, purpose, subject, categories, member_ids from audit.audit_record where request_id like $1 order by request_id',
      [`report-${requestId.slice(0, 8)}%`],
    );
    const byName = Object.fromEntries(audited.map((r) => [r.operation_name, r]));
    expect(byName.AccessReportEdi).toMatchObject({ purpose: 'PRIVACY_OFFICE', subject: 'privacy-officer', categories: ['EDI'], member_ids: [member.id] });
    expect(byName.AccessReport.categories).toEqual(expect.arrayContaining(['MEDICO_LEGAL', 'MEMBERSHIP', 'LEARNING', 'SURVEY', 'PRIVACY_RECORD']));
    expect(byName.AccessReport.categories).not.toContain('EDI');
    expect(byName.AccessReportRequest).toMatchObject({ purpose: 'PRIVACY_OFFICE' });
  });

  it("is refused until the requester's identity is verified, and for anything but an open ACCESS request", async () => {
    const unverified = await report(await accessRequest(false), await office());
    expect(unverified.status).toBe(409);
    expect(errorsIn(unverified.text)[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId' });
    const unknown = await report('5d8f0c3e-1111-4a2b-9c3d-000000000000', await office());
    expect(unknown.status).toBe(404);
    const malformed = await report('nope', await office());
    expect(errorsIn(malformed.text)[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("is the privacy office's: other purposes and anonymous callers get nothing", async () => {
    const requestId = await accessRequest(true);
    const other = await report(requestId, await asCaller('MEDICO_LEGAL_ASSISTANCE'));
    expect(other.status).toBe(403);
    expect(other.text).not.toContain(member.lastName);
    const anonymous = await report(requestId, {});
    expect(anonymous.status).toBe(401);
  });
});

describe("separation of duties: no single officer exports a member's whole file", () => {
  const auditOf = (prefix: string) =>
    sql<{ operation_name: string }>(
      stack.adminUrl,
      'select operation_name, purpose, subject, categories, member_ids, access_report_request_id from audit.audit_record where request_id like $1 order by request_id',
      [`${prefix}%`],
    );

  it('refuses the officer who recorded a request to verify it, then refuses them the report: a code, a 4xx, no content, nothing gathered', async () => {
    const requestId = await accessRequest(false);
    const verification = await postGraphQL(stack.gatewayUrl, VERIFY, { r: requestId, on: day(-1) }, await office());
    expect(verification.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId', reason: 'SEPARATION_OF_DUTIES' });
    expect(verification.body.data?.verifyRequesterIdentity ?? null).toBeNull();

    const prefix = `alone-${requestId.slice(0, 8)}`;
    const { status, text } = await report(requestId, { ...(await office()), 'x-request-id': prefix });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(errorsIn(text)[0].extensions?.code).toEqual(expect.any(String));
    for (const secret of [member.lastName, member.minc, member.firstName]) expect(text).not.toContain(secret);
    // Refused before anything was gathered: no operation ran as the member.
    expect((await auditOf(prefix)).map((r) => r.operation_name)).toEqual(['AccessReportRequest']);
  });

  it('refuses the report of a request one officer recorded and verified, however the record came to say so (403, SEPARATION_OF_DUTIES)', async () => {
    const requestId = await accessRequest(false);
    await sql(stack.adminUrl, "update privacy.privacy_request set identity_verified_on = $2, identity_verified_by = 'privacy-officer', status = 'IN_PROGRESS' where id = $1", [requestId, day(-1)]);
    const { status, text } = await report(requestId, await office());
    expect(status).toBe(403);
    expect(errorsIn(text)[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId', reason: 'SEPARATION_OF_DUTIES' });
    expect(text).not.toContain(member.lastName);
  });

  it("releases the report once a second officer verified the requester's identity, to either officer", async () => {
    const requestId = await accessRequest(true);
    for (const sub of ['privacy-officer', 'second-officer']) {
      const { status, text } = await report(requestId, await office(sub));
      expect([status, status === 200 ? '' : text]).toEqual([200, '']);
      expect(text).toContain(member.lastName);
    }
  });

  it("releases the report of the member's own submitted request verified by one officer", async () => {
    const asSelf = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    const submitted = await postGraphQL<{ submitPrivacyRequest: { id: string; channel: string; recordedBy: string | null } }>(
      stack.gatewayUrl,
      'mutation { submitPrivacyRequest(kind: ACCESS, details: "A copy of everything, please.") { id channel recordedBy } }',
      {},
      asSelf,
    );
    const { id, channel, recordedBy } = submitted.body.data!.submitPrivacyRequest;
    expect([channel, recordedBy]).toEqual(['SELF_SERVICE', null]);
    const verification = await postGraphQL(stack.gatewayUrl, VERIFY, { r: id, on: day(0) }, await office());
    expect(verification.body.errors).toBeUndefined();
    const { status, text } = await report(id, await office());
    expect([status, status === 200 ? '' : text]).toEqual([200, '']);
    expect(text).toContain(member.lastName);
  });

  it("audits the release's operations under the officer's name and PRIVACY_OFFICE, marked with the request, still scoped to the member", async () => {
    const requestId = await accessRequest(true);
    const prefix = `release-${requestId.slice(0, 8)}`;
    expect((await report(requestId, { ...(await office('second-officer')), 'x-request-id': prefix })).status).toBe(200);
    const rows = Object.fromEntries((await auditOf(prefix)).map((r) => [r.operation_name, r]));
    for (const name of ['AccessReport', 'AccessReportEdi']) {
      expect(rows[name]).toMatchObject({ subject: 'second-officer', purpose: 'PRIVACY_OFFICE', access_report_request_id: requestId, member_ids: [member.id] });
    }
    expect(rows.AccessReportRequest).toMatchObject({ subject: 'second-officer', purpose: 'PRIVACY_OFFICE' });
    // The office reads the same in its access audit.
    const audit = await postGraphQL(
      stack.gatewayUrl,
      'query ($m: ID!) { accessAudit(filter: { memberId: $m, principal: "second-officer" }) { operationName purpose accessReportRequestId } }',
      { m: member.id },
      await office(),
    );
    expect(audit.body.data!.accessAudit).toContainEqual({ operationName: 'AccessReportEdi', purpose: 'PRIVACY_OFFICE', accessReportRequestId: requestId });
  });

  it('shows the member, among their disclosures, that the report was produced, for whom, by which officer, with which categories', async () => {
    const requestId = await accessRequest(true);
    expect((await report(requestId, await office('second-officer'))).status).toBe(200);
    const asSelf = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    const { body } = await postGraphQL<{ me: { disclosures: { recipient: string; purpose: string; categories: string[]; description: string }[] } }>(
      stack.gatewayUrl,
      '{ me { disclosures { recipient purpose categories description } } }',
      {},
      asSelf,
    );
    const release = body.data!.me.disclosures.find((d) => d.description.includes(requestId))!;
    expect(release).toMatchObject({ recipient: 'The member (their access request)', purpose: 'ACCESS_REQUEST' });
    expect(release.description).toContain('second-officer');
    expect(release.categories).toEqual(expect.arrayContaining(['EDI', 'FINANCIAL', 'MEDICO_LEGAL', 'MEMBERSHIP', 'PRIVACY_RECORD']));
  });

  it('records no release when the report is refused', async () => {
    const requestId = await accessRequest(true, { verifiedBy: 'privacy-officer' });
    expect((await report(requestId, await office())).status).toBeGreaterThanOrEqual(400);
    const rows = await sql(stack.adminUrl, "select 1 from privacy.disclosure where member_id = $1 and description like '%' || $2 || '%'", [member.id, requestId]);
    expect(rows).toHaveLength(0);
  });
});
