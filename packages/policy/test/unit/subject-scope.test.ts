import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { collectRootSelections, memberIdsNamed, outsideOwnRecord, POLICY_MATRIX } from '@mutual-graph/policy';

const own = '6f1c2a4e-0b1d-4c47-9a43-1c6f3e2b9d10';
const other = 'a3d9e0b2-7c55-4e0f-8f7a-2b4c6d8e0f12';
const selfService = POLICY_MATRIX.MEMBER_SELF_SERVICE;

describe('the member ids a root field is given', () => {
  it('reads id on member, memberId and memberIds, also inside input objects and lists', () => {
    expect(memberIdsNamed('member', { id: own })).toEqual([own]);
    expect(memberIdsNamed('requestAssistance', { memberId: other, summary: 'x' })).toEqual([other]);
    expect(memberIdsNamed('eraseEdiAnswers', { memberIds: [own, other] })).toEqual([own, other]);
    expect(memberIdsNamed('recordConsentGrants', { grants: [{ memberId: other, purpose: 'SURVEYS' }] })).toEqual([other]);
    expect(memberIdsNamed('updateMyEducationPlanItem', { item: { nested: { memberIds: [other] } } })).toEqual([other]);
  });

  it('reads memberIds given as one id, which GraphQL coerces to a list of one (a literal, or a variable)', () => {
    expect(memberIdsNamed('eraseEdiAnswers', { memberIds: other })).toEqual([other]);
    expect(memberIdsNamed('recordConfidentialityIncident', { incident: { memberIds: other, peopleConcerned: 1 } })).toEqual([other]);
    expect(outsideOwnRecord(selfService, [{ field: 'registerForEvent', args: { eventId: 'e', memberIds: other } }], own)).toEqual(['registerForEvent']);
  });

  it('counts no id where none is given (left out or null), and an id only on member', () => {
    expect(memberIdsNamed('requestAssistance', { memberId: null, summary: 'x' })).toEqual([]);
    expect(memberIdsNamed('requestAssistance', {})).toEqual([]);
    expect(memberIdsNamed('registerForEvent', { id: other })).toEqual([]);
  });
});

describe('root fields outside the caller\'s own record, under a purpose limited to it', () => {
  it('flags an own-record root field given another member\'s id, as an argument or inside an input', () => {
    expect(outsideOwnRecord(selfService, [{ field: 'requestAssistance', args: { memberId: other } }], own)).toEqual(['requestAssistance']);
    expect(outsideOwnRecord(selfService, [{ field: 'updateMyEducationPlanItem', args: { input: { memberId: other } } }], own)).toEqual(['updateMyEducationPlanItem']);
    expect(outsideOwnRecord(selfService, [{ field: 'me', args: {} }, { field: 'registerForEvent', args: { eventId: 'e', memberIds: [own, other] } }], own)).toEqual(['registerForEvent']);
  });

  it("lets an own-record root field through with the caller's own id, or none", () => {
    expect(outsideOwnRecord(selfService, [{ field: 'requestAssistance', args: { memberId: own } }, { field: 'requestAssistance', args: { memberId: null } }, { field: 'me', args: {} }], own)).toEqual([]);
  });

  it('allows member(id:) with the own id only, and no root field outside the own-record list', () => {
    expect(outsideOwnRecord(selfService, [{ field: 'member', args: { id: own } }], own)).toEqual([]);
    expect(outsideOwnRecord(selfService, [{ field: 'member', args: { id: other } }], own)).toEqual(['member']);
    expect(outsideOwnRecord(selfService, [{ field: 'members', args: {} }], own)).toEqual(['members']);
  });

  it('flags every member id when the caller has no member id of their own', () => {
    expect(outsideOwnRecord(selfService, [{ field: 'requestAssistance', args: { memberId: other } }, { field: 'member', args: { id: other } }], undefined)).toEqual(['requestAssistance', 'member']);
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
