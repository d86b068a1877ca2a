import { readFileSync } from 'node:fs';
import { SUBGRAPHS } from '@mutual-graph/composition';
import { buildSubgraph, type RunningSubgraph } from '@mutual-graph/platform';
import { categoryOf, mayRead, mayUseField, PURPOSE_NAMES, readBindings, type DataCategory, type Purpose } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { syntheticCasework, syntheticMember, syntheticMembers } from '@mutual-graph/synthetic';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { startCountingSubgraph } from '../../../test/support/counting-subgraph.js';
import { testStack, type Entities } from '../../../test/support/stack.js';
import { postAsGateway } from '../../../test/support/tokens.js';

// graphql-shield wraps field resolvers; `_entities` reaches fields through reference resolvers,
// which older graphql-middleware lost (known ground). Every categorized field of every entity,
// in every subgraph, is reached both ways here: refused to a purpose that may not read it,
// served to one that may.

const stack = testStack();
const member = syntheticMember(3, stack.seed);
const withMatter = [...syntheticMembers(stack.seed)].find((m) => syntheticCasework(m, stack.seed).matters.length > 0)!;
const matterId = syntheticCasework(withMatter, stack.seed).matters[0].id;
const ENTITY_IDS: Record<string, string> = { Member: member.id, MedicoLegalMatter: matterId };

function categorizedFields(schema: GraphQLSchema, typeName: string): { field: string; category: DataCategory; selection: string }[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return [];
  return Object.values(type.getFields()).flatMap((field) => {
    const category = categoryOf(field.astNode?.directives);
    // @external fields are resolved by the subgraph that owns them, and guarded there.
    if (!category || field.astNode?.directives?.some((d) => d.name.value === 'external')) return [];
    const needsArgs = field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined);
    if (needsArgs) return [];
    return [{ field: field.name, category, selection: isObjectType(getNamedType(field.type)) ? `${field.name} { __typename }` : field.name }];
  });
}

const bindings = readBindings(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const readerOf = (category: DataCategory, coordinate: string): Purpose =>
  PURPOSE_NAMES.find((p) => p !== 'MEMBER_SELF_SERVICE' && mayRead(p, category) && mayUseField(bindings, p, coordinate)) ?? 'MEMBER_SELF_SERVICE';
const denierOf = (category: DataCategory): Purpose => PURPOSE_NAMES.find((p) => !mayRead(p, category))!;

describe.each(SUBGRAPHS.map((s) => [s.name, s] as const))('field rules in the %s subgraph', (_name, definition) => {
  let subgraph: RunningSubgraph;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    subgraph = await startCountingSubgraph(definition);
    schema = await buildSubgraph(definition);
  });
  afterAll(() => subgraph.stop());

  const entityTypes = ['Member', 'MedicoLegalMatter'];

  it('guards every categorized field of its entities through _entities, and still serves it when the purpose allows', async () => {
    let checked = 0;
    for (const typeName of entityTypes) {
      for (const { field, category, selection } of categorizedFields(schema, typeName)) {
        const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { ${selection} } } }`;
        const variables = { r: [{ __typename: typeName, id: ENTITY_IDS[typeName] }] };
        const refused = await postAsGateway<Entities>(subgraph, query, variables, denierOf(category));
        expect([typeName, field, refused.body.errors?.[0]?.extensions?.code]).toEqual([typeName, field, 'FORBIDDEN']);
        expect(refused.body.data?._entities?.[0]?.[field] ?? null).toBeNull();

        // Member.edi is the member's own; every other field is served to a purpose that may read it.
        const reader = field === 'edi' ? 'MEMBER_SELF_SERVICE' : readerOf(category, `${typeName}.${field}`);
        const served = await postAsGateway(subgraph, query, variables, reader, { memberId: member.id });
        expect([typeName, field, served.body.errors]).toEqual([typeName, field, undefined]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('guards the same fields on the root-field path', async () => {
    if (!schema.getQueryType()?.getFields().member) return; // only the member subgraph has root fields over Member
    for (const { field, category, selection } of categorizedFields(schema, 'Member')) {
      const query = `query ($id: ID!) { member(id: $id) { ${selection} } }`;
      const refused = await postAsGateway(subgraph, query, { id: member.id }, denierOf(category));
      expect([field, refused.body.errors?.[0]?.extensions?.code]).toEqual([field, 'FORBIDDEN']);
    }
  });

  it("refuses Member.edi, and a self-service read of another member's fields, as SUBJECT_SCOPE", async () => {
    const other = syntheticMember(4, stack.seed);
    const typeFields = categorizedFields(schema, 'Member').filter((f) => f.field !== 'id');
    if (typeFields.length === 0) return;
    const { selection } = typeFields[0];
    const response = await postAsGateway(
      subgraph,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { ${selection} } } }`,
      { r: [{ __typename: 'Member', id: other.id }] },
      'MEMBER_SELF_SERVICE',
      { memberId: member.id },
    );
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('SUBJECT_SCOPE');
  });
});
