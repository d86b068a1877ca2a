import { comparePolicies, CURRENT_MATRIX, policySnapshot, POLICY_DIRECTIVES_SDL, type MatrixOfPurposes, type PolicySnapshot } from '@mutual-graph/policy';

// A small graph in the policy's own directives, composed-SDL style (enum values), changed one way at a time.
const sdl = (member: string, query = 'member(id: ID! @memberKey): Member @nonPersonal @actsOnNamedMember') => `
${POLICY_DIRECTIVES_SDL.replace(/extend schema[\s\S]*?\n\n/, '')}
type Query { ${query} }
type Member { ${member} }
`;
const BASE = 'id: ID! @nonPersonal firstName: String @dataCategory(category: PROFILE) matters: [String!] @dataCategory(category: MEDICO_LEGAL)';
const withRow = (purpose: keyof MatrixOfPurposes['purposes'], change: (row: MatrixOfPurposes['purposes'][typeof purpose]) => object): MatrixOfPurposes => ({
  ...CURRENT_MATRIX,
  purposes: { ...CURRENT_MATRIX.purposes, [purpose]: { ...CURRENT_MATRIX.purposes[purpose], ...change(CURRENT_MATRIX.purposes[purpose]) } },
});
const base: PolicySnapshot = policySnapshot(sdl(BASE));

