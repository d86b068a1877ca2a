import { indexFields, type FieldIndex } from '@mutual-graph/schema';

/** The supergraph's field categories, rebuilt whenever the gateway loads or reloads a supergraph. */
export class PolicyIndex {
  #index: FieldIndex = new Map();

  update(coreSupergraphSdl: string): void {
    this.#index = indexFields(coreSupergraphSdl);
  }

  get fields(): FieldIndex {
    return this.#index;
  }
}
