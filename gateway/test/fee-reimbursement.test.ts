import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationHash, PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { formatMinc } from '@mutual-graph/domain-codes';
import { NO_MEMBER } from '@mutual-graph/platform';
import { PARTNER_API_PATH } from '@mutual-graph/schema';
import { SYNTHETIC_REIMBURSEMENT_PROGRAMS, syntheticConsents, syntheticFees, syntheticFeeSchedule, syntheticMembers, type SyntheticMember } from '@mutual-graph/synthetic';
import { buildSchema, parse, validate, type GraphQLObjectType } from 'graphql';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { expectRefused } from '../../test/support/refusals.js';
import { postGraphQL, sql, testStack, type GraphQLResponse } from '../../test/support/stack.js';
import { asCaller, tokenFor } from '../../test/support/tokens.js';
import { statementShape } from '../../test/support/statement-shape.js';

const stack = testStack();
const REIMBURSE = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmFeeReimbursement.graphql'), 'utf8').trim();
const population = [...syntheticMembers(stack.seed)];
const schedule = syntheticFeeSchedule(stack.seed);
const YEAR = Number(stack.seed.asOf.slice(0, 4)) - 1;

const consentsToReimbursement = (member: SyntheticMember) => syntheticConsents(member, stack.seed).some((e) => e.purpose === 'FEE_REIMBURSEMENT' && e.decision === 'GRANTED');

/** What a seeded member paid for a year, when they paid it in full and stayed all year. */
function paidInFull(member: SyntheticMember, year: number): { paid: number; coveredFrom: string } | undefined {
  const fees = syntheticFees(member, schedule, stack.seed);
  const fee = fees.fees.find((f) => f.year === year);
  const paid = fees.payments.filter((p) => p.feeId === fee?.id).reduce((sum, p) => sum + p.amountCents, 0);
  return fee && paid === fee.amountCents && fee.coveredTo === `${year}-12-31` ? { paid, coveredFrom: fee.coveredFrom } : undefined;
}

/**
 * A seeded member of `province` who paid for YEAR (billed before the 2026.1 policy announced fee
 * reimbursement) and stayed all year, with their consent to fee reimbursement on record or not.
 */
function payerIn(province: string, consented = true, alsoPaid?: number): { member: SyntheticMember; paid: number; coveredFrom: string } {
  for (const member of population) {
    if (member.province !== province || member.status !== 'ACTIVE' || consentsToReimbursement(member) !== consented) continue;
    const fee = paidInFull(member, YEAR);
    if (fee && (alsoPaid === undefined || paidInFull(member, alsoPaid))) return { member, ...fee };
  }
  throw new Error(`no seeded payer in ${province}`);
}
const ontario = payerIn('ON');
const quebec = payerIn('QC');
const program = (province: string) => SYNTHETIC_REIMBURSEMENT_PROGRAMS.find((p) => p.province === province)!;
const NOT_CONFIRMED = { data: { feeReimbursement: { year: YEAR, confirmed: false, amountPaidCents: null, coveredFrom: null, coveredTo: null, provinceShareCents: null } } };

const programToken = (partnerId: string) => tokenFor({ sub: partnerId, roles: ['partner', 'fee-reimbursement-program'], purposes: ['PARTNER_CONFIRMATION'], partnerId });
const hospitalToken = (partnerId: string) => tokenFor({ sub: partnerId, roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId });

async function ask(url: string, token: string, variables: Record<string, unknown>): Promise<GraphQLResponse<{ feeReimbursement: Record<string, unknown> }>> {
  const response = await fetch(new URL('/partner/graphql', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(REIMBURSE) } } }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<{ feeReimbursement: Record<string, unknown> }>['body'] };
}

const disclosuresTo = (recipient: string) =>
  sql(
    stack.adminUrl,
    `select d.member_id, d.categories, d.description, r.decision, r.operation_name, r.occurred_at <= d.disclosed_at as record_first
     from audit.partner_disclosure d join audit.audit_record r on r.id = d.audit_record_id where d.recipient = $1 order by d.disclosed_at`,
    [recipient],
  );

