import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { generateSigningKey, HeadlessSignInError, IDENTITY_PROVIDER_SCRIPT, signInHeadless, writeKeysFile } from '@mutual-graph/identity-provider';
import { authorizationRequest, clientCredentials, exchangeCode, startTestIdentityProvider, TEST_IDP_CONFIG, type TestIdentityProvider } from '../../../../test/support/identity-provider.js';

const AUDIENCE = 'api://mutual-graph';
const [internalApp, hospital, shortLived] = TEST_IDP_CONFIG.clients;
const [analyst, member] = TEST_IDP_CONFIG.accounts;

/** The token verified as a resource server would: against the provider's JWKS, its issuer, our audience, RFC 9068's type. */
async function verified(provider: TestIdentityProvider, token: string): Promise<JWTPayload & Record<string, unknown>> {
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(provider.jwksUrl)), {
    issuer: provider.issuer,
    audience: AUDIENCE,
    typ: 'at+jwt',
    algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
  });
  return payload;
}

/** An access token of the public client for an account, through the login form. */
async function signedInToken(provider: TestIdentityProvider, account: { username: string; password: string }, scope: string) {
  const request = authorizationRequest(provider, scope);
  const callback = await signInHeadless({ authorizeUrl: request.url, username: account.username, password: account.password });
  expect(callback.searchParams.get('state')).toBe(request.state);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`no code in ${callback.href}`);
  const answer = await exchangeCode(provider, code, request);
  expect(answer.status).toBe(200);
  return answer.body.access_token as string;
}

