import { readFileSync } from 'node:fs';
import { indexFields } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { unclassifiedFields } from '../../src/compose.js';

// Fast: no stack. Composition refuses an argument or input field that says nothing of what it selects by.

const head = `
directive @dataCategory(category: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
directive @nonPersonal on FIELD_DEFINITION | OBJECT | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | INPUT_OBJECT
type Member { id: ID! @dataCategory(category: "PROFILE") }
`;

describe('composition classifies arguments and input fields', () => {
  it('fails on an argument of a root field that says neither a category nor non-personal', () => {
    const sdl = `${head} type Query { members(first: Int @nonPersonal, status: String): [Member!]! @nonPersonal }`;
    expect(unclassifiedFields(sdl)).toEqual(['Query.members(status:)']);
  });

  it('fails on a field of an input type an argument takes, and on one nested inside it', () => {
    const sdl = `${head}
      input Inner { when: String }
      input Filter { status: String @dataCategory(category: "MEMBERSHIP") inner: Inner @nonPersonal }
      type Query { members(filter: Filter @nonPersonal): [Member!]! @nonPersonal }`;
    expect(unclassifiedFields(sdl)).toEqual(['Inner.when']);
  });

  it('takes @nonPersonal on an input type for all its fields', () => {
    const sdl = `${head} input Page @nonPersonal { first: Int after: String } type Query { members(page: Page @nonPersonal): [Member!]! @nonPersonal }`;
    expect(unclassifiedFields(sdl)).toEqual([]);
  });

  it('fails on an argument of a field of a personal type', () => {
    const sdl = `${head} extend type Member { history(years: Int): [String!]! @dataCategory(category: "MEDICO_LEGAL") } type Query { me: Member @nonPersonal }`;
    expect(unclassifiedFields(sdl)).toEqual(['Member.history(years:)']);
  });

  it('keeps the categories of the member filter in the composed supergraph', () => {
    const index = indexFields(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect(index.get('MemberFilter.status')).toBe('MEMBERSHIP');
    expect(index.get('MemberFilter.province')).toBe('PROFESSIONAL');
    expect(index.get('Membership.eligibleOn(date:)')).toBe('MEMBERSHIP');
    expect(index.get('Member.medicoLegalHistory(years:)')).toBe('MEDICO_LEGAL');
    expect(index.get('Query.member(id:)')).toBeNull();
  });
});
