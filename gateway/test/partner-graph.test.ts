import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationHash, PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { NO_MEMBER } from '@mutual-graph/platform';
import { formatMinc } from '@mutual-graph/domain-codes';
import { PARTNER_API_PATH } from '@mutual-graph/schema';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { buildSchema, parse, validate } from 'graphql';
import { expectRefused } from '../../test/support/refusals.js';
import { postGraphQL, sql, testStack, type GraphQLBody } from '../../test/support/stack.js';
import { asCaller, tokenFor } from '../../test/support/tokens.js';

const stack = testStack();
const partnerUrl = new URL('/partner/graphql', stack.gatewayUrl).toString();
const CONFIRM = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();
const population = [...syntheticMembers(stack.seed)];
const active = population.find((m) => m.status === 'ACTIVE' && m.periods.length === 1)!;
const retired = population.find((m) => m.status === 'RETIRED' && m.periods.length > 0)!;
const retiredUntil = retired.periods.at(-1)!.endsOn!;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function asPartner(extra: Record<string, string> = {}) {
  return { authorization: `Bearer ${await tokenFor({ sub: 'hospital-7', roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-7' })}`, ...extra };
}

/** A registered operation sent as partners send it: its hash, no text. */
async function confirmByHash(variables: Record<string, unknown>, headers?: Record<string, string>) {
  const response = await fetch(partnerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(headers ?? (await asPartner())) },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(CONFIRM) } } }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody<{ membershipConfirmation: { isMember: boolean } & Record<string, unknown> }> };
}

describe('the partner graph', () => {
  it('confirms an active member by MINC through the registered operation, sent by hash', async () => {
    const { body } = await confirmByHash({ minc: active.minc });
    expect(body.errors).toBeUndefined();
    expect(body.data!.membershipConfirmation).toEqual({ isMember: true, status: 'ACTIVE', validFrom: active.periods[0].startsOn, validTo: null });
  });

  it('confirms by membership number with the registered text too', async () => {
    const { body } = await postGraphQL(partnerUrl, CONFIRM, { membershipNumber: retired.membershipNumber, asOf: retiredUntil }, await asPartner());
    expect(body.data!.membershipConfirmation).toMatchObject({ isMember: true, status: 'ACTIVE', validTo: retiredUntil });
  });

  it('answers a retired member after the end of protection exactly as it answers someone never a member', async () => {
    const retiredAfter = await confirmByHash({ minc: retired.minc, asOf: dayAfter(retiredUntil) });
    const stranger = await confirmByHash({ minc: formatMinc('9999999'), asOf: dayAfter(retiredUntil) });
    expect(retiredAfter.body).toEqual(stranger.body);
    expect(stranger.body.data!.membershipConfirmation).toEqual({ isMember: false, status: 'NOT_A_MEMBER', validFrom: null, validTo: null });
  });

  it('refuses a MINC with a wrong check digit as BAD_USER_INPUT naming it', async () => {
    const valid = active.minc;
    const broken = `${valid.slice(0, -1)}${(Number(valid.at(-1)) + 1) % 10}`;
    const { body } = await confirmByHash({ minc: broken });
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minc' });
  });

  it('runs no operation that is not registered, however valid, and audits the refusal', async () => {
    const requestId = randomUUID();
    const unregistered = 'query Peek($minc: String) { membershipConfirmation(minc: $minc) { isMember } }';
    const response = await postGraphQL(partnerUrl, unregistered, { minc: active.minc }, await asPartner({ 'x-request-id': requestId }));
    expect(response.status).toBe(403);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe('OPERATION_NOT_REGISTERED');
    const [record] = await sql(stack.adminUrl, 'select decision, code, purpose from audit.audit_record where request_id = $1', [requestId]);
    expect(record).toEqual({ decision: 'REFUSED', code: 'OPERATION_NOT_REGISTERED', purpose: 'PARTNER_CONFIRMATION' });
  });

  it('refuses introspection and anything about a member', async () => {
    for (const query of ['{ __schema { types { name } } }', `{ member(id: "${active.id}") { firstName } }`]) {
      const response = await postGraphQL(partnerUrl, query, {}, await asPartner());
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors![0].extensions!.code).toBe('OPERATION_NOT_REGISTERED');
    }
  });

  it('holds membershipConfirmation and feeReimbursement and their types and nothing else, so any other field fails validation', () => {
    const partnerSchema = buildSchema(readFileSync(PARTNER_API_PATH, 'utf8'));
    expect(Object.keys(partnerSchema.getQueryType()!.getFields())).toEqual(['membershipConfirmation', 'feeReimbursement']);
    const named = Object.keys(partnerSchema.getTypeMap())
      .filter((t) => !t.startsWith('__'))
      .sort();
    // DataCategory, Provenance and PurposeOfUse stay only as the argument types of the composed @dataCategory, @provenance and @onlyForPurposes directives.
    expect(named).toEqual(['Boolean', 'DataCategory', 'Date', 'FeeReimbursement', 'Int', 'MembershipConfirmation', 'MembershipStatus', 'Provenance', 'PurposeOfUse', 'Query', 'String']);
    expect(validate(partnerSchema, parse(CONFIRM))).toEqual([]);
    expect(validate(partnerSchema, parse(`{ member(id: "x") { firstName } }`)).length).toBeGreaterThan(0);
  });

  it('serves partner tokens only, and always for PARTNER_CONFIRMATION', async () => {
    expectRefused(await confirmByHash({ minc: active.minc }, await asCaller('MEMBERSHIP')), 'PURPOSE_REQUIRED');
    expectRefused(await confirmByHash({ minc: active.minc }, await asPartner({ 'x-purpose-of-use': 'MEMBERSHIP' })), 'PURPOSE_REQUIRED');
    const anonymous = await confirmByHash({ minc: active.minc }, {});
    expect(anonymous.status).toBe(401);
  });

  it('turns partner tokens away from the internal graph', async () => {
    const response = await postGraphQL(stack.gatewayUrl, CONFIRM, { minc: active.minc }, await asPartner({ 'x-purpose-of-use': 'PARTNER_CONFIRMATION' }));
    expectRefused(response, 'PURPOSE_REQUIRED');
  });
});

