import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_MATRIX } from '@mutual-graph/policy';
import { SUBGRAPH_SDL_DIR, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { bindingsLostInComposition, bindingsNamingNothing, inconsistentBindings } from '../../src/policy-bindings.js';

// Fast: no stack, no composing (test/offline/compose.bindings.test.ts composes edited subgraphs).
// The bindings are directives on the fields; composition checks that the matrix's root-field lists
// name fields that exist, that every binding means something, and that the supergraph (the
// gateway's) and each subgraph's own schema (its shield's) carry the same ones.

const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
const subgraphSdl = Object.fromEntries(['member', 'case', 'education', 'privacy'].map((name) => [name, readFileSync(join(SUBGRAPH_SDL_DIR, `${name}.graphql`), 'utf8')]));

describe('the policy bindings that name fields', () => {
  it('all name fields the supergraph has', () => {
    expect(bindingsNamingNothing(supergraph)).toEqual([]);
    expect(inconsistentBindings(supergraph)).toEqual([]);
    expect(bindingsLostInComposition(subgraphSdl, supergraph)).toEqual([]);
  });

  it('fail composition when a bound field is renamed away, whichever list binds it', () => {
    const stale = bindingsNamingNothing(supergraph, { ...POLICY_MATRIX, EDI_REPORTING: { rootFields: ['ediSummary', 'ediSummaries'] }, COMMUNICATIONS: { rootFields: ['communicationsAudiences'] } });
    expect(stale).toEqual([
      "the EDI_REPORTING purpose's rootFields name ediSummaries, which is no root field of the supergraph",
      "the COMMUNICATIONS purpose's rootFields name communicationsAudiences, which is no root field of the supergraph",
    ]);
  });
});

describe('bindings through composition', () => {
  it('fail composition when a binding is stripped from the supergraph on the way', () => {
    const stripped = supergraph.replace(/(\n {2}edi: EdiProfile[^\n]*) @subjectOnly/, '$1');
    expect(stripped).not.toBe(supergraph);
    expect(bindingsLostInComposition(subgraphSdl, stripped)).toEqual(['the member subgraph declares Member.edi @subjectOnly, which the supergraph does not carry']);
  });

  it('fail composition when a subgraph leaves out a binding the supergraph carries on a field it also defines', () => {
    const withoutKey = subgraphSdl.education.replace(/(\ntype Member[^{]*\{\n {2}id: ID![^\n]*?) @memberKey/, '$1');
    expect(withoutKey).not.toBe(subgraphSdl.education);
    expect(bindingsLostInComposition({ ...subgraphSdl, education: withoutKey }, supergraph)).toEqual(['the supergraph carries Member.id @memberKey, which the education subgraph does not declare']);
  });
});

describe('bindings that cannot mean what they say', () => {
  const head = `
    directive @onlyForPurposes(purposes: [String!]!) on FIELD_DEFINITION
    directive @requiresRole(roles: [String!]!) on FIELD_DEFINITION
    directive @subjectOnly on FIELD_DEFINITION
    directive @actsOnCaller on FIELD_DEFINITION
    directive @actsOnNamedMember on FIELD_DEFINITION
    directive @memberKey on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | FIELD_DEFINITION
    directive @gatewayEffect on FIELD_DEFINITION
    type Member { id: ID! @memberKey }
  `;
  const problems = (sdl: string) => inconsistentBindings(`${head}\n${sdl}`);

  it.each<[string, string, string[]]>([
    [
      '@actsOnCaller on a field that is not a root field',
      'type Matter { notes: String @actsOnCaller } type Query { me: Member @actsOnCaller }',
      ['Matter.notes is marked @actsOnCaller but is no root field'],
    ],
    [
      '@actsOnNamedMember on a field that is not a root field',
      'type Matter { member(id: ID! @memberKey): Member @actsOnNamedMember } type Query { me: Member }',
      ['Matter.member is marked @actsOnNamedMember but is no root field'],
    ],
    [
      '@actsOnNamedMember on a root field with no @memberKey argument',
      'type Query { member(id: ID!): Member @actsOnNamedMember }',
      ['Query.member is marked @actsOnNamedMember but none of its arguments is a @memberKey'],
    ],
    [
      'a @memberKey argument or input field that is not an ID',
      'input Filter { member: String @memberKey } type Query { members(name: String @memberKey, filter: Filter): [Member!]! }',
      ['Filter.member is a @memberKey but its type is String, not an ID', 'Query.members(name:) is a @memberKey but its type is String, not an ID'],
    ],
    [
      '@onlyForPurposes naming an unknown purpose, or none',
      'type Query { statistics: Int @onlyForPurposes(purposes: ["RISK_MANAGEMENT", "MARKETING"]), audience: Int @onlyForPurposes(purposes: []) }',
      ['Query.statistics is bound by @onlyForPurposes to MARKETING, which is no purpose of use', 'Query.audience is marked @onlyForPurposes but names no purpose'],
    ],
    ['@requiresRole naming no role', 'type Mutation { publish: Int @requiresRole(roles: []) } type Query { me: Member }', ['Mutation.publish is marked @requiresRole but names no role']],
    [
      '@gatewayEffect on a Query field, or any field not a mutation',
      'type Query { audience: Int @gatewayEffect } type Matter { close: Int @gatewayEffect } type Mutation { recordDisclosures: Int @gatewayEffect }',
      ['Query.audience is marked @gatewayEffect but only a mutation can be a gateway effect', 'Matter.close is marked @gatewayEffect but only a mutation can be a gateway effect'],
    ],
    [
      '@subjectOnly on a type with no @memberKey field to say whose it is',
      'type Matter { notes: String @subjectOnly } type Query { me: Member }',
      ['Matter.notes is marked @subjectOnly but Matter has no @memberKey field to say whose it is'],
    ],
    [
      'a type with two @memberKey fields',
      'type Referral { memberId: ID @memberKey, referrerId: ID @memberKey } type Query { me: Member }',
      ['Referral marks memberId and referrerId @memberKey: an object is about one member'],
    ],
  ])('fail composition on %s', (_binding, sdl, expected) => {
    expect(problems(sdl)).toEqual(expected);
  });

  it('find nothing wrong with bindings that mean what they say', () => {
    expect(
      problems('type Query { me: Member @actsOnCaller, member(id: ID! @memberKey): Member @actsOnNamedMember } type Mutation { recordDisclosures(memberIds: [ID!]! @memberKey): Int @gatewayEffect }'),
    ).toEqual([]);
  });
});
