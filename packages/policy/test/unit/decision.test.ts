import { decideOperation, POLICY_MATRIX, PURPOSE_NAMES, CATEGORY_NAMES, type FieldUse } from '@mutual-graph/policy';

const use = (coordinate: string, category: FieldUse['category']): FieldUse => ({ coordinate, category });

describe('deciding an operation from the fields it touches', () => {
  it('allows what the purpose may read and names the categories touched', () => {
    expect(decideOperation('EDUCATION', [use('Member.firstName', 'PROFILE'), use('Member.learningRecord', 'LEARNING'), use('Query.member', null)], ['member'])).toEqual({
      allowed: true,
      categories: ['LEARNING', 'PROFILE'],
    });
  });

  it('puts EDI isolation before the purpose: even a purpose that may read both is refused', () => {
    const decision = decideOperation('MEMBER_SELF_SERVICE', [use('Member.edi', 'EDI'), use('Member.medicoLegalHistory', 'MEDICO_LEGAL')], ['me']);
    expect(decision).toMatchObject({ allowed: false, rule: 'EDI_ISOLATION', fields: ['Member.edi', 'Member.medicoLegalHistory'] });
  });

  it('refuses root fields outside a purpose that is limited to some', () => {
    expect(decideOperation('EDI_REPORTING', [use('Query.members', null)], ['members'])).toMatchObject({ allowed: false, rule: 'PURPOSE_SCOPE', fields: ['Query.members'] });
  });

  it('has a row for every purpose, naming only known categories', () => {
    expect(Object.keys(POLICY_MATRIX).sort()).toEqual([...PURPOSE_NAMES].sort());
    for (const policy of Object.values(POLICY_MATRIX)) for (const c of policy.categories) expect(CATEGORY_NAMES).toContain(c);
  });

  it('never lets EDI be read outside self-service', () => {
    for (const purpose of PURPOSE_NAMES) expect([purpose, POLICY_MATRIX[purpose].categories.includes('EDI')]).toEqual([purpose, purpose === 'MEMBER_SELF_SERVICE']);
  });
});