describe('confirmations are disclosures', () => {
  const member = population.find((m) => m.status === 'ACTIVE' && m.periods.length === 1 && m.id !== active.id)!;

  it('records who was told what, when, before the partner hears it; the member and the privacy office see it', async () => {
    const partner = `clinic-${randomUUID().slice(0, 8)}`;
    const headers = { authorization: `Bearer ${await tokenFor({ sub: partner, roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: partner })}` };
    const { body } = await confirmByHash({ minc: member.minc }, headers);
    expect(body.data!.membershipConfirmation.isMember).toBe(true);

    const seen = await postGraphQL<{ me: { disclosures: { recipient: string }[] } }>(
      stack.gatewayUrl,
      '{ me { disclosures { recipient purpose categories description disclosedAt } } }',
      {},
      await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id }),
    );
    const mine = seen.body.data!.me.disclosures.filter((d) => d.recipient === partner);
    expect(mine).toEqual([
      expect.objectContaining({ purpose: 'PARTNER_CONFIRMATION', categories: ['MEMBERSHIP'], description: expect.stringContaining(`a member since ${member.periods[0].startsOn}`) }),
    ]);

    const office = await postGraphQL(stack.gatewayUrl, 'query ($r: String) { disclosures(recipient: $r) { recipient description } }', { r: partner }, await asCaller('PRIVACY_OFFICE'));
    expect(office.body.data!.disclosures).toHaveLength(1);
  });

  it('records a confirmation about someone never a member as naming no one and disclosing nothing, listed as no disclosure', async () => {
    const partner = `clinic-${randomUUID().slice(0, 8)}`;
    const headers = { authorization: `Bearer ${await tokenFor({ sub: partner, roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: partner })}` };
    await confirmByHash({ minc: formatMinc('9999998') }, headers);
    // Written as a member's would be, so the answer takes as long (partner-timing.test.ts).
    expect(await sql(stack.adminUrl, 'select member_id, categories from audit.partner_disclosure where recipient = $1', [partner])).toEqual([{ member_id: NO_MEMBER, categories: [] }]);
    const office = await postGraphQL(stack.gatewayUrl, 'query ($r: String) { disclosures(recipient: $r) { recipient } }', { r: partner }, await asCaller('PRIVACY_OFFICE'));
    expect(office.body.data!.disclosures).toEqual([]);
  });

  it('keeps the recording out of reach of every client: no field of either graph writes a partner disclosure', async () => {
    const before = await sql(stack.adminUrl, 'select count(*)::int as n from audit.partner_disclosure where member_id = $1', [member.id]);
    const mutation = `mutation { recordDisclosures(disclosures: [{ memberId: "${member.id}", categories: ["MEMBERSHIP"], description: "forged" }]) }`;
    for (const purpose of ['MEMBERSHIP', 'PRIVACY_OFFICE', 'MEMBER_SELF_SERVICE'] as const) {
      const response = await postGraphQL(stack.gatewayUrl, mutation, {}, await asCaller(purpose, { memberId: member.id }));
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect(await sql(stack.adminUrl, 'select count(*)::int as n from audit.partner_disclosure where member_id = $1', [member.id])).toEqual(before);
  });

  it("writes each disclosure with its confirmation's own audit record, in one commit: who asked, for which purpose, with which operation", async () => {
    const partner = `clinic-${randomUUID().slice(0, 8)}`;
    const headers = { authorization: `Bearer ${await tokenFor({ sub: partner, roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: partner })}` };
    await confirmByHash({ minc: member.minc }, headers);
    const rows = await sql(
      stack.adminUrl,
      `select d.member_id, d.purpose, r.subject, r.purpose as record_purpose, r.decision, r.operation_name, r.occurred_at <= d.disclosed_at as record_first
       from audit.partner_disclosure d join audit.audit_record r on r.id = d.audit_record_id where d.recipient = $1`,
      [partner],
    );
    expect(rows).toEqual([
      { member_id: member.id, purpose: 'PARTNER_CONFIRMATION', subject: partner, record_purpose: 'PARTNER_CONFIRMATION', decision: 'ALLOWED', operation_name: 'ConfirmMembership', record_first: true },
    ]);
  });
});
