import {
  collectArgumentUses,
  collectOperationShape,
  indexFields,
  NO_BINDINGS,
  readBindings,
  type FieldIndex,
  type OperationShape,
  type OperationUses,
  type PolicyBindings,
} from '@mutual-graph/policy';
import { parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * The supergraph's field categories and policy bindings, rebuilt whenever the gateway loads or
 * reloads a supergraph, and the fields each operation touches. Apollo Server keeps one parsed
 * document per distinct operation text, so the walk over an operation is done once per operation
 * and supergraph, not once per request (it depends on neither variables nor purpose; the decision
 * itself is redone). What arguments select by depends on the variables: only that part is read per
 * request, at the places the walk found.
 */
export class PolicyIndex {
  #index: FieldIndex = new Map();
  #bindings: PolicyBindings = NO_BINDINGS;
  #shapes = new WeakMap<OperationDefinitionNode, OperationShape>();

  update(coreSupergraphSdl: string): void {
    const document = parse(coreSupergraphSdl);
    this.#index = indexFields(document);
    this.#bindings = readBindings(document);
    this.#shapes = new WeakMap();
  }

  get fields(): FieldIndex {
    return this.#index;
  }

  get bindings(): PolicyBindings {
    return this.#bindings;
  }

  /** The fields the operation selects and what its arguments select by, with its coerced variables (`coerceVariables`). */
  usesOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): OperationUses['uses'] {
    const { fields, argumentsGiven } = this.usesInParts(schema, document, operation, variables);
    return argumentsGiven.length === 0 ? fields : [...fields, ...argumentsGiven];
  }

  /** `usesOf` in its two parts: the fields selected, and what the arguments select by (the audit keeps the second for a replay). */
  usesInParts(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): { fields: OperationUses['uses']; argumentsGiven: OperationUses['uses'] } {
    let shape = this.#shapes.get(operation);
    if (!shape) {
      shape = collectOperationShape(schema, document, operation, this.#index);
      this.#shapes.set(operation, shape);
    }
    return { fields: shape.uses, argumentsGiven: shape.argumentSites.length === 0 ? [] : collectArgumentUses(shape.argumentSites, this.#index, variables) };
  }
}
