import { startGateway, type RunningGateway } from '@mutual-graph/gateway';
import { syntheticCasework, syntheticMembers } from '@mutual-graph/synthetic';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { accessRequest, day, office } from '../../test/support/access-requests.js';
import { testGatewayConfig } from '../../test/support/in-process-graph.js';
import { freePort } from '../../test/support/processes.js';
import { errorsIn, postGraphQL, sql, testStack } from '../../test/support/stack.js';
import { asCaller, postAsGateway, tokenFor } from '../../test/support/tokens.js';

const stack = testStack();
// A member with medico-legal matters (which the export must leave out) and a MINC (which it carries).
const member = [...syntheticMembers(stack.seed)].slice(500, 540).find((m) => syntheticCasework(m, stack.seed).matters.length > 0 && m.minc)!;
const matters = syntheticCasework(member, stack.seed).matters;

// What a member could have typed, stored as they typed it: quotes, backslashes, markup, JSON of its own, line separators.
const HOSTILE = 'He said "stop" \\ </script><script>alert(1)</script> "},{"injected":true,"x":"\u2028\u2029 ${1+1} \'; drop table x; --';

type Export = {
  $schema: string;
  requestId: string;
  preparedOn: string;
  member: Record<string, unknown> & {
    firstName: string;
    minc: string | null;
    serviceSurveys: { comment: string | null }[];
    privacyRequests: { kind: string; details: string }[];
    consents: unknown[];
  };
  edi: { disability: string | null } | null;
};

