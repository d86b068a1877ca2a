import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { generateSigningKey, signInHeadless } from '@mutual-graph/identity-provider';
import { syntheticFees, syntheticFeeSchedule, syntheticMembers } from '@mutual-graph/synthetic';
import { base64url, decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWK } from 'jose';
import { postGraphQL, sql, testStack } from '../../test/support/stack.js';
import { accessToken, AUDIENCE, signInAs, startProviderAndGateway, type ProviderAndGateway } from '../../test/support/oidc-gateway.js';
import { authorizationRequest, clientCredentials, exchangeCode, TEST_IDP_CONFIG } from '../../test/support/identity-provider.js';

// The production path: a real OpenID Connect provider (panva's oidc-provider, its own process)
// issues the tokens, and a gateway on the test stack verifies them through the provider's JWKS,
// issuer and audience checked, the provider's own claim layout mapped. Partners get their token by
// client credentials; analysts and members sign in with authorization code and PKCE, as
// `npm run sign-in` does; the provider rotates its key while the gateway runs.

const stack = testStack();
const population = [...syntheticMembers(stack.seed)];
const active = population.find((m) => m.status === 'ACTIVE' && m.periods.length === 1)!;
const CONFIRM = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();
const MEMBERS = '{ members(first: 2) { edges { node { id membership { status } } } } }';
const codes = (body: { errors?: { extensions?: { code?: string; policy?: { rule?: string } } }[] }) => (body.errors ?? []).map((e) => e.extensions?.policy?.rule ?? e.extensions?.code);

let idp: ProviderAndGateway;
const graph = () => `${idp.gatewayUrl}/graphql`;
const partnerGraph = () => `${idp.gatewayUrl}/partner/graphql`;
const bearer = (token: string, purpose?: string) => ({ authorization: `Bearer ${token}`, ...(purpose ? { 'x-purpose-of-use': purpose } : {}) });

/** Signs as the provider would, with one of its keys (or another under its kid): what an attacker or a misconfigured provider sends. */
async function forged(key: JWK, claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: idp.provider.issuer, aud: AUDIENCE, sub: 'mallory', iat: now, exp: now + 300, azp: 'internal-app', realm_access: { roles: ['staff', 'purpose.MEMBERSHIP'] }, ...claims })
    .setProtectedHeader({ alg: key.alg!, kid: key.kid, typ: 'at+jwt', ...header })
    .sign(await importJWK(key, key.alg));
}

