import { buildSchema, parse, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { collectRootSelections, memberIdsNamed, outsideOwnRecord, readBindings } from '@mutual-graph/policy';

const own = '6f1c2a4e-0b1d-4c47-9a43-1c6f3e2b9d10';
const other = 'a3d9e0b2-7c55-4e0f-8f7a-2b4c6d8e0f12';

// Root fields shaped like the graph's, with their bindings declared as the subgraphs declare them.
const sdl = `
  directive @memberKey on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | FIELD_DEFINITION
  directive @actsOnCaller on FIELD_DEFINITION
  directive @actsOnNamedMember on FIELD_DEFINITION
  input GrantInput { memberId: ID @memberKey, purpose: String }
  input Nested { memberIds: [ID!] @memberKey }
  input PlanItemInput { memberId: ID @memberKey, nested: Nested }
  input IncidentInput { memberIds: [ID!] @memberKey, peopleConcerned: Int }
  type Member { id: ID! @memberKey }
  type Query { member(id: ID! @memberKey): Member @actsOnNamedMember, me: Member @actsOnCaller, members: [Member!]! }
  type Mutation {
    requestAssistance(memberId: ID @memberKey, summary: String): String @actsOnCaller
    eraseEdiAnswers(memberIds: [ID!] @memberKey): Int
    recordConsentGrants(grants: [GrantInput!]): Int
    updateMyEducationPlanItem(item: PlanItemInput, input: PlanItemInput): String @actsOnCaller
    recordConfidentialityIncident(incident: IncidentInput): String
    registerForEvent(eventId: ID, memberIds: [ID!] @memberKey, id: ID): String @actsOnCaller
  }
`;
const bindings = readBindings(sdl);
const graph = buildSchema(sdl);
const query = graph.getQueryType()!;
const mutation = graph.getMutationType()!;
const rootOf = (field: string): GraphQLObjectType => (field in query.getFields() ? query : mutation);
const memberIdsOf = (field: string, args: Record<string, unknown>) => memberIdsNamed(bindings, rootOf(field).name, rootOf(field).getFields()[field], args);
const outside = (rootType: GraphQLObjectType, roots: { field: string; args: Record<string, unknown> }[], ownId: string | undefined) => outsideOwnRecord(bindings, rootType, roots, ownId);

describe('the member ids a root field is given', () => {
  it('reads id on member, memberId and memberIds, also inside input objects and lists', () => {
    expect(memberIdsOf('member', { id: own })).toEqual([own]);
    expect(memberIdsOf('requestAssistance', { memberId: other, summary: 'x' })).toEqual([other]);
    expect(memberIdsOf('eraseEdiAnswers', { memberIds: [own, other] })).toEqual([own, other]);
    expect(memberIdsOf('recordConsentGrants', { grants: [{ memberId: other, purpose: 'SURVEYS' }] })).toEqual([other]);
    expect(memberIdsOf('updateMyEducationPlanItem', { item: { nested: { memberIds: [other] } } })).toEqual([other]);
  });

  it('reads memberIds given as one id, which GraphQL coerces to a list of one (a literal, or a variable)', () => {
    expect(memberIdsOf('eraseEdiAnswers', { memberIds: other })).toEqual([other]);
    expect(memberIdsOf('recordConfidentialityIncident', { incident: { memberIds: other, peopleConcerned: 1 } })).toEqual([other]);
    expect(outside(mutation, [{ field: 'registerForEvent', args: { eventId: 'e', memberIds: other } }], own)).toEqual(['registerForEvent']);
  });

  it('counts no id where none is given (left out or null), and an id only on member', () => {
    expect(memberIdsOf('requestAssistance', { memberId: null, summary: 'x' })).toEqual([]);
    expect(memberIdsOf('requestAssistance', {})).toEqual([]);
    expect(memberIdsOf('registerForEvent', { id: other })).toEqual([]);
  });
});

describe("root fields outside the caller's own record, under a purpose limited to it", () => {
  it("flags an own-record root field given another member's id, as an argument or inside an input", () => {
    expect(outside(mutation, [{ field: 'requestAssistance', args: { memberId: other } }], own)).toEqual(['requestAssistance']);
    expect(outside(mutation, [{ field: 'updateMyEducationPlanItem', args: { input: { memberId: other } } }], own)).toEqual(['updateMyEducationPlanItem']);
    expect(
      outside(
        mutation,
        [
          { field: 'requestAssistance', args: {} },
          { field: 'registerForEvent', args: { eventId: 'e', memberIds: [own, other] } },
        ],
        own,
      ),
    ).toEqual(['registerForEvent']);
  });

  it("lets an own-record root field through with the caller's own id, or none", () => {
    expect(
      outside(
        mutation,
        [
          { field: 'requestAssistance', args: { memberId: own } },
          { field: 'requestAssistance', args: { memberId: null } },
        ],
        own,
      ),
    ).toEqual([]);
    expect(outside(query, [{ field: 'me', args: {} }], own)).toEqual([]);
  });

  it('allows member(id:) with the own id only, and no root field outside the own-record list', () => {
    expect(outside(query, [{ field: 'member', args: { id: own } }], own)).toEqual([]);
    expect(outside(query, [{ field: 'member', args: { id: other } }], own)).toEqual(['member']);
    expect(outside(query, [{ field: 'members', args: {} }], own)).toEqual(['members']);
  });

  it('flags every member id when the caller has no member id of their own', () => {
    expect(outside(mutation, [{ field: 'requestAssistance', args: { memberId: other } }], undefined)).toEqual(['requestAssistance']);
    expect(outside(query, [{ field: 'member', args: { id: other } }], undefined)).toEqual(['member']);
  });
});

describe("an operation's root arguments", () => {
  const schema = buildSchema(`
    input PlanItemInput { memberId: ID, note: String }
    type Query { me: String }
    type Mutation { update(item: PlanItemInput, memberId: ID, count: Int): String }
  `);
  const roots = (text: string, variables: Record<string, unknown> = {}) => {
    const document = parse(text);
    return collectRootSelections(schema, document, document.definitions[0] as OperationDefinitionNode, variables).rootArguments;
  };

  it('resolve input object literals, and variables inside them', () => {
    expect(roots(`mutation ($m: ID) { update(item: { memberId: $m, note: "n" }) }`, { m: other })).toEqual([{ field: 'update', args: { item: { memberId: other, note: 'n' } } }]);
    expect(roots(`mutation { update(item: { memberId: "${other}" }, count: 2) }`)).toEqual([{ field: 'update', args: { item: { memberId: other }, count: 2 } }]);
  });

  it('leave out a variable that was not given', () => {
    expect(roots('mutation ($m: ID) { update(memberId: $m) }')).toEqual([{ field: 'update', args: { memberId: undefined } }]);
  });
});