async function portability(requestId: string, headers: Record<string, string>, gatewayUrl = stack.gatewayUrl) {
  const response = await fetch(new URL(`/privacy/portability/${requestId}`, gatewayUrl), { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** What was left behind for a request: its disclosures on the member's record, and the audit of operations run as the member. */
async function tracesOf(requestId: string) {
  const disclosures = await sql<{ description: string }>(stack.adminUrl, "select description from privacy.disclosure where member_id = $1 and description like '%' || $2 || '%'", [
    member.id,
    requestId,
  ]);
  const gathered = await sql(stack.adminUrl, "select 1 from audit.audit_record where access_report_request_id::text = $1 and operation_name like 'Portability%'", [requestId]);
  return { disclosures: disclosures.length, gathered: gathered.length };
}

const published = async () => {
  const response = await fetch(new URL('/privacy/portability/schema.json', stack.gatewayUrl));
  return { status: response.status, type: response.headers.get('content-type'), schema: (await response.json()) as Record<string, unknown> };
};

/** All the keys of a JSON value, at every depth. */
const keysOf = (value: unknown): string[] => (Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : []);

beforeAll(async () => {
  const asSelf = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
  const edi = await postGraphQL(stack.gatewayUrl, 'mutation { setMyEdiAnswers(answers: { consentToCollect: true, disability: "PREFER_NOT_TO_SAY" }) { disability } }', {}, asSelf);
  expect(edi.body.errors).toBeUndefined();
  // A survey the member answered, and a support-program perspective in their words, both hostile.
  await sql(
    stack.adminUrl,
    `insert into education.service_survey (id, member_id, service, service_on, quarter, province, sent_at, answerable_until, answered_at, satisfaction, stress_before, stress_after, comment)
     values (gen_random_uuid(), $1, 'ADVICE_CALL', '2026-10-20', '2026-Q4', null, '2026-10-21T14:00:00Z', '2026-11-20T14:00:00Z', '2026-10-22T09:00:00Z', 4, 5, 2, $2)
     on conflict (member_id, service, quarter) do update set comment = excluded.comment, answered_at = excluded.answered_at, satisfaction = 4`,
    [member.id, HOSTILE],
  );
});

describe('the portability export: what the member gave, as JSON with a published schema (s. 27)', () => {
  it('publishes its JSON Schema at a stable URL, to anyone, holding no one’s information', async () => {
    const { status, type, schema } = await published();
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/schema\+json/);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/\/privacy\/portability\/v1\/schema\.json$/);
  });

  it('answers a released ACCESS request with JSON that validates against the published schema, as an attachment not to be cached', async () => {
    const requestId = await accessRequest(member.id, true);
    const { status, headers, text } = await portability(requestId, await office());
    expect([status, status === 200 ? '' : text]).toEqual([200, '']);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(`attachment; filename="portability-${requestId}.json"`);
    expect(headers.get('cache-control')).toBe('no-store');
    const exported = JSON.parse(text) as Export;
    const { schema } = await published();
    const validate = new Ajv2020({ strict: true, validateFormats: false, allErrors: true }).compile(schema);
    expect([validate(exported), validate.errors]).toEqual([true, null]);
    expect(exported).toMatchObject({ $schema: schema.$id, requestId, preparedOn: day(0) });
  });

  it('carries what the member gave: name, MINC, contact, their requests in their words, consents, EDI answers, survey answers', async () => {
    const requestId = await accessRequest(member.id, true);
    const exported = JSON.parse((await portability(requestId, await office())).text) as Export;
    expect(exported.member).toMatchObject({ firstName: member.firstName, lastName: member.lastName, minc: member.minc });
    expect(Object.keys(exported.member.contact as object)).toEqual(['email', 'phone', 'city', 'province']);
    expect(exported.member.privacyRequests).toContainEqual(expect.objectContaining({ kind: 'ACCESS', details: 'Everything you hold, please.' }));
    expect(exported.member.consents.length).toBeGreaterThan(0);
    expect(exported.edi).toMatchObject({ disability: 'PREFER_NOT_TO_SAY' });
    expect(exported.member.serviceSurveys.map((s) => s.comment)).toContain(HOSTILE);
  });

  it('leaves out what the organisation created or inferred: no membership number, no case outcome, no advisor or notes, no fees, no disclosures', async () => {
    const requestId = await accessRequest(member.id, true);
    const { text } = await portability(requestId, await office());
    const keys = new Set(keysOf(JSON.parse(text)));
    for (const key of [
      'membershipNumber',
      'id',
      'outcome',
      'physicianAdvisor',
      'counsel',
      'notes',
      'contributingFactors',
      'fees',
      'membership',
      'medicoLegalHistory',
      'adviceCalls',
      'disclosures',
      'recordedBy',
      'sentAt',
      'waitlistPosition',
    ]) {
      expect([key, keys.has(key)]).toEqual([key, false]);
    }
    expect(text).not.toContain(member.membershipNumber);
    for (const matter of matters) expect(text).not.toContain(matter.id);
  });

  it('keeps hostile stored text as data: the document parses, the value comes back exactly, nothing is injected', async () => {
    const requestId = await accessRequest(member.id, true);
    const { text } = await portability(requestId, await office());
    const exported = JSON.parse(text) as Export;
    expect(exported.member.serviceSurveys.find((s) => s.comment?.startsWith('He said'))?.comment).toBe(HOSTILE);
    expect(keysOf(exported)).not.toContain('injected');
    expect(text).not.toContain('</script><script>alert(1)</script> "},{"injected":true');
  });

  it('audits the gathering under the officer, PRIVACY_OFFICE and the request, scoped to the member, EDI on its own', async () => {
    const requestId = await accessRequest(member.id, true);
    const prefix = `portability-${requestId.slice(0, 8)}`;
    expect((await portability(requestId, { ...(await office('second-officer')), 'x-request-id': prefix })).status).toBe(200);
    const rows = await sql<{ operation_name: string }>(
      stack.adminUrl,
      'select operation_name, purpose, subject, categories, member_ids, access_report_request_id from audit.audit_record where request_id like $1 order by request_id',
      [`${prefix}%`],
    );
    const byName = Object.fromEntries(rows.map((r) => [r.operation_name, r]));
    for (const name of ['PortabilityExport', 'PortabilityEdi']) {
      expect(byName[name]).toMatchObject({ subject: 'second-officer', purpose: 'PRIVACY_OFFICE', access_report_request_id: requestId, member_ids: [member.id] });
    }
    expect(byName.PortabilityEdi).toMatchObject({ categories: ['EDI'] });
    expect(byName.PortabilityExport.categories).not.toContain('EDI');
    expect(byName.PortabilityRequest).toMatchObject({ subject: 'second-officer', purpose: 'PRIVACY_OFFICE' });
  });

  it("shows the member, among their disclosures, the portability export by name, apart from an access report's", async () => {
    const requestId = await accessRequest(member.id, true);
    expect((await portability(requestId, await office('second-officer'))).status).toBe(200);
    const { body } = await postGraphQL<{ me: { disclosures: { recipient: string; purpose: string; categories: string[]; description: string }[] } }>(
      stack.gatewayUrl,
      '{ me { disclosures { recipient purpose categories description } } }',
      {},
      await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id }),
    );
    const released = body.data!.me.disclosures.filter((d) => d.description.includes(requestId));
    expect(released).toHaveLength(1);
    expect(released[0]).toMatchObject({
      recipient: 'The member (their access request)',
      purpose: 'ACCESS_REQUEST',
      description: `Portability export (JSON) for request ${requestId}, released by second-officer`,
    });
    expect(released[0].categories).toEqual(expect.arrayContaining(['EDI', 'PRIVACY_RECORD', 'PROFILE', 'SURVEY']));
    expect(released[0].categories).not.toContain('FINANCIAL');
  });
});

