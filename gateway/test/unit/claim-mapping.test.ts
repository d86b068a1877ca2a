import { describe, expect, it } from '@jest/globals';
import { CLAIM_PRESETS, claimValues, principalFrom, readClaim } from '../../src/authentication/claim-mapping.js';

// Access tokens as the providers issue them (claim layouts from Keycloak's and Entra ID's
// documentation; values ours): the mapping must find the contract's principal in each, and take
// nothing a token does not grant.
const MEMBER_ID = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

const keycloakUser = {
  exp: 1_900_000_000,
  iat: 1_899_999_700,
  jti: 'onrtac:3f0c',
  iss: 'https://sso.example.org/realms/mutual',
  aud: ['mutual-graph', 'account'],
  sub: 'f:2b9d:analyst',
  typ: 'Bearer',
  azp: 'sandbox',
  sid: '7c2e',
  acr: '1',
  'allowed-origins': ['http://localhost:4000'],
  realm_access: { roles: ['default-roles-mutual', 'offline_access', 'analyst', 'purpose.EDI_REPORTING', 'purpose.RISK_MANAGEMENT'] },
  resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
  scope: 'openid profile email purpose.EDI_REPORTING',
  email_verified: true,
  preferred_username: 'analyst',
};

const keycloakPartner = {
  ...keycloakUser,
  sub: 'c1e0:service-account-hospital-7',
  azp: 'hospital-7',
  // A hardcoded-claim mapper on the partner's client.
  partner_id: 'hospital-7',
  preferred_username: 'service-account-hospital-7',
  realm_access: { roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] },
  scope: 'purpose.PARTNER_CONFIRMATION',
};

const entraApp = {
  aud: 'api://mutual-graph',
  iss: 'https://login.microsoftonline.com/0e1f/v2.0',
  iat: 1_899_999_700,
  nbf: 1_899_999_700,
  exp: 1_900_000_000,
  azp: '5b8c1f9e-hospital-7',
  azpacr: '1',
  idtyp: 'app',
  oid: 'a1b2c3d4-0000-4000-8000-000000000007',
  roles: ['partner', 'purpose.PARTNER_CONFIRMATION'],
  sub: 'a1b2c3d4-0000-4000-8000-000000000007',
  tid: '0e1f',
  ver: '2.0',
};

const entraMember = {
  ...entraApp,
  azp: 'c0ffee00-portal',
  idtyp: undefined,
  scp: 'access_as_user',
  roles: ['member', 'purpose.MEMBER_SELF_SERVICE'],
  member_id: MEMBER_ID.toUpperCase(),
  name: 'A Member',
  preferred_username: 'member@example.org',
  sub: 'pairwise-9f8e',
};

describe('claim paths', () => {
  it('reads nested claims with dots and a namespaced claim by its whole name first', () => {
    expect(readClaim(keycloakUser, 'realm_access.roles')).toEqual(keycloakUser.realm_access.roles);
    expect(readClaim(keycloakUser, 'resource_access.account.roles')).toEqual(['manage-account', 'view-profile']);
    const auth0 = { 'https://mutual-graph.example.org/roles': ['staff'], https: { nope: true } };
    expect(readClaim(auth0, 'https://mutual-graph.example.org/roles')).toEqual(['staff']);
    expect(readClaim({ 'a.b': { c: 1 }, a: { b: { c: 2 } } }, 'a.b.c')).toBe(1);
  });

  it('finds nothing where a path leaves the token, and nothing inherited', () => {
    expect(readClaim(keycloakUser, 'realm_access.roles.0')).toBeUndefined();
    expect(readClaim(keycloakUser, 'missing.roles')).toBeUndefined();
    expect(readClaim({}, 'constructor')).toBeUndefined();
    expect(readClaim({}, '__proto__')).toBeUndefined();
    expect(readClaim({ roles: 'x' }, 'roles.length')).toBeUndefined();
  });

  it("takes an array's strings or a scope string's words, and nothing else", () => {
    expect(claimValues('openid  purpose.MEMBERSHIP profile')).toEqual(['openid', 'purpose.MEMBERSHIP', 'profile']);
    // RFC 6749: only U+0020 separates scopes; a tab or a no-break space does not split one value into two.
    for (const joined of ['analyst\tpurpose.PRIVACY_OFFICE', 'analyst\u00a0purpose.PRIVACY_OFFICE', 'analyst\u2028purpose.PRIVACY_OFFICE', 'analyst\ufeffpurpose.PRIVACY_OFFICE'])
      expect(claimValues(joined)).toEqual([joined]);
    expect(claimValues(['a', 1, null, { b: 2 }, 'c'])).toEqual(['a', 'c']);
    expect(claimValues({ roles: ['a'] })).toEqual([]);
    expect(claimValues(7)).toEqual([]);
  });
});