describe('comparing two policies', () => {
  it('finds nothing between a policy and itself', () => {
    expect(comparePolicies(base, policySnapshot(sdl(BASE))).widenings).toEqual([]);
  });

  it('calls a purpose given a category a widening, and names the fields it gains', () => {
    const changes = comparePolicies(
      base,
      policySnapshot(
        sdl(BASE),
        withRow('EDUCATION', (r) => ({ categories: [...r.categories, 'MEDICO_LEGAL'] })),
      ),
    );
    expect(changes.reach).toEqual([{ purpose: 'EDUCATION', gains: ['Member.matters'], loses: [] }]);
    expect(changes.widenings).toEqual(['EDUCATION may read MEDICO_LEGAL', 'EDUCATION may read Member.matters (MEDICO_LEGAL)']);
  });

  it('does not call a purpose losing a category a widening, but lists what it loses', () => {
    const changes = comparePolicies(
      base,
      policySnapshot(
        sdl(BASE),
        withRow('EDUCATION', () => ({ categories: ['CONTACT', 'LEARNING'] })),
      ),
    );
    expect(changes.widenings).toEqual([]);
    expect(changes.reach).toEqual([{ purpose: 'EDUCATION', gains: [], loses: ['Member.firstName'] }]);
    expect(changes.matrix).toEqual([{ purpose: 'EDUCATION', change: 'may no longer read PROFILE', widening: false }]);
  });

  it('calls a category moved to one more purposes may read a widening, and one fewer may read not', () => {
    const wider = comparePolicies(base, policySnapshot(sdl(BASE.replace('category: MEDICO_LEGAL', 'category: PROFILE'))));
    expect(wider.categoriesMoved).toEqual([{ coordinate: 'Member.matters', from: 'MEDICO_LEGAL', to: 'PROFILE', widening: true }]);
    expect(wider.widenings).toContain('Member.matters moved from MEDICO_LEGAL to PROFILE');
    expect(wider.widenings).toContain('EDUCATION may read Member.matters (PROFILE)');
    const narrower = comparePolicies(base, policySnapshot(sdl(BASE.replace('category: PROFILE', 'category: MEDICO_LEGAL'))));
    expect(narrower.categoriesMoved[0]).toMatchObject({ coordinate: 'Member.firstName', widening: false });
    expect(narrower.widenings).toEqual([]);
  });

  it('calls a field made non-personal a widening for every purpose that could not read it', () => {
    const changes = comparePolicies(base, policySnapshot(sdl(BASE.replace('@dataCategory(category: MEDICO_LEGAL)', '@nonPersonal'))));
    expect(changes.categoriesMoved).toEqual([{ coordinate: 'Member.matters', from: 'MEDICO_LEGAL', to: null, widening: true }]);
    expect(changes.reach.map((r) => r.purpose)).toContain('EDUCATION');
  });

  it('lists a new personal field with its category, and its readers as gains', () => {
    const changes = comparePolicies(base, policySnapshot(sdl(`${BASE} ediAnswers: String @dataCategory(category: EDI)`)));
    expect(changes.newFields).toEqual([{ coordinate: 'Member.ediAnswers', category: 'EDI' }]);
    expect(changes.widenings).toEqual(['MEMBER_SELF_SERVICE may read Member.ediAnswers (EDI)']);
  });

  it('calls weaker EDI isolation a widening, and stronger not', () => {
    expect(comparePolicies(base, policySnapshot(sdl(BASE), { ...CURRENT_MATRIX, ediIsolatedFrom: ['MEDICO_LEGAL'] })).widenings).toEqual(['EDI is no longer isolated from MEMBERSHIP']);
    const stronger = comparePolicies(base, policySnapshot(sdl(BASE), { ...CURRENT_MATRIX, ediIsolatedFrom: ['MEMBERSHIP', 'MEDICO_LEGAL', 'FINANCIAL'] }));
    expect(stronger.ediIsolation).toEqual({ before: ['MEMBERSHIP', 'MEDICO_LEGAL'], after: ['MEMBERSHIP', 'MEDICO_LEGAL', 'FINANCIAL'], widening: false });
    expect(stronger.widenings).toEqual([]);
  });

  it('calls a purpose-bound field losing its binding, or given another purpose, a widening', () => {
    const bound = policySnapshot(sdl(BASE.replace('MEDICO_LEGAL)', 'MEDICO_LEGAL) @onlyForPurposes(purposes: [RISK_MANAGEMENT])')));
    const unbound = comparePolicies(bound, base);
    expect(unbound.bindings).toEqual([{ coordinate: 'Member.matters', binding: 'onlyForPurposes', before: ['RISK_MANAGEMENT'], after: null, widening: true }]);
    expect(unbound.widenings).toContain('Member.matters @onlyForPurposes removed');
    expect(unbound.widenings).toContain('MEDICO_LEGAL_ASSISTANCE may read Member.matters (MEDICO_LEGAL)');
    const more = comparePolicies(bound, policySnapshot(sdl(BASE.replace('MEDICO_LEGAL)', 'MEDICO_LEGAL) @onlyForPurposes(purposes: [RISK_MANAGEMENT, MEMBER_SELF_SERVICE])'))));
    expect(more.widenings).toContain('Member.matters @onlyForPurposes RISK_MANAGEMENT → RISK_MANAGEMENT, MEMBER_SELF_SERVICE');
    expect(comparePolicies(base, bound).widenings).toEqual([]);
  });

  it('calls a purpose freed from its own record, or from its list of root fields, a widening', () => {
    expect(
      comparePolicies(
        base,
        policySnapshot(
          sdl(BASE),
          withRow('MEMBER_SELF_SERVICE', () => ({ ownRecordOnly: false })),
        ),
      ).widenings,
    ).toEqual(["MEMBER_SELF_SERVICE no longer limited to the caller's own record"]);
    const freed = comparePolicies(
      base,
      policySnapshot(
        sdl(BASE),
        withRow('PARTNER_CONFIRMATION', () => ({ rootFields: undefined })),
      ),
    );
    expect(freed.widenings).toContain('PARTNER_CONFIRMATION no longer limited to a list of root fields');
  });

  it('calls removing a member key or adding @actsOnCaller a widening', () => {
    const keyless = comparePolicies(base, policySnapshot(sdl(BASE, 'member(id: ID! @nonPersonal): Member @nonPersonal @actsOnNamedMember')));
    expect(keyless.widenings).toEqual(['Query.member(id:) @memberKey removed']);
    const onCaller = comparePolicies(base, policySnapshot(sdl(BASE, 'member(id: ID! @memberKey): Member @nonPersonal @actsOnNamedMember @actsOnCaller')));
    expect(onCaller.widenings).toEqual(['Query.member @actsOnCaller added']);
  });
});
