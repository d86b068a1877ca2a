import { readFile } from 'node:fs/promises';
import { derivedFieldProblems } from '@mutual-graph/composition';
import { policySnapshot, POLICY_DIRECTIVES_SDL } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';

// A supergraph-shaped document: `@join__field(requires:)` as composition writes it, the policy's directives as they compose.
const graph = (derived: string) => `
directive @join__field(graph: String, requires: String, external: Boolean) repeatable on FIELD_DEFINITION
${POLICY_DIRECTIVES_SDL.replace(/extend schema[\s\S]*?\n\n/, '')}
type Query { me: Member @nonPersonal @actsOnCaller }
type EdiProfile { genderIdentity: String @dataCategory(category: EDI) }
type Member {
  id: ID! @nonPersonal
  edi: EdiProfile @dataCategory(category: EDI)
  province: String @dataCategory(category: PROFESSIONAL)
  ${derived}
}`;

describe('derived fields (@requires) and the categories they reveal', () => {
  it('finds the support suggestions in the committed supergraph, computed from MEDICO_LEGAL, PROFESSIONAL and PROFILE, and passes them (self-service reads all three)', async () => {
    const snapshot = policySnapshot(await readFile(SUPERGRAPH_PATH, 'utf8'));
    expect(snapshot.derived).toContainEqual({
      coordinate: 'Member.supportSuggestions',
      requires: ['Member.openMatterKinds', 'Member.practiceProvince', 'Member.preferredLanguage'],
      categories: ['MEDICO_LEGAL', 'PROFESSIONAL', 'PROFILE'],
    });
    expect(derivedFieldProblems(snapshot)).toEqual([]);
  });

  it('walks nested field sets: a field computed from edi { genderIdentity } is computed from EDI', () => {
    const snapshot = policySnapshot(graph('hint: String @join__field(graph: "X", requires: "edi { genderIdentity }") @dataCategory(category: EDI) @onlyForPurposes(purposes: [MEMBER_SELF_SERVICE])'));
    expect(snapshot.derived).toEqual([{ coordinate: 'Member.hint', requires: ['EdiProfile.genderIdentity', 'Member.edi'], categories: ['EDI'] }]);
    expect(derivedFieldProblems(snapshot)).toEqual([]);
  });

  it('refuses a field computed from EDI that is declared anything but EDI, even when only self-service may read it', () => {
    const snapshot = policySnapshot(
      graph('hint: String @join__field(graph: "X", requires: "edi { genderIdentity }") @dataCategory(category: PROFILE) @onlyForPurposes(purposes: [MEMBER_SELF_SERVICE])'),
    );
    expect(derivedFieldProblems(snapshot)).toEqual([
      expect.stringContaining('Member.hint @requires EdiProfile.genderIdentity, Member.edi (EDI) but is declared PROFILE: a field computed from EDI must be EDI itself'),
    ]);
  });

  it('names every purpose that may read the field but not what it is computed from', () => {
    const snapshot = policySnapshot(graph('region: String @join__field(graph: "X", requires: "province") @dataCategory(category: CONTACT)'));
    expect(derivedFieldProblems(snapshot)).toEqual([
      'Member.region @requires Member.province (PROFESSIONAL), but is declared CONTACT, which EDUCATION (without PROFESSIONAL), COMMUNICATIONS (without PROFESSIONAL) may read: declare the wider category or bind it to purposes that may read what it is computed from',
    ]);
  });
});