describe('the portability export refused, with nothing gathered and nothing recorded', () => {
  const refusals: [string, () => Promise<{ requestId: string; headers: Record<string, string> }>, number, Record<string, unknown>][] = [
    ['under another purpose', async () => ({ requestId: await accessRequest(member.id, true), headers: await asCaller('MEDICO_LEGAL_ASSISTANCE') }), 403, { code: 'FORBIDDEN' }],
    [
      'to the member, with their own token',
      async () => ({ requestId: await accessRequest(member.id, true), headers: await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id, roles: ['member'] }) }),
      403,
      { code: 'FORBIDDEN' },
    ],
    [
      "to a member's stolen token claiming PRIVACY_OFFICE, which it was not granted",
      async () => ({
        requestId: await accessRequest(member.id, true),
        headers: { authorization: `Bearer ${await tokenFor({ sub: 'thief', roles: ['member'], purposes: ['MEMBER_SELF_SERVICE'], memberId: member.id })}`, 'x-purpose-of-use': 'PRIVACY_OFFICE' },
      }),
      403,
      { code: 'FORBIDDEN' },
    ],
    ['without a token', async () => ({ requestId: await accessRequest(member.id, true), headers: { 'x-purpose-of-use': 'PRIVACY_OFFICE' } }), 401, { code: 'UNAUTHENTICATED' }],
    ["before the requester's identity is verified", async () => ({ requestId: await accessRequest(member.id, false), headers: await office() }), 409, { code: 'BAD_USER_INPUT', reason: 'UNVERIFIED' }],
    [
      'for a request one officer recorded and verified',
      async () => {
        const requestId = await accessRequest(member.id, false);
        await sql(stack.adminUrl, "update privacy.privacy_request set identity_verified_on = $2, identity_verified_by = 'privacy-officer', status = 'IN_PROGRESS' where id = $1", [requestId, day(-1)]);
        return { requestId, headers: await office() };
      },
      403,
      { code: 'BAD_USER_INPUT', reason: 'SEPARATION_OF_DUTIES' },
    ],
    [
      'for a CORRECTION request',
      async () => ({ requestId: await accessRequest(member.id, true, { kind: 'CORRECTION' }), headers: await office() }),
      409,
      { code: 'BAD_USER_INPUT', reason: 'NOT_AN_ACCESS_REQUEST' },
    ],
    [
      'for a closed request',
      async () => {
        const requestId = await accessRequest(member.id, true);
        const closed = await postGraphQL(stack.gatewayUrl, 'mutation ($r: ID!) { completePrivacyRequest(requestId: $r) { status } }', { r: requestId }, await office());
        expect(closed.body.errors).toBeUndefined();
        return { requestId, headers: await office() };
      },
      409,
      { code: 'BAD_USER_INPUT', reason: 'CLOSED' },
    ],
    ['for a malformed id', async () => ({ requestId: 'nope"}', headers: await office() }), 400, { code: 'BAD_USER_INPUT', argument: 'requestId' }],
    ['for an unknown id', async () => ({ requestId: '5d8f0c3e-1111-4a2b-9c3d-000000000000', headers: await office() }), 404, { code: 'BAD_USER_INPUT', argument: 'requestId' }],
  ];

  it.each(refusals)('%s', async (_case, given, status, extensions) => {
    const { requestId, headers } = await given();
    const refused = await portability(encodeURIComponent(requestId), headers);
    expect([refused.status, errorsIn(refused.text)[0]?.extensions]).toEqual([status, expect.objectContaining(extensions)]);
    expect(refused.headers.get('content-disposition')).toBeNull();
    for (const secret of [member.lastName, member.firstName, member.minc]) expect(refused.text).not.toContain(secret);
    expect(await tracesOf(requestId)).toEqual({ disclosures: 0, gathered: 0 });
  });

  it('gives its release to the gateway alone: neither a client nor a forged hop without the effect may record one', async () => {
    const requestId = await accessRequest(member.id, true);
    const RECORD = 'mutation ($r: ID!) { recordPortabilityRelease(requestId: $r, categories: ["PROFILE"]) { id } }';
    const viaGateway = await postGraphQL(stack.gatewayUrl, RECORD, { r: requestId }, await office());
    expect(viaGateway.body.data ?? null).toBeNull();
    expect(viaGateway.body.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
    const direct = await postAsGateway('privacy', RECORD, { r: requestId }, 'PRIVACY_OFFICE', { sub: 'privacy-officer' });
    expect(direct.body.data?.recordPortabilityRelease ?? null).toBeNull();
    expect(await tracesOf(requestId)).toEqual({ disclosures: 0, gathered: 0 });
  });
});

