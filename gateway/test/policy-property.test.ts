import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { syntheticMember } from '@mutual-graph/synthetic';
import fc from 'fast-check';
import { getNamedType, isObjectType, isNonNullType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { categoriesFromSupergraphText, MAY_READ, oracleDecide, PURPOSES, type OraclePurpose } from '../../test/support/policy-oracle.js';
import { postGraphQL, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const schema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
const categories = categoriesFromSupergraphText(SUPERGRAPH_PATH);

interface Selection {
  type: string;
  field: string;
  key: string;
  text: string;
  /** Whether the response carries the field: not under @skip(if: true) or @include(if: false). */
  present: boolean;
  children: Selection[];
}

const REQUIRED_ARGS: Record<string, string> = { 'Membership.eligibleOn': '(date: "2020-01-01")', 'Query.member': '(id: $id)', 'Query.members': '(first: 2)' };
const usable = (type: GraphQLObjectType, f: GraphQLField<unknown, unknown>) =>
  !f.name.startsWith('_') && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined || REQUIRED_ARGS[`${type.name}.${f.name}`]);

function selectionOf(type: GraphQLObjectType, depth: number): fc.Arbitrary<Selection[]> {
  const fields = Object.values(type.getFields()).filter((f) => usable(type, f));
  return fc.subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) }).chain((chosen) =>
    fc.tuple(
      ...chosen.map((field) => {
        const named = getNamedType(field.type);
        const children: fc.Arbitrary<Selection[]> = isObjectType(named) ? (depth > 0 ? selectionOf(named, depth - 1) : fc.constant([])) : fc.constant([]);
        return fc.tuple(fc.boolean(), fc.constantFrom('plain', 'inline', 'skip', 'include-false', 'include-true'), children).map(([aliased, wrap, kids]): Selection => {
          const key = aliased ? `${field.name}_alias` : field.name;
          const head = `${aliased ? `${key}: ` : ''}${field.name}${REQUIRED_ARGS[`${type.name}.${field.name}`] ?? ''}`;
          const directive = wrap === 'skip' ? ' @skip(if: true)' : wrap === 'include-false' ? ' @include(if: false)' : wrap === 'include-true' ? ' @include(if: true)' : '';
          const body = isObjectType(named) ? ` { __typename ${kids.map((k) => k.text).join(' ')} }` : '';
          const text = wrap === 'inline' ? `... on ${type.name} { ${head}${body} }` : `${head}${directive}${body}`;
          return { type: type.name, field: field.name, key, text, present: wrap !== 'skip' && wrap !== 'include-false', children: kids };
        });
      }),
    ),
  );
}

const query = schema.getQueryType()!;
const rootsFor = ['member', 'me', 'members'];
const operation = fc.subarray(rootsFor, { minLength: 1, maxLength: 2 }).chain((roots) =>
  fc.tuple(
    ...roots.map((root) => {
      const field = query.getFields()[root];
      return selectionOf(getNamedType(field.type) as GraphQLObjectType, 3).map((kids): Selection => ({
        type: 'Query',
        field: root,
        key: root,
        present: true,
        children: kids,
        text: `${root}${REQUIRED_ARGS[`Query.${root}`] ?? ''} { __typename ${kids.map((k) => k.text).join(' ')} }`,
      }));
    }),
  ),
);

const coordinatesOf = (selections: Selection[]): string[] => selections.flatMap((s) => [`${s.type}.${s.field}`, ...coordinatesOf(s.children)]);

/** Every field present in the response, as `Type.field`. */
function servedCoordinates(selections: Selection[], data: unknown): string[] {
  if (data === null || data === undefined) return [];
  if (Array.isArray(data)) return data.flatMap((item) => servedCoordinates(selections, item));
  const object = data as Record<string, unknown>;
  return selections.flatMap((s) => (s.key in object ? [`${s.type}.${s.field}`, ...servedCoordinates(s.children, object[s.key])] : []));
}

describe('the policy against an independent oracle, over random operations', () => {
  it('decides every generated operation as the oracle does, and no allowed response carries a field of a forbidden category', async () => {
    let allowed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(operation, fc.constantFrom(...PURPOSES), async (roots, purpose: OraclePurpose) => {
        const usesMember = roots.some((r) => r.field === 'member');
        const text = `query Generated${usesMember ? '($id: ID!)' : ''} { ${roots.map((r) => r.text).join(' ')} }`;
        const verdict = oracleDecide(
          purpose,
          coordinatesOf(roots),
          roots.map((r) => r.field),
          categories,
          roots.every((r) => r.field !== 'members'),
        );
        const response = await postGraphQL(stack.gatewayUrl, text, usesMember ? { id: self.id } : {}, await asCaller(purpose, { memberId: self.id }));
        if (verdict.allowed) {
          allowed += 1;
          expect([text, purpose, response.body.errors]).toEqual([text, purpose, undefined]);
          for (const coordinate of servedCoordinates(roots, response.body.data)) {
            const category = categories.get(coordinate);
            expect([coordinate, category === null || category === undefined || MAY_READ[purpose].includes(category)]).toEqual([coordinate, true]);
          }
        } else {
          refused += 1;
          expect([text, purpose, response.status, response.body.data ?? null, response.body.errors?.[0]?.extensions?.policy?.rule]).toEqual([text, purpose, 403, null, verdict.rule]);
        }
      }),
      { numRuns: 2000 },
    );
    // The generator must exercise both sides, or the property proves little.
    expect(allowed).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  }, 240_000);
});
