import { decideOperation, NO_BINDINGS, readBindings, POLICY_MATRIX, PURPOSE_NAMES, CATEGORY_NAMES, type FieldUse } from '@mutual-graph/policy';

const use = (coordinate: string, category: FieldUse['category']): FieldUse => ({ coordinate, category });

describe('deciding an operation from the fields it touches', () => {
  it('allows what the purpose may read and names the categories touched', () => {
    expect(decideOperation(NO_BINDINGS, 'EDUCATION', [use('Member.firstName', 'PROFILE'), use('Member.learningRecord', 'LEARNING'), use('Query.member', null)], ['member'])).toEqual({
      allowed: true,
      categories: ['LEARNING', 'PROFILE'],
    });
  });

  it('puts EDI isolation before the purpose: even a purpose that may read both is refused', () => {
    const decision = decideOperation(NO_BINDINGS, 'MEMBER_SELF_SERVICE', [use('Member.edi', 'EDI'), use('Member.medicoLegalHistory', 'MEDICO_LEGAL')], ['me']);
    expect(decision).toMatchObject({ allowed: false, rule: 'EDI_ISOLATION', fields: ['Member.edi', 'Member.medicoLegalHistory'] });
  });

  it('refuses root fields outside a purpose that is limited to some', () => {
    expect(decideOperation(NO_BINDINGS, 'EDI_REPORTING', [use('Query.members', null)], ['members'])).toMatchObject({ allowed: false, rule: 'PURPOSE_SCOPE', fields: ['Query.members'] });
  });

  it('refuses a field its own bindings give to other purposes, and a gateway effect under every purpose', () => {
    const bindings = readBindings(`
      directive @onlyForPurposes(purposes: [String!]!) on FIELD_DEFINITION
      directive @gatewayEffect on FIELD_DEFINITION
      type Query { matterStatistics: Int @onlyForPurposes(purposes: ["RISK_MANAGEMENT"]) }
      type Mutation { recordDisclosures: Int @gatewayEffect }
    `);
    expect(decideOperation(bindings, 'RISK_MANAGEMENT', [use('Query.matterStatistics', null)], ['matterStatistics'])).toEqual({ allowed: true, categories: [] });
    expect(decideOperation(bindings, 'EDUCATION', [use('Query.matterStatistics', null)], ['matterStatistics'])).toMatchObject({
      allowed: false,
      rule: 'PURPOSE_SCOPE',
      fields: ['Query.matterStatistics'],
    });
    for (const purpose of PURPOSE_NAMES) {
      expect(decideOperation(bindings, purpose, [use('Mutation.recordDisclosures', null)], ['recordDisclosures'], 'Mutation')).toMatchObject({ allowed: false, rule: 'PURPOSE_SCOPE' });
    }
  });

  it('refuses a role-bound field to a principal without the role, after the purpose allowed it', () => {
    const bindings = readBindings(`
      directive @requiresRole(roles: [String!]!) on FIELD_DEFINITION
      type Mutation { publishEdiRelease: Int @requiresRole(roles: ["edi-reporting-lead"]) }
    `);
    const publish = [use('Mutation.publishEdiRelease', null)];
    expect(decideOperation(bindings, 'EDI_REPORTING', publish, ['publishEdiRelease'], 'Mutation', ['edi-reporting-lead'])).toEqual({ allowed: true, categories: [] });
    expect(decideOperation(bindings, 'EDI_REPORTING', publish, ['publishEdiRelease'], 'Mutation', ['staff'])).toMatchObject({
      allowed: false,
      rule: 'ROLE_REQUIRED',
      fields: ['Mutation.publishEdiRelease'],
    });
  });

  it('has a row for every purpose, naming only known categories', () => {
    expect(Object.keys(POLICY_MATRIX).sort()).toEqual([...PURPOSE_NAMES].sort());
    for (const policy of Object.values(POLICY_MATRIX)) for (const c of policy.categories) expect(CATEGORY_NAMES).toContain(c);
  });

  it('never lets EDI be read outside self-service', () => {
    for (const purpose of PURPOSE_NAMES) expect([purpose, POLICY_MATRIX[purpose].categories.includes('EDI')]).toEqual([purpose, purpose === 'MEMBER_SELF_SERVICE']);
  });
});
