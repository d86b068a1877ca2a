import { SUBGRAPHS } from '@mutual-graph/composition';
import { buildSubgraph } from '@mutual-graph/platform';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { syntheticCasework, syntheticMember, syntheticMembers } from '@mutual-graph/synthetic';
import fc from 'fast-check';
import { getNamedType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { BOUND_FIELDS, categoriesFromSupergraphText, MAY_READ, ONLY_ROOTS, PURPOSES, type OraclePurpose } from '../../../test/support/policy-oracle.js';
import { testStack } from '../../../test/support/stack.js';
import { postAsGateway } from '../../../test/support/tokens.js';

// The gateway's property test, one level down: random operations under every purpose, sent
// straight to each subgraph with a hop token signed for that purpose, judged by the oracle that
// shares no code with the shield. Whatever comes back, nothing in it may be what the gateway would
// have refused that principal and purpose: a category the purpose may not read, a purpose-bound
// field, a list its root-field limits forbid, another member's record under self-service, a filter
// by a category the purpose may not read.

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const other = [...syntheticMembers(stack.seed)].find((m) => m.id !== self.id && syntheticCasework(m, stack.seed).matters.length > 0)!;
const ownMatter = [...syntheticMembers(stack.seed)].map((m) => ({ m, matters: syntheticCasework(m, stack.seed).matters })).find((x) => x.m.id === self.id)?.matters[0];
const othersMatter = syntheticCasework(other, stack.seed).matters[0];
const categories = categoriesFromSupergraphText(SUPERGRAPH_PATH);
// Written out by hand, as the oracle's matrix is: what the member filter's fields select by.
const FILTER_CATEGORY: Record<string, string> = { status: 'MEMBERSHIP', province: 'PROFESSIONAL', specialty: 'PROFESSIONAL', typeOfWork: 'PROFESSIONAL' };
const FILTER_VALUE: Record<string, string> = { status: 'ACTIVE', province: 'ON', specialty: '"Family medicine"', typeOfWork: '"FM-NOB"' };

interface Node {
  type: string;
  field: string;
  text: string;
  children: Node[];
}

const ARGS: Record<string, string> = { 'Membership.eligibleOn': '(date: "2020-01-01")' };
const usable = (type: GraphQLObjectType, f: GraphQLField<unknown, unknown>) =>
  !f.name.startsWith('_') &&
  !f.astNode?.directives?.some((d) => d.name.value === 'external') &&
  f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined || ARGS[`${type.name}.${f.name}`]);

function selectionOf(schema: GraphQLSchema, type: GraphQLObjectType, depth: number): fc.Arbitrary<Node[]> {
  const fields = Object.values(type.getFields()).filter((f) => usable(type, f));
  if (fields.length === 0) return fc.constant([]);
  return fc.subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) }).chain((chosen) =>
    fc.tuple(
      ...chosen.map((field) => {
        const named = getNamedType(field.type);
        const kids = isObjectType(named) && depth > 0 ? selectionOf(schema, named, depth - 1) : fc.constant([] as Node[]);
        return kids.map((children): Node => {
          const body = isObjectType(named) ? ` { __typename ${children.map((c) => c.text).join(' ')} }` : '';
          return { type: type.name, field: field.name, text: `${field.name}${ARGS[`${type.name}.${field.name}`] ?? ''}${body}`, children };
        });
      }),
    ),
  );
}

interface Root {
  /** Where the selection hangs, and whose record it is (undefined: a list of members). */
  kind: 'member' | 'me' | 'members' | 'entity-member' | 'entity-matter';
  owner: string | undefined;
  filter?: string;
  query: string;
  variables: Record<string, unknown>;
  children: Node[];
}

function rootsOf(schema: GraphQLSchema): fc.Arbitrary<Root> {
  const member = schema.getType('Member') as GraphQLObjectType;
  const matter = schema.getType('MedicoLegalMatter');
  const query = schema.getQueryType()!.getFields();
  const choices: fc.Arbitrary<Root>[] = [
    fc.tuple(fc.constantFrom(self, other), selectionOf(schema, member, 2)).map(([subject, children]) => ({
      kind: 'entity-member' as const,
      owner: subject.id,
      children,
      variables: { r: [{ __typename: 'Member', id: subject.id }] },
      query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { __typename ${children.map((c) => c.text).join(' ')} } } }`,
    })),
  ];
  if (isObjectType(matter) && ownMatter) {
    choices.push(
      fc.tuple(fc.constantFrom({ id: ownMatter.id, owner: self.id }, { id: othersMatter.id, owner: other.id }), selectionOf(schema, matter, 1)).map(([m, children]) => ({
        kind: 'entity-matter' as const,
        owner: m.owner,
        children,
        variables: { r: [{ __typename: 'MedicoLegalMatter', id: m.id }] },
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MedicoLegalMatter { __typename ${children.map((c) => c.text).join(' ')} } } }`,
      })),
    );
  }
  if (query.member) {
    choices.push(
      fc.tuple(fc.constantFrom(self, other), selectionOf(schema, member, 2)).map(([subject, children]) => ({
        kind: 'member' as const,
        owner: subject.id,
        children,
        variables: { id: subject.id },
        query: `query ($id: ID!) { member(id: $id) { __typename ${children.map((c) => c.text).join(' ')} } }`,
      })),
    );
    choices.push(
      selectionOf(schema, member, 2).map((children) => ({
        kind: 'me' as const,
        owner: self.id,
        children,
        variables: {},
        query: `{ me { __typename ${children.map((c) => c.text).join(' ')} } }`,
      })),
    );
    choices.push(
      fc.tuple(fc.option(fc.constantFrom(...Object.keys(FILTER_CATEGORY)), { nil: undefined }), selectionOf(schema, member, 1)).map(([filter, children]) => ({
        kind: 'members' as const,
        owner: undefined,
        filter,
        children,
        variables: {},
        query: `{ members(first: 3${filter ? `, filter: { ${filter}: ${FILTER_VALUE[filter]} }` : ''}) { edges { cursor node { __typename ${children.map((c) => c.text).join(' ')} } } } }`,
      })),
    );
  }
  return fc.oneof(...choices);
}