describe("fee reimbursement: a province's program confirms what its members paid", () => {
  it('answers the program of the member’s province: the amount paid, the days covered, and no share when the program defines none', async () => {
    const { body } = await ask(stack.gatewayUrl, await programToken(program('ON').partnerId), { minc: ontario.member.minc, year: YEAR });
    expect(body.errors).toBeUndefined();
    expect(body.data!.feeReimbursement).toEqual({ year: YEAR, confirmed: true, amountPaidCents: ontario.paid, coveredFrom: ontario.coveredFrom, coveredTo: `${YEAR}-12-31`, provinceShareCents: null });
  });

  it("gives the province's share, rounded half up, when the program defines one; by membership number too", async () => {
    const { body } = await ask(stack.gatewayUrl, await programToken(program('QC').partnerId), { membershipNumber: quebec.member.membershipNumber, year: YEAR });
    expect(body.data!.feeReimbursement).toMatchObject({ confirmed: true, amountPaidCents: quebec.paid, provinceShareCents: Math.floor((2 * quebec.paid * 8_500 + 10_000) / 20_000) });
  });

  it("answers another province's program exactly as it answers a number no member has, and records nothing about the member", async () => {
    const partnerId = program('QC').partnerId;
    const before = await sql(stack.adminUrl, 'select count(*)::int as n from audit.partner_disclosure where member_id = $1 and recipient = $2', [ontario.member.id, partnerId]);
    const elsewhere = await ask(stack.gatewayUrl, await programToken(partnerId), { minc: ontario.member.minc, year: YEAR });
    const stranger = await ask(stack.gatewayUrl, await programToken(partnerId), { minc: formatMinc('9999997'), year: YEAR });
    expect(elsewhere.body).toEqual(NOT_CONFIRMED);
    expect(stranger.body).toEqual(NOT_CONFIRMED);
    expect(await sql(stack.adminUrl, 'select count(*)::int as n from audit.partner_disclosure where member_id = $1 and recipient = $2', [ontario.member.id, partnerId])).toEqual(before);
  });

  it('answers a partner holding the program role but running no program as it answers a stranger', async () => {
    const { body } = await ask(stack.gatewayUrl, await programToken(`impostor-${randomUUID().slice(0, 8)}`), { minc: ontario.member.minc, year: YEAR });
    expect(body).toEqual(NOT_CONFIRMED);
  });

  it("refuses a hospital's token whole (ROLE_REQUIRED), whoever it asks about, before anything runs", async () => {
    const partnerId = `hospital-${randomUUID().slice(0, 8)}`;
    const token = await hospitalToken(partnerId);
    for (const minc of [ontario.member.minc, formatMinc('9999997')]) expectRefused(await ask(stack.gatewayUrl, token, { minc, year: YEAR }), 'ROLE_REQUIRED');
    expect(await sql(stack.adminUrl, 'select count(*)::int as n from audit.partner_disclosure where recipient = $1', [partnerId])).toEqual([{ n: 0 }]);
    const refused = await sql(stack.adminUrl, "select count(*)::int as n from audit.audit_record where subject = $1 and decision = 'REFUSED' and rule = 'ROLE_REQUIRED'", [partnerId]);
    expect(refused).toEqual([{ n: 2 }]);
  });

  it("records each answer about a member as a disclosure of FINANCIAL data, with the answer's own audit record, before the program hears it", async () => {
    const partnerId = `on-${randomUUID().slice(0, 8)}`;
    // A second Ontario program, made for this test so its disclosures are its own.
    await sql(stack.adminUrl, `insert into member.fee_reimbursement_program (partner_id, name, province, share_basis_points, from_year) values ($1, 'Test program', 'ON', 5000, 2015)`, [partnerId]);
    await ask(stack.gatewayUrl, await programToken(partnerId), { minc: ontario.member.minc, year: YEAR });
    await ask(stack.gatewayUrl, await programToken(partnerId), { minc: formatMinc('9999997'), year: YEAR });
    expect(await disclosuresTo(partnerId)).toEqual([
      expect.objectContaining({
        member_id: ontario.member.id,
        categories: ['FINANCIAL'],
        description: expect.stringContaining(`Fee reimbursement for ${YEAR}: ${ontario.paid} cents paid`),
        decision: 'ALLOWED',
        operation_name: 'ConfirmFeeReimbursement',
        record_first: true,
      }),
      expect.objectContaining({
        member_id: NO_MEMBER,
        categories: [],
        description: expect.stringContaining('nothing disclosed'),
        decision: 'ALLOWED',
        operation_name: 'ConfirmFeeReimbursement',
        record_first: true,
      }),
    ]);
  });

  describe('fees billed before the privacy policy announced fee reimbursement (2026.1)', () => {
    // Billed under an earlier version for YEAR, and under 2026.1 for the year after.
    const unconsented = payerIn('ON', false, YEAR + 1);
    const self = () => asCaller('MEMBER_SELF_SERVICE', { memberId: unconsented.member.id, roles: ['member'], sub: `member-${unconsented.member.id}` });
    const decide = async (decision: 'grantMyConsent' | 'withdrawMyConsent') => {
      const { body } = await postGraphQL(stack.gatewayUrl, `mutation { ${decision}(purpose: FEE_REIMBURSEMENT) { status policyVersion } }`, {}, await self());
      expect(body.errors).toBeUndefined();
    };
    const partnerId = program('ON').partnerId;

    it("are confirmed only once the member's consent is on record, and no longer once it is withdrawn", async () => {
      const before = await ask(stack.gatewayUrl, await programToken(partnerId), { minc: unconsented.member.minc, year: YEAR });
      expect(before.body).toEqual(NOT_CONFIRMED);
      await decide('grantMyConsent');
      const consented = await ask(stack.gatewayUrl, await programToken(partnerId), { minc: unconsented.member.minc, year: YEAR });
      expect(consented.body.data!.feeReimbursement).toMatchObject({ confirmed: true, amountPaidCents: unconsented.paid });
      await decide('withdrawMyConsent');
      const withdrawn = await ask(stack.gatewayUrl, await programToken(partnerId), { minc: unconsented.member.minc, year: YEAR });
      expect(withdrawn.body).toEqual(NOT_CONFIRMED);
    });

    it('tell the member, among their disclosures, why a year was not confirmed; the program hears only that it was not', async () => {
      await ask(stack.gatewayUrl, await programToken(partnerId), { minc: unconsented.member.minc, year: YEAR });
      const [latest] = await sql<{ description: string }>(
        stack.adminUrl,
        'select description from audit.partner_disclosure where member_id = $1 and recipient = $2 order by disclosed_at desc limit 1',
        [unconsented.member.id, partnerId],
      );
      expect(latest.description).toMatch(new RegExp(`^Fee reimbursement for ${YEAR}: not confirmed, billed under privacy policy 20\\d\\d\\.\\d and no consent to fee reimbursement on record$`));
    });

    it('need no consent for a year billed under the version that announced the use', async () => {
      const paid = paidInFull(unconsented.member, YEAR + 1)!;
      const { body } = await ask(stack.gatewayUrl, await programToken(partnerId), { minc: unconsented.member.minc, year: YEAR + 1 });
      expect(body.data!.feeReimbursement).toMatchObject({ confirmed: true, amountPaidCents: paid.paid });
    });
  });

  it('reaches no medico-legal, demographic or other member field: the partner graph holds two confirmations and their types only', () => {
    const partnerSchema = buildSchema(readFileSync(PARTNER_API_PATH, 'utf8'));
    expect(Object.keys(partnerSchema.getQueryType()!.getFields()).sort()).toEqual(['feeReimbursement', 'membershipConfirmation']);
    expect(partnerSchema.getMutationType()).toBeFalsy();
    const answer = partnerSchema.getType('FeeReimbursement') as GraphQLObjectType;
    expect(Object.keys(answer.getFields()).sort()).toEqual(['amountPaidCents', 'confirmed', 'coveredFrom', 'coveredTo', 'provinceShareCents', 'year']);
    expect(validate(partnerSchema, parse(REIMBURSE))).toEqual([]);
    for (const peek of ['{ member(id: "x") { fees { amountCents } } }', '{ feeReimbursement(year: 2025, minc: "x") { member { dateOfBirth } } }', '{ me { medicoLegalHistory { kind } } }']) {
      expect(validate(partnerSchema, parse(peek)).length).toBeGreaterThan(0);
    }
  });

  it('runs only the registered text: an unregistered query for the same field is refused before it is parsed', async () => {
    const response = await fetch(new URL('/partner/graphql', stack.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await programToken(program('ON').partnerId)}` },
      body: JSON.stringify({ query: `{ feeReimbursement(minc: "${ontario.member.minc}", year: ${YEAR}) { amountPaidCents } }` }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('OPERATION_NOT_REGISTERED');
  });

  it('refuses a bad MINC or year as BAD_USER_INPUT, never a 500', async () => {
    const token = await programToken(program('ON').partnerId);
    const badMinc = await ask(stack.gatewayUrl, token, { minc: 'CAMD-1234-567x', year: YEAR });
    expect(badMinc.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minc' });
    const badYear = await ask(stack.gatewayUrl, token, { minc: ontario.member.minc, year: 99_999 });
    expect(badYear.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });
});

const shape = statementShape;

describe('the reimbursement answer does the same work whoever is asked about', () => {
  let graph: InProcessGraph;
  beforeAll(async () => {
    graph = await startInProcessGraph();
  });
  afterAll(() => graph.stop());

  it("is the same for another province's member and a number never a member: the same calls and statements, one durable record each", async () => {
    const partnerId = program('QC').partnerId;
    const token = await programToken(partnerId);
    const elsewhere = { minc: ontario.member.minc, year: YEAR };
    const stranger = { minc: formatMinc('9999997'), year: YEAR };
    await ask(graph.gateway.url, token, elsewhere);
    await ask(graph.gateway.url, token, stranger);
    const work = async (variables: Record<string, unknown>) => {
      graph.reset();
      expect((await ask(graph.gateway.url, token, variables)).body).toEqual(NOT_CONFIRMED);
      return { requests: { ...graph.requests }, statements: Object.fromEntries(graph.subgraphs.map((s) => [s.name, s.counter.domainStatements().map(shape)])) };
    };
    expect(await work(elsewhere)).toEqual(await work(stranger));
  });
});