describe('the portability export racing the close of its request', () => {
  it('is sent only with its disclosure on record: whichever wins, an export sent has one, one refused has none', async () => {
    for (let round = 0; round < 3; round += 1) {
      const requestId = await accessRequest(member.id, true);
      const [exported, closed] = await Promise.all([
        portability(requestId, await office()),
        postGraphQL(stack.gatewayUrl, 'mutation ($r: ID!) { completePrivacyRequest(requestId: $r) { status } }', { r: requestId }, await office('second-officer')),
      ]);
      expect(closed.body.errors).toBeUndefined();
      const { disclosures } = await tracesOf(requestId);
      expect([exported.status, disclosures]).toEqual(exported.status === 200 ? [200, 1] : [exported.status, 0]);
      if (exported.status !== 200) expect(exported.status).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('the portability export with a subgraph down', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    // The education subgraph (learning, surveys) at a port nothing listens on.
    gateway = await startGateway(testGatewayConfig({ ...stack.subgraphUrls, education: `http://127.0.0.1:${await freePort()}/graphql` }));
  }, 60_000);
  afterAll(() => gateway?.stop());

  it('answers 503 ACCESS_REPORT_INCOMPLETE and records nothing, rather than export part of what the member gave', async () => {
    const requestId = await accessRequest(member.id, true);
    const { status, text } = await portability(requestId, await office(), gateway.url);
    expect(status).toBe(503);
    expect(errorsIn(text)[0].extensions).toMatchObject({ code: 'ACCESS_REPORT_INCOMPLETE' });
    expect(text).not.toContain(member.lastName);
    expect((await tracesOf(requestId)).disclosures).toBe(0);
    // The same request, through the whole graph, is released once the subgraph answers.
    expect((await portability(requestId, await office())).status).toBe(200);
  });
});

describe('the portability export of an identified member', () => {
  it('carries the observations the member wrote on their identification, and none of the figures the organisation computed', async () => {
    const [identified] = await sql<{ member_id: string }>(
      stack.adminUrl,
      "select member_id::text from casework.support_program_enrolment where source = 'IDENTIFICATION' order by opened_on, id limit 1",
    );
    const words = `My matters over these years came from one understaffed ward ${Date.now()}.`;
    const added = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($t: String!) { addMyIdentificationObservation(text: $t) { text } }',
      { t: words },
      await asCaller('MEMBER_SELF_SERVICE', { memberId: identified.member_id }),
    );
    expect(added.body.errors).toBeUndefined();
    const requestId = await accessRequest(identified.member_id, true);
    const { status, text } = await portability(requestId, await office());
    expect(status).toBe(200);
    const document = JSON.parse(text) as Export & { member: { identificationObservations: { text: string }[] } };
    expect(document.member.identificationObservations.map((o) => o.text)).toContain(words);
    expect(keysOf(document)).not.toContain('identificationExplanation');
    expect(keysOf(document).filter((k) => ['matterCount', 'peerRate', 'matters', 'inPlainWords', 'significanceLevel', 'basis'].includes(k))).toEqual([]);
  });
});
