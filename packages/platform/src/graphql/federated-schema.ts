import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { POLICY_DIRECTIVES_SDL } from '@mutual-graph/policy';
import { buildSchema, createResolversMap, getMetadataStorage, type ClassType, type NonEmptyArray } from 'type-graphql';

/** `__resolveReference` per entity type name: how this subgraph turns a representation into its object. */
export type ReferenceResolvers<Context> = Record<string, (representation: { __typename: string; id: string } & Record<string, unknown>, context: Context, info: GraphQLResolveInfo) => unknown>;

export interface FederatedSchemaOptions<Context> {
  resolvers: NonEmptyArray<ClassType>;
  /** Types no resolver returns directly but the subgraph contributes (e.g. an entity only reached through `_entities`). */
  orphanedTypes?: ClassType[];
  referenceResolvers?: ReferenceResolvers<Context>;
}

// Federation 2 directives every subgraph may use; one list, so all four speak the same version.
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@composeDirective", "@interfaceObject"])`;

/**
 * type-graphql 2.0 rc.4 collects an argument's directives under the resolver class, but builds a
 * field resolver's arguments under the object type's class, so `@Category` on an argument of a
 * `@FieldResolver` would be lost (query and mutation arguments keep theirs). Each such directive
 * is recorded under the object type too, once, before the schema is built (the object type is the
 * one `@Resolver(() => Type)` names, known from the decorators alone).
 */
function carryFieldResolverArgumentDirectives(): void {
  const storage = getMetadataStorage();
  for (const resolver of storage.fieldResolvers) {
    const objectType = storage.resolverClasses.find((c) => c.target === resolver.target)?.getObjectType();
    if (!objectType || objectType === resolver.target) continue;
    for (const entry of storage.argumentDirectives.filter((d) => d.target === resolver.target && d.fieldName === resolver.methodName)) {
      const carried = storage.argumentDirectives.some(
        (d) => d.target === objectType && d.fieldName === entry.fieldName && d.parameterIndex === entry.parameterIndex && d.directive === entry.directive,
      );
      if (!carried) storage.argumentDirectives.push({ ...entry, target: objectType });
    }
  }
}

/** The subgraph's SDL as type-graphql generates it, with the Federation link prepended. */
export async function subgraphTypeDefs<Context>(options: FederatedSchemaOptions<Context>) {
  carryFieldResolverArgumentDirectives();
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    // A subgraph may lack a Query of its own; composition checks the whole.
    skipCheck: true,
    validate: false,
  });
  return { schema, typeDefs: parse(`${FEDERATION_LINK}\n${POLICY_DIRECTIVES_SDL}\n${printSchemaWithDirectives(schema)}`) };
}

/**
 * Turns type-graphql resolvers into an Apollo Federation 2 subgraph schema.
 * `buildSubgraphSchema` takes an array of modules: a lone `{ typeDefs, resolvers }` fails in 2.15.
 */
export async function buildFederatedSchema<Context>(options: FederatedSchemaOptions<Context>): Promise<GraphQLSchema> {
  const { schema, typeDefs } = await subgraphTypeDefs(options);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}