describe('the development identity provider (keycloak claims)', () => {
  let provider: TestIdentityProvider;
  beforeAll(async () => {
    provider = await startTestIdentityProvider();
  });
  afterAll(() => provider?.close());

  it('publishes discovery for its issuer: code flow with S256 only, client credentials, no unsigned tokens', async () => {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({ issuer: provider.issuer, jwks_uri: provider.jwksUrl, token_endpoint: provider.tokenUrl, code_challenge_methods_supported: ['S256'] });
    expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'client_credentials']));
    expect(discovery.response_types_supported).not.toContain('id_token');
    expect(discovery.id_token_signing_alg_values_supported).not.toContain('none');
  });

  it('gives hospital-7 a JWT access token (at+jwt) for the API with its partner role and the purpose it asked for', async () => {
    const answer = await clientCredentials(provider, hospital.clientId, hospital.clientSecret, 'purpose.PARTNER_CONFIRMATION');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'purpose.PARTNER_CONFIRMATION' });
    const token = answer.body.access_token as string;
    expect(decodeProtectedHeader(token)).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
    const claims = await verified(provider, token);
    expect(claims).toMatchObject({
      iss: provider.issuer,
      aud: AUDIENCE,
      sub: 'hospital-7',
      client_id: 'hospital-7',
      azp: 'hospital-7',
      scope: 'purpose.PARTNER_CONFIRMATION',
      preferred_username: 'service-account-hospital-7',
      realm_access: { roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] },
    });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(claims).not.toHaveProperty('roles');
    expect(claims).not.toHaveProperty('member_id');
  });

  it('grants no purpose the client does not hold: omitted, not an error', async () => {
    const answer = await clientCredentials(provider, hospital.clientId, hospital.clientSecret, 'purpose.PARTNER_CONFIRMATION purpose.MEMBERSHIP');
    expect(answer.status).toBe(200);
    expect(answer.body.scope).toBe('purpose.PARTNER_CONFIRMATION');
    const claims = await verified(provider, answer.body.access_token as string);
    expect(claims.realm_access).toEqual({ roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] });
  });

  it('puts no purpose role in a token when no purpose scope is asked for, and only those asked for otherwise', async () => {
    const none = await verified(provider, (await clientCredentials(provider, internalApp.clientId, internalApp.clientSecret)).body.access_token as string);
    expect(none.realm_access).toEqual({ roles: ['staff'] });
    expect(none.scope).toBeUndefined();
    const one = await verified(provider, (await clientCredentials(provider, internalApp.clientId, internalApp.clientSecret, 'purpose.EDUCATION')).body.access_token as string);
    expect(one.realm_access).toEqual({ roles: ['staff', 'purpose.EDUCATION'] });
  });

  it('refuses a wrong client secret (401 invalid_client) and an unknown client', async () => {
    expect(await clientCredentials(provider, hospital.clientId, `${hospital.clientSecret}x`, 'purpose.PARTNER_CONFIRMATION')).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await clientCredentials(provider, 'hospital-8', hospital.clientSecret)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('gives a client its own access token lifetime (a 2 s token has expired 3 s later)', async () => {
    const answer = await clientCredentials(provider, shortLived.clientId, shortLived.clientSecret, 'purpose.MEMBERSHIP');
    expect(answer.body.expires_in).toBe(2);
    const token = answer.body.access_token as string;
    await verified(provider, token);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    await expect(verified(provider, token)).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });

  it("signs the analyst in through the login form (PKCE, any loopback port): the account's roles narrowed to the purposes asked for and held", async () => {
    const token = await signedInToken(provider, analyst, 'openid purpose.EDI_REPORTING purpose.PARTNER_CONFIRMATION');
    const claims = await verified(provider, token);
    expect(claims).toMatchObject({
      sub: 'analyst',
      client_id: 'sandbox',
      azp: 'sandbox',
      preferred_username: 'analyst',
      scope: 'purpose.EDI_REPORTING',
      realm_access: { roles: ['analyst', 'purpose.EDI_REPORTING'] },
    });
    expect(claims).not.toHaveProperty('member_id');
  });

  it('gives a member their member_id, and no purpose role without the purpose scope', async () => {
    const withPurpose = await verified(provider, await signedInToken(provider, member, 'openid purpose.MEMBER_SELF_SERVICE'));
    expect(withPurpose).toMatchObject({ sub: 'member', member_id: member.memberId, realm_access: { roles: ['member', 'purpose.MEMBER_SELF_SERVICE'] } });
    const without = await verified(provider, await signedInToken(provider, member, 'openid'));
    expect(without).toMatchObject({ member_id: member.memberId, realm_access: { roles: ['member'] } });
  });

  it('does not sign in with a wrong password or an unknown username, and says the same for both', async () => {
    const request = authorizationRequest(provider, 'openid purpose.MEMBERSHIP');
    await expect(signInHeadless({ authorizeUrl: request.url, username: analyst.username, password: `${analyst.password}!` })).rejects.toThrow(HeadlessSignInError);
    await expect(signInHeadless({ authorizeUrl: authorizationRequest(provider, 'openid').url, username: 'nobody', password: analyst.password })).rejects.toThrow(HeadlessSignInError);
  });

  it('refuses an authorization request of the public client without PKCE', async () => {
    const request = authorizationRequest(provider, 'openid');
    request.url.searchParams.delete('code_challenge');
    request.url.searchParams.delete('code_challenge_method');
    const response = await fetch(request.url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '', request.url);
    expect(location.origin + location.pathname).toBe('http://127.0.0.1:49152/callback');
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a redirect that is not the registered loopback callback', async () => {
    const request = authorizationRequest(provider, 'openid');
    request.url.searchParams.set('redirect_uri', 'http://127.0.0.1:49152/elsewhere');
    const response = await fetch(request.url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri');
  });

  it('on SIGHUP publishes a new key beside the old one and signs with the new one; writing only the new key then retires the old', async () => {
    const before = await clientCredentials(provider, hospital.clientId, hospital.clientSecret, 'purpose.PARTNER_CONFIRMATION');
    const oldToken = before.body.access_token as string;
    const oldKid = decodeProtectedHeader(oldToken).kid!;
    // A code issued before the reload, exchanged after it: the provider's storage outlives the swap.
    const request = authorizationRequest(provider, 'openid purpose.MEMBERSHIP');
    const callback = await signInHeadless({ authorizeUrl: request.url, username: analyst.username, password: analyst.password });

    const { readFile } = await import('node:fs/promises');
    const [oldKey] = (JSON.parse(await readFile(provider.keysFile, 'utf8')) as { keys: Parameters<typeof writeKeysFile>[1] }).keys;
    const newKey = await generateSigningKey('idp-next', 'ES256');
    await writeKeysFile(provider.keysFile, [newKey, oldKey]);
    expect(await provider.reloadKeys()).toEqual(['idp-next', oldKid]);

    const jwks = (await (await fetch(provider.jwksUrl)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual(['idp-next', oldKid]);
    expect(jwks.keys.filter((k) => k.d)).toEqual([]);
    const after = (await clientCredentials(provider, hospital.clientId, hospital.clientSecret, 'purpose.PARTNER_CONFIRMATION')).body.access_token as string;
    expect(decodeProtectedHeader(after)).toMatchObject({ kid: 'idp-next', alg: 'ES256', typ: 'at+jwt' });
    await verified(provider, after);
    await verified(provider, oldToken);
    const exchanged = await exchangeCode(provider, callback.searchParams.get('code')!, request);
    if (exchanged.status !== 200) throw new Error(JSON.stringify(exchanged));

    expect(decodeProtectedHeader(exchanged.body.access_token as string).kid).toBe('idp-next');

    await writeKeysFile(provider.keysFile, [newKey]);
    expect(await provider.reloadKeys()).toEqual(['idp-next']);
    const retired = (await (await fetch(provider.jwksUrl)).json()) as { keys: { kid: string }[] };
    expect(retired.keys.map((k) => k.kid)).toEqual(['idp-next']);
    // A verifier that fetches the JWKS afresh no longer knows the old kid.
    await expect(verified(provider, oldToken)).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
  });

  it('keeps the previous keys when the keys file is broken', async () => {
    await writeFile(provider.keysFile, '{"keys": []}');
    await expect(provider.reloadKeys()).rejects.toThrow(/keys not reloaded/);
    expect((await clientCredentials(provider, hospital.clientId, hospital.clientSecret)).status).toBe(200);
  });
});

describe('the development identity provider (entra claims)', () => {
  let provider: TestIdentityProvider;
  beforeAll(async () => {
    provider = await startTestIdentityProvider({ claimShape: 'entra' });
  });
  afterAll(() => provider?.close());

  it("gives an application token Entra's app claims: roles, idtyp app, a stable oid, no realm_access", async () => {
    const token = (await clientCredentials(provider, hospital.clientId, hospital.clientSecret, 'purpose.PARTNER_CONFIRMATION purpose.MEMBERSHIP')).body.access_token as string;
    const claims = await verified(provider, token);
    expect(claims).toMatchObject({ sub: 'hospital-7', azp: 'hospital-7', idtyp: 'app', roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] });
    expect(claims.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims).not.toHaveProperty('realm_access');
    expect(claims).not.toHaveProperty('scp');
    const again = await verified(provider, (await clientCredentials(provider, hospital.clientId, hospital.clientSecret)).body.access_token as string);
    expect(again.oid).toBe(claims.oid);
  });

  it("gives a user token the delegated scopes in scp, the account's narrowed roles, its oid and member_id, and no idtyp", async () => {
    const claims = await verified(provider, await signedInToken(provider, member, 'openid purpose.MEMBER_SELF_SERVICE purpose.MEMBERSHIP'));
    expect(claims).toMatchObject({ sub: 'member', azp: 'sandbox', scp: 'openid', roles: ['member', 'purpose.MEMBER_SELF_SERVICE'], member_id: member.memberId });
    expect(claims.oid).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims).not.toHaveProperty('idtyp');
    expect(claims).not.toHaveProperty('realm_access');
  });
});

describe("the identity provider's environment", () => {
  it.each([
    [{ IDP_PORT: 'eighty' }, /IDP_PORT/],
    [{ IDP_CLAIM_SHAPE: 'okta' }, /IDP_CLAIM_SHAPE/],
    [{ IDP_ISSUER: 'not a url' }, /IDP_ISSUER/],
  ])('exits 2 with one line on %p', (env, message) => {
    const run = spawnSync(process.execPath, [IDENTITY_PROVIDER_SCRIPT], { env: { ...process.env, IDP_KEYS_FILE: '/nonexistent/keys.json', ...env }, encoding: 'utf8', timeout: 10_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