const metric = async (name: string, label: string) => {
  const text = await (await fetch(`${idp.gatewayUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));
  return line ? Number(line.split(' ').at(-1)) : 0;
};

beforeAll(async () => {
  // A short refresh, so that a retired key is learnt within the test; a short cooldown, so that two rotations fit in it.
  idp = await startProviderAndGateway('keycloak', active.id, { AUTH_JWKS_REFRESH_SECONDS: '1', AUTH_JWKS_COOLDOWN_SECONDS: '2' });
}, 60_000);
afterAll(async () => idp?.stop());

describe('a partner system, by client credentials', () => {
  it('gets a token scoped to PARTNER_CONFIRMATION and confirms a membership with it; the disclosure names the partner', async () => {
    const token = await accessToken(idp.provider, 'hospital-7', 'purpose.PARTNER_CONFIRMATION');
    const response = await postGraphQL(partnerGraph(), CONFIRM, { minc: active.minc }, bearer(token));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ membershipConfirmation: { isMember: true, status: 'ACTIVE', validFrom: active.periods[0].startsOn, validTo: null } });
    const disclosed = await sql(
      stack.adminUrl,
      'select d.recipient, d.member_id from audit.partner_disclosure d join audit.audit_record r on r.id = d.audit_record_id where r.subject = $1 and d.member_id = $2',
      [decodeJwt(token).sub, active.id],
    );
    expect(disclosed).toEqual([{ recipient: 'hospital-7', member_id: active.id }]);
  });

  it('is no partner without the scope, and may not use its partner token on the internal graph', async () => {
    const unscoped = await accessToken(idp.provider, 'hospital-7', '');
    expect(codes((await postGraphQL(partnerGraph(), CONFIRM, { minc: active.minc }, bearer(unscoped))).body)).toEqual(['PURPOSE_REQUIRED']);
    const token = await accessToken(idp.provider, 'hospital-7', 'purpose.PARTNER_CONFIRMATION');
    const internal = await postGraphQL(graph(), MEMBERS, {}, bearer(token, 'PARTNER_CONFIRMATION'));
    expect([internal.status, codes(internal.body)]).toEqual([403, ['PURPOSE_REQUIRED']]);
  });

  it('cannot have a wider token by asking: a purpose it does not hold is not granted, a wrong secret gets none', async () => {
    const token = await accessToken(idp.provider, 'hospital-7', 'purpose.PARTNER_CONFIRMATION purpose.MEMBERSHIP purpose.PRIVACY_OFFICE');
    const response = await postGraphQL(graph(), MEMBERS, {}, bearer(token, 'MEMBERSHIP'));
    expect([response.status, codes(response.body)]).toEqual([403, ['PURPOSE_REQUIRED']]);
    expect((await clientCredentials(idp.provider, 'hospital-7', 'not-the-secret-0123456789', 'purpose.PARTNER_CONFIRMATION')).status).toBe(401);
  });
});

describe("a province's fee reimbursement program, by client credentials", () => {
  const REIMBURSE = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmFeeReimbursement.graphql'), 'utf8').trim();
  const year = Number(stack.seed.asOf.slice(0, 4)) - 1;
  const schedule = syntheticFeeSchedule(stack.seed);
  // A seeded Ontarian who paid that year's invoice whole.
  const ontarian = population.find((m) => {
    if (m.province !== 'ON' || m.status !== 'ACTIVE') return false;
    const { fees, payments } = syntheticFees(m, schedule, stack.seed);
    const fee = fees.find((f) => f.year === year);
    return fee !== undefined && payments.filter((p) => p.feeId === fee.id).reduce((sum, p) => sum + p.amountCents, 0) === fee.amountCents;
  })!;

  it("confirms what one of its province's members paid; a hospital's token may not ask", async () => {
    const token = await accessToken(idp.provider, 'on-fee-reimbursement', 'purpose.PARTNER_CONFIRMATION');
    const response = await postGraphQL<{ feeReimbursement: { confirmed: boolean; amountPaidCents: number | null } }>(partnerGraph(), REIMBURSE, { minc: ontarian.minc, year }, bearer(token));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.feeReimbursement).toMatchObject({ confirmed: true });
    const hospital = await accessToken(idp.provider, 'hospital-7', 'purpose.PARTNER_CONFIRMATION');
    expect(codes((await postGraphQL(partnerGraph(), REIMBURSE, { minc: ontarian.minc, year }, bearer(hospital))).body)).toEqual(['ROLE_REQUIRED']);
  });
});

describe('an internal app, by client credentials', () => {
  it('reads members under a purpose it asked for, and no other', async () => {
    const token = await accessToken(idp.provider, 'internal-app', 'purpose.MEMBERSHIP');
    const response = await postGraphQL<{ members: { edges: unknown[] } }>(graph(), MEMBERS, {}, bearer(token, 'MEMBERSHIP'));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.members.edges).toHaveLength(2);
    expect(codes((await postGraphQL(graph(), MEMBERS, {}, bearer(token, 'RISK_MANAGEMENT'))).body)).toEqual(['PURPOSE_REQUIRED']);
  });

  it('is no partner system on the partner graph: its client id is not taken for a partner id without the partner role', async () => {
    const token = await accessToken(idp.provider, 'internal-app', 'purpose.MEMBERSHIP purpose.PARTNER_CONFIRMATION');
    expect(codes((await postGraphQL(partnerGraph(), CONFIRM, { minc: active.minc }, bearer(token))).body)).toEqual(['PURPOSE_REQUIRED']);
  });
});

describe('an analyst and a member, by authorization code with PKCE (npm run sign-in)', () => {
  it("gives an analyst a token for the purposes asked and held, which the gateway takes as Sandbox's header", async () => {
    const { accessToken: token, scope } = await signInAs(idp.provider, 'analyst', 'purpose.RISK_MANAGEMENT purpose.PRIVACY_OFFICE');
    expect(scope).toContain('purpose.RISK_MANAGEMENT');
    expect(scope).not.toContain('purpose.PRIVACY_OFFICE');
    const response = await postGraphQL<{ members: { edges: unknown[] } }>(graph(), '{ members(first: 2) { edges { node { id } } } }', {}, bearer(token, 'RISK_MANAGEMENT'));
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.members.edges).toHaveLength(2);
    expect(codes((await postGraphQL(graph(), MEMBERS, {}, bearer(token, 'PRIVACY_OFFICE'))).body)).toEqual(['PURPOSE_REQUIRED']);
    // Sandbox, in a browser on this gateway, opens with the header to fill in and where to get its value.
    const sandbox = await (await fetch(graph(), { headers: { accept: 'text/html' } })).text();
    expect(sandbox).toContain('embeddable-sandbox');
    expect(sandbox).toContain(`npm run -s sign-in -- --issuer ${idp.provider.issuer}`);
  });

  it("gives a member a token naming their member id, with which they read their own record and no one else's", async () => {
    const { accessToken: token } = await signInAs(idp.provider, 'member', 'purpose.MEMBER_SELF_SERVICE');
    const me = await postGraphQL<{ me: { id: string } }>(graph(), '{ me { id } }', {}, bearer(token, 'MEMBER_SELF_SERVICE'));
    expect(me.body.errors).toBeUndefined();
    expect(me.body.data!.me.id).toBe(active.id);
    const other = population.find((m) => m.id !== active.id)!;
    const theirs = await postGraphQL(graph(), 'query ($id: ID!) { member(id: $id) { id } }', { id: other.id }, bearer(token, 'MEMBER_SELF_SERVICE'));
    expect(codes(theirs.body)).toEqual(['SUBJECT_SCOPE']);
  });

  it('takes no person for a partner system, even one given the partner role, signing in through Sandbox', async () => {
    const { accessToken: token } = await signInAs(idp.provider, 'misassigned', 'purpose.PARTNER_CONFIRMATION');
    expect(decodeJwt(token)).toMatchObject({ azp: 'sandbox', realm_access: { roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] } });
    expect(codes((await postGraphQL(partnerGraph(), CONFIRM, { minc: active.minc }, bearer(token))).body)).toEqual(['PURPOSE_REQUIRED']);
  });

  it('refuses a wrong password, and an ID token offered as an access token', async () => {
    await expect(signInAs(idp.provider, 'analyst', 'purpose.RISK_MANAGEMENT', 'not-the-password')).rejects.toThrow(/refused the username or password/);
    const account = TEST_IDP_CONFIG.accounts.find((a) => a.username === 'analyst')!;
    const request = authorizationRequest(idp.provider, 'openid purpose.RISK_MANAGEMENT');
    const callback = await signInHeadless({ authorizeUrl: request.url, username: account.username, password: account.password });
    const { body } = await exchangeCode(idp.provider, callback.searchParams.get('code')!, request);
    const idToken = body.id_token as string;
    expect(decodeJwt(idToken).aud).toBe('sandbox');
    const response = await postGraphQL(graph(), MEMBERS, {}, bearer(idToken, 'RISK_MANAGEMENT'));
    expect([response.status, codes(response.body)]).toEqual([401, ['UNAUTHENTICATED']]);
  });
});

describe('every refusal the contract names, with tokens from or like the provider', () => {
  it('expired: a real token of the provider, two seconds after it was issued', async () => {
    const token = await accessToken(idp.provider, 'short-lived', 'purpose.MEMBERSHIP');
    expect((await postGraphQL(graph(), MEMBERS, {}, bearer(token, 'MEMBERSHIP'))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2600));
    const response = await postGraphQL(graph(), MEMBERS, {}, bearer(token, 'MEMBERSHIP'));
    expect([response.status, codes(response.body), response.body.errors![0].message]).toEqual([401, ['UNAUTHENTICATED'], 'the token has expired']);
    expect(response.body.data ?? null).toBeNull();
  });

  it("wrong audience, wrong issuer, unknown key, alg none, and another key under the provider's kid", async () => {
    const key = idp.keys[0];
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: idp.provider.issuer, aud: AUDIENCE, sub: 'mallory', exp: now + 300, realm_access: { roles: ['staff', 'purpose.MEMBERSHIP'] } };
    const stranger = await generateSigningKey(`stranger-${randomUUID()}`);
    const tokens = {
      'wrong audience': await forged(key, { aud: 'api://another-api' }),
      'wrong issuer': await forged(key, { iss: 'http://localhost:1/realms/other' }),
      'unknown key': await forged(stranger, {}),
      'alg none': `${base64url.encode(JSON.stringify({ alg: 'none', kid: key.kid, typ: 'at+jwt' }))}.${base64url.encode(JSON.stringify(claims))}.`,
      "another key, the provider's kid": await forged({ ...stranger, kid: key.kid }, {}),
      'not an access token (typ JWT)': await forged(key, {}, { typ: 'JWT' }),
    };
    // The forger's own control: the same claims, signed with the provider's key, pass.
    expect((await postGraphQL(graph(), MEMBERS, {}, bearer(await forged(key, {}), 'MEMBERSHIP'))).status).toBe(200);
    for (const [what, token] of Object.entries(tokens)) {
      const response = await postGraphQL(graph(), MEMBERS, {}, bearer(token, 'MEMBERSHIP'));
      expect({ what, status: response.status, codes: codes(response.body), data: response.body.data ?? null }).toEqual({ what, status: 401, codes: ['UNAUTHENTICATED'], data: null });
    }
  });
});

describe('key rotation while the gateway runs', () => {
  it('accepts the new key at once, the old one until it is retired, and refuses the old one from then on', async () => {
    const underOld = await accessToken(idp.provider, 'internal-app', 'purpose.MEMBERSHIP');
    expect((await postGraphQL(graph(), MEMBERS, {}, bearer(underOld, 'MEMBERSHIP'))).status).toBe(200);
    const [oldKey] = idp.keys;
    // A key first used within the cooldown after the last fetch a token asked for is refused until the cooldown has passed
    // (the refusals above asked for one): the price of fetching at a bounded rate, whatever kids a forger sends.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const newKey = await generateSigningKey(`keycloak-key-${randomUUID()}`);
    expect(await idp.rotate([newKey, oldKey])).toEqual([newKey.kid, oldKey.kid]);
    const underNew = await accessToken(idp.provider, 'internal-app', 'purpose.MEMBERSHIP');
    expect(decodeProtectedHeader(underNew).kid).toBe(newKey.kid);
    // No restart: the unknown kid makes the gateway fetch the JWKS again.
    expect((await postGraphQL(graph(), MEMBERS, {}, bearer(underNew, 'MEMBERSHIP'))).status).toBe(200);
    expect((await postGraphQL(graph(), MEMBERS, {}, bearer(underOld, 'MEMBERSHIP'))).status).toBe(200);

    await idp.rotate([newKey]);
    // The next refresh (each second) learns that the old key left; its tokens, kept ones too, are refused from then on.
    const deadline = Date.now() + 10_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await postGraphQL(graph(), MEMBERS, {}, bearer(underOld, 'MEMBERSHIP'))).status;
    }
    expect(status).toBe(401);
    expect((await postGraphQL(graph(), MEMBERS, {}, bearer(await forged(oldKey, {}), 'MEMBERSHIP'))).status).toBe(401);
    expect((await postGraphQL(graph(), MEMBERS, {}, bearer(underNew, 'MEMBERSHIP'))).status).toBe(200);
  });

  it("fetches the JWKS at most once a cooldown for a forger's unknown kids, refusing each", async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const before = await metric('gateway_jwks_fetches_total', 'outcome="ok"');
    const stranger = await generateSigningKey('stranger');
    const answers = await Promise.all(
      Array.from({ length: 30 }, async () => (await postGraphQL(graph(), MEMBERS, {}, bearer(await forged({ ...stranger, kid: randomUUID() }, {}), 'MEMBERSHIP'))).status),
    );
    expect(new Set(answers)).toEqual(new Set([401]));
    // One on-demand fetch for the burst, and the once-a-second refreshes meanwhile.
    const fetched = (await metric('gateway_jwks_fetches_total', 'outcome="ok"')) - before;
    expect(fetched).toBeLessThanOrEqual(4);
    expect(await metric('gateway_token_refusals_total', 'reason="unknown-key"')).toBeGreaterThanOrEqual(30);
  });

  it('keeps serving tokens under the key it holds when the provider cannot be reached, refuses new keys with UNAUTHENTICATED, and is still ready', async () => {
    const fresh = await accessToken(idp.provider, 'internal-app', 'purpose.MEMBERSHIP');
    await idp.provider.stop();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await metric('gateway_jwks_fetches_total', 'outcome="failed"')).toBeGreaterThan(0);
      // Never sent before, under the key the gateway holds: accepted.
      expect((await postGraphQL(graph(), MEMBERS, {}, bearer(fresh, 'MEMBERSHIP'))).status).toBe(200);
      const unknown = await postGraphQL(graph(), MEMBERS, {}, bearer(await forged(await generateSigningKey(`new-${randomUUID()}`), {}), 'MEMBERSHIP'));
      expect([unknown.status, codes(unknown.body)]).toEqual([401, ['UNAUTHENTICATED']]);
      expect((await fetch(`${idp.gatewayUrl}/ready`)).status).toBe(200);
    } finally {
      await idp.restartProvider();
    }
  });
});

describe('the Entra ID layout', () => {
  let entra: ProviderAndGateway;
  beforeAll(async () => {
    entra = await startProviderAndGateway('entra', active.id);
  }, 60_000);
  afterAll(async () => entra?.stop());

  it("maps app roles: a partner's app-only token confirms a membership, a person's never does, an analyst's delegated token reads under its role's purpose", async () => {
    const partner = await accessToken(entra.provider, 'hospital-7', 'purpose.PARTNER_CONFIRMATION');
    expect(decodeJwt(partner)).toMatchObject({ idtyp: 'app', roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] });
    const confirmed = await postGraphQL(`${entra.gatewayUrl}/partner/graphql`, CONFIRM, { minc: active.minc }, bearer(partner));
    expect(confirmed.body.errors).toBeUndefined();
    expect(confirmed.body.data).toMatchObject({ membershipConfirmation: { isMember: true } });
    const { accessToken: analyst } = await signInAs(entra.provider, 'analyst', 'purpose.RISK_MANAGEMENT');
    const read = await postGraphQL(`${entra.gatewayUrl}/graphql`, '{ members(first: 1) { edges { node { id } } } }', {}, bearer(analyst, 'RISK_MANAGEMENT'));
    expect(read.body.errors).toBeUndefined();
    const { accessToken: misassigned } = await signInAs(entra.provider, 'misassigned', 'purpose.PARTNER_CONFIRMATION');
    expect(codes((await postGraphQL(`${entra.gatewayUrl}/partner/graphql`, CONFIRM, { minc: active.minc }, bearer(misassigned))).body)).toEqual(['PURPOSE_REQUIRED']);
    const { accessToken: member } = await signInAs(entra.provider, 'member', 'purpose.MEMBER_SELF_SERVICE');
    expect((await postGraphQL<{ me: { id: string } }>(`${entra.gatewayUrl}/graphql`, '{ me { id } }', {}, bearer(member, 'MEMBER_SELF_SERVICE'))).body.data!.me.id).toBe(active.id);
  });
});
