import { collectFieldUses, indexFields, type FieldIndex, type OperationUses } from '@mutual-graph/schema';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

/**
 * The supergraph's field categories, rebuilt whenever the gateway loads or reloads a supergraph,
 * and the fields each operation touches. Apollo Server keeps one parsed document per distinct
 * operation text, so the walk over an operation is done once per operation and supergraph, not
 * once per request (it depends on neither variables nor purpose; the decision itself is redone).
 */
export class PolicyIndex {
  #index: FieldIndex = new Map();
  #uses = new WeakMap<OperationDefinitionNode, OperationUses['uses']>();

  update(coreSupergraphSdl: string): void {
    this.#index = indexFields(coreSupergraphSdl);
    this.#uses = new WeakMap();
  }

  get fields(): FieldIndex {
    return this.#index;
  }

  usesOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationUses['uses'] {
    let uses = this.#uses.get(operation);
    if (!uses) {
      uses = collectFieldUses(schema, document, operation, this.#index);
      this.#uses.set(operation, uses);
    }
    return uses;
  }
}