describe('the Keycloak mapping', () => {
  it("finds an analyst's roles and purposes among the realm roles, purposes not kept as roles", () => {
    expect(principalFrom(keycloakUser, CLAIM_PRESETS.keycloak)).toEqual({
      sub: 'f:2b9d:analyst',
      roles: ['default-roles-mutual', 'offline_access', 'analyst'],
      purposes: ['EDI_REPORTING', 'RISK_MANAGEMENT'],
    });
  });

  it("makes a client holding the partner role a partner, by its client's partner_id", () => {
    expect(principalFrom(keycloakPartner, CLAIM_PRESETS.keycloak)).toMatchObject({ roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-7' });
  });

  it('never makes a user or an internal app a partner: not by its azp, nor by the partner role alone', () => {
    expect(principalFrom(keycloakUser, CLAIM_PRESETS.keycloak).partnerId).toBeUndefined();
    const internalApp = { ...keycloakPartner, azp: 'internal-app', partner_id: undefined, realm_access: { roles: ['staff', 'purpose.MEMBERSHIP'] } };
    expect(principalFrom(internalApp, CLAIM_PRESETS.keycloak).partnerId).toBeUndefined();
    // A person given the partner role (a group, a composite role) who signs in through Sandbox.
    const person = { ...keycloakUser, realm_access: { roles: ['partner', 'purpose.PARTNER_CONFIRMATION'] } };
    expect(principalFrom(person, CLAIM_PRESETS.keycloak).partnerId).toBeUndefined();
    // A partner_id without the partner role names no partner either.
    expect(principalFrom({ ...keycloakPartner, realm_access: { roles: ['staff'] } }, CLAIM_PRESETS.keycloak).partnerId).toBeUndefined();
  });

  it('takes no purpose from a scope or a client role, nor a role that only looks like one', () => {
    // A Keycloak client scope lands in `scope` whether or not the user holds its role: a user could ask for any.
    const asked = { ...keycloakUser, realm_access: { roles: ['analyst'] }, scope: 'openid purpose.PRIVACY_OFFICE PRIVACY_OFFICE' };
    expect(principalFrom(asked, CLAIM_PRESETS.keycloak).purposes).toEqual([]);
    const lookalikes = {
      ...keycloakUser,
      realm_access: { roles: ['PRIVACY_OFFICE', 'purpose.privacy_office', 'purpose.', 'xpurpose.MEMBERSHIP', 'purpose.PURPOSE.MEMBERSHIP'] },
      resource_access: { 'mutual-graph': { roles: ['purpose.PRIVACY_OFFICE'] } },
    };
    expect(principalFrom(lookalikes, CLAIM_PRESETS.keycloak).purposes).toEqual([]);
  });
});

describe('the Entra ID mapping', () => {
  it("reads an app-only token's app roles: a partner by its client id", () => {
    expect(principalFrom(entraApp, CLAIM_PRESETS.entra)).toEqual({
      sub: entraApp.sub,
      roles: ['partner'],
      purposes: ['PARTNER_CONFIRMATION'],
      partnerId: '5b8c1f9e-hospital-7',
    });
  });

  it('takes no person for a partner: a delegated token (it has scp) holding the partner role names none', () => {
    const person = { ...entraMember, member_id: undefined, roles: ['partner', 'purpose.PARTNER_CONFIRMATION'], scp: 'access_as_user' };
    expect(principalFrom(person, CLAIM_PRESETS.entra).partnerId).toBeUndefined();
  });

  it("reads a member's app roles and member id (lower-cased), and no purpose from scp", () => {
    const principal = principalFrom({ ...entraMember, scp: 'access_as_user purpose.PRIVACY_OFFICE' }, CLAIM_PRESETS.entra);
    expect(principal).toEqual({ sub: 'pairwise-9f8e', roles: ['member'], purposes: ['MEMBER_SELF_SERVICE'], memberId: MEMBER_ID });
  });
});

describe('every mapping refuses a token that names no one it could record', () => {
  const refused = (payload: Record<string, unknown>, preset: keyof typeof CLAIM_PRESETS) => {
    try {
      principalFrom(payload, CLAIM_PRESETS[preset]);
    } catch (error) {
      return (error as { extensions?: { code?: string } }).extensions?.code;
    }
    return 'accepted';
  };

  it('no subject, a subject with a control character or of 201 characters', () => {
    for (const preset of ['contract', 'keycloak', 'entra'] as const) {
      expect(refused({ ...entraApp, sub: undefined }, preset)).toBe('UNAUTHENTICATED');
      expect(refused({ ...entraApp, sub: 'a\u0000b' }, preset)).toBe('UNAUTHENTICATED');
      expect(refused({ ...entraApp, sub: 's'.repeat(201) }, preset)).toBe('UNAUTHENTICATED');
      expect(refused({ ...entraApp, sub: 7 }, preset)).toBe('UNAUTHENTICATED');
    }
  });

  it('a member id that is no member id, or not a string', () => {
    for (const memberId of ['not-a-uuid', `${MEMBER_ID}'`, 42, [MEMBER_ID], { id: MEMBER_ID }]) {
      expect(refused({ ...entraMember, member_id: memberId }, 'entra')).toBe('UNAUTHENTICATED');
      expect(refused({ ...keycloakUser, member_id: memberId }, 'keycloak')).toBe('UNAUTHENTICATED');
      expect(refused({ sub: 'x', memberId }, 'contract')).toBe('UNAUTHENTICATED');
    }
  });

  it("a partner's id that could not be stored as it is", () => {
    expect(refused({ ...entraApp, azp: 'h'.repeat(5000) }, 'entra')).toBe('UNAUTHENTICATED');
    expect(refused({ ...keycloakPartner, partner_id: 'hospital\u00007' }, 'keycloak')).toBe('UNAUTHENTICATED');
    // Look-alikes of another party's name: zero-width, direction marks, line separators.
    for (const partnerId of ['hospital-7\u200b', '\u202ehospital-7', 'hospital\u2028-7', 'hospital\u20297', '\ufeffhospital-7'])
      expect(refused({ ...keycloakPartner, partner_id: partnerId }, 'keycloak')).toBe('UNAUTHENTICATED');
    expect(refused({ ...entraApp, sub: '\u202emallory' }, 'entra')).toBe('UNAUTHENTICATED');
    expect(refused({ sub: 'x', partnerId: ['hospital-7'] }, 'contract')).toBe('UNAUTHENTICATED');
  });
});

describe('purposes narrowed by what the client asked for', () => {
  const narrowed = { ...CLAIM_PRESETS.keycloak, purposesNarrowedBy: 'scope' };

  it('keeps a held purpose only if the token also asked for it, and never adds one', () => {
    const token = { ...keycloakUser, scope: 'openid purpose.EDI_REPORTING purpose.PRIVACY_OFFICE' };
    expect(principalFrom(token, narrowed).purposes).toEqual(['EDI_REPORTING']);
  });

  it('narrows nothing in a token without the claim', () => {
    expect(principalFrom({ ...keycloakUser, scope: undefined }, narrowed).purposes).toEqual(['EDI_REPORTING', 'RISK_MANAGEMENT']);
  });
});

describe('the contract mapping (npm run token)', () => {
  it('reads the top-level claims as before, and keeps the principal frozen', () => {
    const principal = principalFrom({ sub: 'alice', roles: ['staff'], purposes: ['MEMBERSHIP', 'NOT_A_PURPOSE'], partnerId: 'hospital-7' }, CLAIM_PRESETS.contract);
    expect(principal).toEqual({ sub: 'alice', roles: ['staff'], purposes: ['MEMBERSHIP'], partnerId: 'hospital-7' });
    expect(() => (principal.purposes as string[]).push('PRIVACY_OFFICE')).toThrow(TypeError);
  });
});
