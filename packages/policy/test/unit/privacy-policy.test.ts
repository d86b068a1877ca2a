import { describe, expect, it } from '@jest/globals';
import { consentNeededFor, POLICY_MATRIX, PRIVACY_POLICY_VERSIONS, privacyPolicyOn, PURPOSE_NAMES, useIntroduction } from '../../src/index.js';

describe('privacy policy versions', () => {
  it('are in order of their first day, each version named once, the first naming the purposes it started with', () => {
    const days = PRIVACY_POLICY_VERSIONS.map((v) => v.effectiveOn);
    expect([...days].sort()).toEqual(days);
    expect(new Set(PRIVACY_POLICY_VERSIONS.map((v) => v.version)).size).toBe(PRIVACY_POLICY_VERSIONS.length);
    expect(PRIVACY_POLICY_VERSIONS[0].purposes?.length).toBeGreaterThan(0);
    expect(PRIVACY_POLICY_VERSIONS.slice(1).every((v) => v.purposes === undefined)).toBe(true);
  });

  it('account for every purpose of use: a purpose added to the vocabulary without a version that introduces it fails here', () => {
    const named = new Set([...(PRIVACY_POLICY_VERSIONS[0].purposes ?? []), ...PRIVACY_POLICY_VERSIONS.flatMap((v) => (v.newUses ?? []).map((u) => u.purpose))]);
    expect(PURPOSE_NAMES.filter((p) => !named.has(p))).toEqual([]);
  });

  it('introduce only uses the matrix grants (as answers or in peer calls), each with a basis', () => {
    for (const version of PRIVACY_POLICY_VERSIONS) {
      for (const use of version.newUses ?? []) {
        const row = POLICY_MATRIX[use.purpose];
        for (const category of use.categories) expect([...row.categories, ...(row.peerCallCategories ?? [])]).toContain(category);
        expect('consent' in use.basis ? use.basis.consent.length : use.basis.law.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('give the version in force on a day: the first before any, the latest whose first day has come', () => {
    expect(privacyPolicyOn('2019-05-01').version).toBe('2021.1');
    expect(privacyPolicyOn('2023-09-21').version).toBe('2021.1');
    expect(privacyPolicyOn('2023-09-22').version).toBe('2023.1');
    expect(privacyPolicyOn('2026-01-01').version).toBe('2026.1');
  });
});

describe('a use a later version introduced, for information already held', () => {
  it('needs the consent the version names for information collected before it', () => {
    expect(useIntroduction('PARTNER_CONFIRMATION', 'FINANCIAL')?.version.version).toBe('2026.1');
    expect(consentNeededFor('PARTNER_CONFIRMATION', 'FINANCIAL', '2021.1')).toBe('FEE_REIMBURSEMENT');
    expect(consentNeededFor('PARTNER_CONFIRMATION', 'FINANCIAL', '2023.1')).toBe('FEE_REIMBURSEMENT');
  });

  it('needs none for information collected once the version announced the use', () => {
    expect(consentNeededFor('PARTNER_CONFIRMATION', 'FINANCIAL', '2026.1')).toBeNull();
  });

  it('needs none for a use the first version had', () => {
    expect(consentNeededFor('PARTNER_CONFIRMATION', 'MEMBERSHIP', '2021.1')).toBeNull();
    expect(consentNeededFor('MEMBERSHIP', 'FINANCIAL', '2021.1')).toBeNull();
  });

  it('reads a version it does not know as the first: the strictest reading', () => {
    expect(consentNeededFor('PARTNER_CONFIRMATION', 'FINANCIAL', 'not-a-version')).toBe('FEE_REIMBURSEMENT');
  });
});
