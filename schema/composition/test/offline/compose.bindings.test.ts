import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideOperation, readBindings } from '@mutual-graph/policy';
import { SUBGRAPH_SDL_DIR } from '@mutual-graph/schema';
import { composeSubgraphs, CompositionError } from '../../src/compose.js';

// No stack, but a composition a test (about a second each): the committed subgraphs' SDL, one of
// them edited as a change to that subgraph would edit it, composed with every policy check.

const subgraphSdl = Object.fromEntries(['member', 'case', 'education', 'privacy'].map((name) => [name, readFileSync(join(SUBGRAPH_SDL_DIR, `${name}.graphql`), 'utf8')]));

/** Composes the committed subgraphs with one of them edited; the sentences composition fails with, or the supergraph. */
function composeEdited(name: string, edit: (sdl: string) => string): { failures: string[] } | { supergraphSdl: string } {
  const edited = edit(subgraphSdl[name]);
  expect(edited).not.toBe(subgraphSdl[name]);
  try {
    return { supergraphSdl: composeSubgraphs({ ...subgraphSdl, [name]: edited }).supergraphSdl };
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    return { failures: error.errors.map((e) => e.message) };
  }
}

describe('bindings through composing edited subgraphs', () => {
  it('keep a purpose-bound field bound when its subgraph renames it', () => {
    const composed = composeEdited('case', (sdl) => sdl.replace('  matterStatistics(', '  matterCounts('));
    if (!('supergraphSdl' in composed)) throw new Error(`composition failed: ${composed.failures.join('; ')}`);
    const bindings = readBindings(composed.supergraphSdl);
    expect(bindings.purposeBound.get('Query.matterCounts')).toEqual(['RISK_MANAGEMENT']);
    expect(bindings.purposeBound.has('Query.matterStatistics')).toBe(false);
    expect(decideOperation(bindings, 'EDUCATION', [{ coordinate: 'Query.matterCounts', category: null }], ['matterCounts'])).toMatchObject({ allowed: false, rule: 'PURPOSE_SCOPE' });
  });

  it('fail composition when a subgraph renames a root field the matrix names', () => {
    const composed = composeEdited('member', (sdl) => sdl.replace('  ediSummary(', '  ediTable('));
    expect(composed).toEqual({ failures: ["the EDI_REPORTING purpose's rootFields name ediSummary, which is no root field of the supergraph"] });
  });

  it('fail composition when a subgraph declares a binding the supergraph does not carry (its directive not composed)', () => {
    const composed = composeEdited('case', (sdl) => sdl.replace(' @composeDirective(name: "@onlyForPurposes")', ''));
    if (!('failures' in composed)) throw new Error("composed without the case subgraph's purpose bindings");
    expect(composed.failures).toContain('the case subgraph declares Query.matterStatistics @onlyForPurposes(RISK_MANAGEMENT), which the supergraph does not carry');
    expect(composed.failures).toContain('the case subgraph declares Member.supportProgram @onlyForPurposes(MEMBER_SELF_SERVICE, RISK_MANAGEMENT), which the supergraph does not carry');
  });
});

describe('member keys', () => {
  it('fail composition on a new mutation whose memberId argument is not marked @memberKey', () => {
    const composed = composeEdited('privacy', (sdl) => sdl.replace('type Mutation {\n', 'type Mutation {\n  flagMember(memberId: ID! @nonPersonal): Boolean! @nonPersonal\n'));
    expect(composed).toEqual({ failures: ['Mutation.flagMember(memberId:) is named like a member key but is not marked @memberKey'] });
  });

  it('fail composition on an input field named memberIds that is not marked @memberKey, and compose once it is', () => {
    const input = (key: string) => (sdl: string) =>
      sdl.replace('type Mutation {\n', `input FlagInput @nonPersonal { memberIds: [ID!]!${key} }\n\ntype Mutation {\n  flagMembers(flags: FlagInput! @nonPersonal): Boolean! @nonPersonal\n`);
    expect(composeEdited('privacy', input(''))).toEqual({ failures: ['FlagInput.memberIds is named like a member key but is not marked @memberKey'] });
    const composed = composeEdited('privacy', input(' @memberKey'));
    if (!('supergraphSdl' in composed)) throw new Error(`composition failed: ${composed.failures.join('; ')}`);
    expect(readBindings(composed.supergraphSdl).memberKeys.has('FlagInput.memberIds')).toBe(true);
  });
});

describe('fields computed from other subgraphs (@requires)', () => {
  // Member.supportSuggestions (education) @requires openMatterKinds (MEDICO_LEGAL), preferredLanguage (PROFILE), practiceProvince (PROFESSIONAL).
  const suggestions = /supportSuggestions: SupportSuggestions @dataCategory\(category: MEDICO_LEGAL\)(.*) @onlyForPurposes\(purposes: \[MEMBER_SELF_SERVICE\]\)/;

  it('fail composition when a derived field is declared a category that purposes which may not read what it is computed from may read', () => {
    const composed = composeEdited('education', (sdl) => sdl.replace(suggestions, 'supportSuggestions: SupportSuggestions @dataCategory(category: LEARNING)$1'));
    expect(composed).toEqual({
      failures: [
        'Member.supportSuggestions @requires Member.openMatterKinds, Member.practiceProvince, Member.preferredLanguage (MEDICO_LEGAL, PROFESSIONAL, PROFILE), but is declared LEARNING, which EDUCATION (without MEDICO_LEGAL, PROFESSIONAL) may read: declare the wider category or bind it to purposes that may read what it is computed from',
      ],
    });
  });

  it('compose once the derived field declares the wider category, whose readers may read all it is computed from', () => {
    // MEDICO_LEGAL, unbound: medico-legal assistance, risk management and self-service, each of which reads PROFILE, PROFESSIONAL and MEDICO_LEGAL.
    const composed = composeEdited('education', (sdl) => sdl.replace(suggestions, 'supportSuggestions: SupportSuggestions @dataCategory(category: MEDICO_LEGAL)$1'));
    expect(composed).toHaveProperty('supergraphSdl');
  });
});
