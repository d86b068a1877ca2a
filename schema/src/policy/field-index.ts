import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { isCategory, type DataCategory } from './vocabulary.js';

/**
 * What the supergraph says about each field: its category, or null when it is marked
 * non-personal (on the field or its type). A coordinate absent from the index is unclassified.
 */
export type FieldIndex = Map<string, DataCategory | null>;

const directive = (nodes: readonly ConstDirectiveNode[] | undefined, name: string) => nodes?.find((d) => d.name.value === name);

export function categoryOf(nodes: readonly ConstDirectiveNode[] | undefined): DataCategory | undefined {
  const arg = directive(nodes, 'dataCategory')?.arguments?.find((a) => a.name.value === 'category');
  // Enum in composed SDL; a string where a printer of the subgraph's SDL quoted it.
  if ((arg?.value.kind === Kind.ENUM || arg?.value.kind === Kind.STRING) && isCategory(arg.value.value)) return arg.value.value;
  return undefined;
}

export function isNonPersonal(nodes: readonly ConstDirectiveNode[] | undefined): boolean {
  return directive(nodes, 'nonPersonal') !== undefined;
}

/** Indexes every object and interface field of an SDL document (a supergraph or one subgraph). */
export function indexFields(sdl: string | DocumentNode): FieldIndex {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const index: FieldIndex = new Map();
  const nonPersonalTypes = new Set<string>();
  for (const def of document.definitions) {
    if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && isNonPersonal(def.directives)) nonPersonalTypes.add(def.name.value);
  }
  for (const def of document.definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) continue;
    for (const field of def.fields ?? []) {
      const coordinate = `${def.name.value}.${field.name.value}`;
      const category = categoryOf(field.directives);
      if (category) index.set(coordinate, category);
      else if (isNonPersonal(field.directives) || nonPersonalTypes.has(def.name.value)) index.set(coordinate, null);
    }
  }
  return index;
}
