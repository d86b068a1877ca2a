import { indexFields, readBindings, type FieldIndex, type PolicyBindings } from '@mutual-graph/policy';
import { Kind, type DefinitionNode, type GraphQLSchema } from 'graphql';

/**
 * What this subgraph's own schema says of the policy: its fields' categories and its bindings,
 * read from its definitions as the gateway reads them from the supergraph. The subgraph's defence
 * in depth stands on its own schema, never on what the gateway was given.
 */
export function ownPolicy(schema: GraphQLSchema): { index: FieldIndex; bindings: PolicyBindings } {
  const definitions: DefinitionNode[] = Object.values(schema.getTypeMap()).flatMap((t) => [t.astNode, ...(t.extensionASTNodes ?? [])].filter((n): n is NonNullable<typeof n> => !!n));
  const document = { kind: Kind.DOCUMENT, definitions } as const;
  return { index: indexFields(document), bindings: readBindings(document) };
}
