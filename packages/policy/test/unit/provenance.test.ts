import { indexProvenance, POLICY_DIRECTIVES_SDL } from '@mutual-graph/policy';

describe('provenance declared on fields', () => {
  const sdl = `
    type Member {
      firstName: String @dataCategory(category: PROFILE) @provenance(source: MEMBER)
      membershipNumber: String @dataCategory(category: PROFESSIONAL) @provenance(source: ORGANISATION)
      suggestions: [String] @provenance(source: INFERRED)
      quoted: String @provenance(source: "MEMBER")
      unknown: String @provenance(source: SOMEONE)
      undeclared: String @dataCategory(category: PROFILE)
      eligibleOn(date: String @provenance(source: MEMBER)): Boolean
    }
  `;

  it('indexes each declared field by coordinate, enum or quoted, and nothing a field does not declare', () => {
    expect(Object.fromEntries(indexProvenance(sdl))).toEqual({ 'Member.firstName': 'MEMBER', 'Member.membershipNumber': 'ORGANISATION', 'Member.suggestions': 'INFERRED', 'Member.quoted': 'MEMBER' });
  });

  it('is part of the policy spec every subgraph imports and composes, with its vocabulary', () => {
    expect(POLICY_DIRECTIVES_SDL).toContain('@composeDirective(name: "@provenance")');
    expect(POLICY_DIRECTIVES_SDL).toMatch(/enum Provenance \{\s+MEMBER\s+ORGANISATION\s+INFERRED\s+\}/);
  });
});