/** Every personal value in the answer, as `Type.field` with the member whose record it is in. */
function personalValues(nodes: Node[], data: unknown, owner: string | undefined, found: { coordinate: string; owner: string | undefined }[]): void {
  if (data === null || data === undefined) return;
  if (Array.isArray(data)) {
    for (const item of data) personalValues(nodes, item, owner, found);
    return;
  }
  const object = data as Record<string, unknown>;
  for (const node of nodes) {
    const value = object[node.field];
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const coordinate = `${node.type}.${node.field}`;
    if (categories.get(coordinate)) found.push({ coordinate, owner });
    personalValues(node.children, value, owner, found);
  }
}

/** What the oracle forbids of one personal value in an answer. */
function violation(purpose: OraclePurpose, root: Root, value: { coordinate: string; owner: string | undefined }): string | undefined {
  const category = categories.get(value.coordinate)!;
  if (!MAY_READ[purpose].includes(category)) return `${category} under ${purpose}`;
  if (BOUND_FIELDS[value.coordinate] && !BOUND_FIELDS[value.coordinate].includes(purpose)) return `${value.coordinate} is bound to other purposes`;
  const onlyRoots = ONLY_ROOTS[purpose];
  if (onlyRoots && (root.kind === 'members' || root.kind === 'me' || root.kind === 'member') && !onlyRoots.includes(root.kind)) return `${root.kind} is not a root ${purpose} may use`;
  if (root.filter && !MAY_READ[purpose].includes(FILTER_CATEGORY[root.filter])) return `a filter by ${FILTER_CATEGORY[root.filter]} under ${purpose}`;
  if (purpose === 'MEMBER_SELF_SERVICE' && value.owner !== self.id) return "another member's record under self-service";
  if (value.coordinate === 'Member.edi' && value.owner !== self.id) return "another member's EDI answers";
  return undefined;
}

describe.each(SUBGRAPHS.map((s) => [s.name, s] as const))('the %s subgraph against the independent oracle, over random operations', (name, definition) => {
  let roots: fc.Arbitrary<Root>;
  beforeAll(async () => {
    roots = rootsOf(await buildSubgraph(definition));
  });

  it('returns nothing the gateway would have refused to that principal and purpose', async () => {
    let served = 0;
    let withheld = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PURPOSES),
        fc.constant(null).chain(() => roots),
        async (purpose, root) => {
          const response = await postAsGateway<{ _entities?: unknown[]; members?: { edges?: { node: unknown; cursor?: string }[] } } & Record<string, unknown>>(
            name,
            root.query,
            root.variables,
            purpose,
            { memberId: self.id, ...(purpose === 'PARTNER_CONFIRMATION' ? { partnerId: 'hospital-7' } : {}) },
          );
          // Never a 500, never a stack trace: an answer, in part or refused.
          expect([root.query, purpose, response.status < 500]).toEqual([root.query, purpose, true]);
          expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
          const data = response.body.data;
          const top = root.kind.startsWith('entity') ? data?._entities : root.kind === 'members' ? data?.members?.edges?.map((e) => e?.node) : data?.[root.kind];
          const values: { coordinate: string; owner: string | undefined }[] = [];
          personalValues(root.children, top, root.owner, values);
          if (root.kind === 'members' && (data?.members?.edges ?? []).some((e) => e?.cursor)) values.push({ coordinate: 'MemberEdge.cursor', owner: undefined });
          for (const value of values) expect([root.query, purpose, value.coordinate, violation(purpose, root, value)]).toEqual([root.query, purpose, value.coordinate, undefined]);
          if (values.length > 0) served += 1;
          if ((response.body.errors ?? []).length > 0) withheld += 1;
        },
      ),
      // Enough runs that both sides are exercised in every subgraph, the privacy subgraph's many office-only fields included.
      { numRuns: 400 },
    );
    // Both sides must be exercised, or the property proves little.
    expect(served).toBeGreaterThan(20);
    expect(withheld).toBeGreaterThan(20);
  }, 180_000);
});
