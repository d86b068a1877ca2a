import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  Kind,
  OperationTypeNode,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { argumentUses } from './arguments.js';
import type { FieldUse } from './decision.js';
import type { FieldIndex } from './field-index.js';

export interface OperationUses {
  /** Every field the operation can select: through fragments and inline fragments, under any alias, whatever @skip/@include say. */
  uses: (FieldUse & { unclassified: boolean })[];
  /** The root fields of the operation, by schema name (aliases resolved). */
  rootFields: string[];
  /** Arguments of root fields, by root field name, as they take effect: variables resolved (given, or their defaults), input objects and lists whole. */
  rootArguments: { field: string; args: Record<string, unknown> }[];
  /** `Query` or `Mutation`. */
  rootType: string;
}

const INTROSPECTION = /^__/;

/** A field the operation selects with arguments: where its arguments' values are read once variables are known. */
export interface ArgumentSite {
  parentType: string;
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/** What an operation touches that does not depend on its variables: its fields, and where it gives arguments. */
export interface OperationShape {
  uses: OperationUses['uses'];
  argumentSites: ArgumentSite[];
}

/**
 * Walks an operation against the API schema and the supergraph's field index: the fields it touches
 * and the places it gives arguments, through fragments and inline fragments, under any alias. Fields
 * under @skip/@include count as selected: a policy cannot depend on a variable the caller controls.
 */
export function collectOperationShape(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, index: FieldIndex): OperationShape {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const reachable = new Set<string>();
  // Only fragments this operation spreads, transitively (a document may hold several operations).
  const spreadFrom = (node: unknown) =>
    visit(node as never, {
      FragmentSpread(spread) {
        if (!reachable.has(spread.name.value)) {
          reachable.add(spread.name.value);
          const fragment = fragments.get(spread.name.value);
          if (fragment) spreadFrom(fragment);
        }
      },
    });
  spreadFrom(operation);

  const uses: OperationUses['uses'] = [];
  const argumentSites: ArgumentSite[] = [];
  const seen = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const record = () => ({
    Field(node: FieldNode) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (!parent || !field || INTROSPECTION.test(field.name) || INTROSPECTION.test(parent.name)) return;
      // Every selection with arguments counts, even of a field seen before: another alias, other values.
      if (field.args.length > 0) argumentSites.push({ parentType: parent.name, field: field, node });
      const coordinate = `${parent.name}.${field.name}`;
      if (seen.has(coordinate)) return;
      seen.add(coordinate);
      const known = index.has(coordinate);
      uses.push({ coordinate, category: index.get(coordinate) ?? null, unclassified: !known });
    },
  });
  visit(operation, visitWithTypeInfo(typeInfo, record()));
  for (const name of reachable) {
    const fragment = fragments.get(name);
    if (fragment) visit(fragment, visitWithTypeInfo(typeInfo, record()));
  }

  return { uses, argumentSites };
}

/**
 * The operation's variables as execution will coerce them: each as given, or its default when not
 * given, lists of one made from one value. Variables that cannot be coerced refuse the operation
 * (it could not run anyway). Done once per request; what follows reads these.
 */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): Record<string, unknown> {
  if (!operation.variableDefinitions?.length) return {};
  const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 1 });
  if (coerced.errors) throw new GraphQLError('the variables do not fit the operation', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  return coerced.coerced;
}

/**
 * What the operation's arguments select by, with this request's coerced variables (`coerceVariables`):
 * read as execution reads them (argument defaults applied), then walked by `argumentUses`.
 */
export function collectArgumentUses(sites: readonly ArgumentSite[], index: FieldIndex, variables: Record<string, unknown>): OperationUses['uses'] {
  const uses = new Map<string, OperationUses['uses'][number]>();
  for (const site of sites) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(site.field, site.node, variables);
    } catch {
      throw new GraphQLError(`the arguments of ${site.parentType}.${site.field.name} do not fit its definition`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    for (const use of argumentUses(site.parentType, site.field, values, index)) uses.set(use.coordinate, use);
  }
  return [...uses.values()];
}

/** The operation's root fields and their arguments as they take effect, with its coerced variables (`coerceVariables`): what it acts on. */
export function collectRootSelections(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): Pick<OperationUses, 'rootFields' | 'rootArguments' | 'rootType'> {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const rootFields: string[] = [];
  const rootArguments: OperationUses['rootArguments'] = [];
  const rootType =
    operation.operation === OperationTypeNode.QUERY ? schema.getQueryType() : operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getSubscriptionType();
  const collectRoots = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION.test(selection.name.value)) continue;
        rootFields.push(selection.name.value);
        const args: Record<string, unknown> = {};
        for (const arg of selection.arguments ?? []) {
          args[arg.name.value] = valueFromASTUntyped(arg.value, variables);
        }
        rootArguments.push({ field: selection.name.value, args });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collectRoots(selection.selectionSet.selections);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) collectRoots(fragment.selectionSet.selections);
      }
    }
  };
  if (rootType && isCompositeType(getNamedType(rootType))) collectRoots(operation.selectionSet.selections);
  return { rootFields: [...new Set(rootFields)], rootArguments, rootType: rootType?.name ?? 'Query' };
}

/** Both: every field the operation touches, and its root selections. */
export function collectOperationUses(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, index: FieldIndex, variables: Record<string, unknown> = {}): OperationUses {
  const shape = collectOperationShape(schema, document, operation, index);
  const coerced = coerceVariables(schema, operation, variables);
  return {
    uses: [...shape.uses, ...collectArgumentUses(shape.argumentSites, index, coerced)],
    ...collectRootSelections(schema, document, operation, coerced),
  };
}
