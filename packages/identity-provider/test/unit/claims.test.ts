import { accessTokenClaims, objectIdFor, rolesForToken } from '../../src/claims.js';
import { authenticate, constantTimeEquals } from '../../src/login.js';

describe("a token's roles, as Keycloak's client scopes with role scope mappings give them", () => {
  const roles = ['partner', 'purpose.PARTNER_CONFIRMATION', 'purpose.MEMBERSHIP'];

  it('keeps every role that is not a purpose, and the purposes whose scope was granted', () => {
    expect(rolesForToken(roles, ['purpose.MEMBERSHIP'])).toEqual(['partner', 'purpose.MEMBERSHIP']);
  });

  it('carries no purpose when no purpose scope was granted', () => {
    expect(rolesForToken(roles, ['openid'])).toEqual(['partner']);
  });

  it('grants nothing for a purpose scope the principal does not hold', () => {
    expect(rolesForToken(['partner', 'purpose.PARTNER_CONFIRMATION'], ['purpose.PARTNER_CONFIRMATION', 'purpose.EDI_REPORTING'])).toEqual(['partner', 'purpose.PARTNER_CONFIRMATION']);
  });
});

describe('the claim layouts', () => {
  const account = { kind: 'account', clientId: 'sandbox', username: 'member', roles: ['member', 'purpose.MEMBER_SELF_SERVICE'], memberId: 'm-1', delegatedScopes: ['openid'] } as const;
  const client = { kind: 'client', clientId: 'hospital-7', roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] } as const;

  it("keycloak: realm_access.roles, azp, preferred_username (a service account's for a client), member_id, a partner client's partner_id", () => {
    expect(accessTokenClaims('keycloak', account, ['purpose.MEMBER_SELF_SERVICE'])).toEqual({
      azp: 'sandbox',
      realm_access: { roles: ['member', 'purpose.MEMBER_SELF_SERVICE'] },
      preferred_username: 'member',
      member_id: 'm-1',
    });
    expect(accessTokenClaims('keycloak', client, [])).toEqual({ azp: 'hospital-7', realm_access: { roles: ['partner'] }, preferred_username: 'service-account-hospital-7', partner_id: 'hospital-7' });
    const internalApp = { kind: 'client', clientId: 'internal-app', roles: ['staff'] } as const;
    expect(accessTokenClaims('keycloak', internalApp, [])).not.toHaveProperty('partner_id');
    // A person holding the partner role, signed in through a client, is named by no partner_id.
    expect(accessTokenClaims('keycloak', { ...account, roles: ['partner'] }, [])).not.toHaveProperty('partner_id');
  });

  it('entra: roles, azp, oid; idtyp app for a client, scp for a user', () => {
    expect(accessTokenClaims('entra', client, ['purpose.PARTNER_CONFIRMATION'])).toEqual({
      azp: 'hospital-7',
      roles: ['partner', 'purpose.PARTNER_CONFIRMATION'],
      idtyp: 'app',
      oid: objectIdFor('client', 'hospital-7'),
    });
    expect(accessTokenClaims('entra', account, [])).toEqual({ azp: 'sandbox', roles: ['member'], scp: 'openid', oid: objectIdFor('account', 'member'), member_id: 'm-1' });
    // A delegated token always has scp, as Entra ID's do: it tells a person's token from an app's.
    expect(accessTokenClaims('entra', { ...account, delegatedScopes: [] }, [])).toMatchObject({ scp: 'user_impersonation' });
  });

  it('gives each principal one oid, a UUID, different for an account and a client of the same name', () => {
    expect(objectIdFor('account', 'x')).toBe(objectIdFor('account', 'x'));
    expect(objectIdFor('account', 'x')).not.toBe(objectIdFor('client', 'x'));
    expect(objectIdFor('client', 'hospital-7')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the login check', () => {
  const accounts = [{ username: 'analyst', password: 'correct horse', roles: [] }];

  it('signs in only with both the username and the password right', () => {
    expect(authenticate(accounts, 'analyst', 'correct horse')?.username).toBe('analyst');
    expect(authenticate(accounts, 'analyst', 'correct horse ')).toBeUndefined();
    expect(authenticate(accounts, 'Analyst', 'correct horse')).toBeUndefined();
    expect(authenticate(accounts, 'nobody', 'correct horse')).toBeUndefined();
  });

  it('compares strings of any lengths', () => {
    expect(constantTimeEquals('a', 'a')).toBe(true);
    expect(constantTimeEquals('a', 'ab')).toBe(false);
  });
});
