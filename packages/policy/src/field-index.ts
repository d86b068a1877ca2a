import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { isCategory, type DataCategory } from './vocabulary.js';

/**
 * What the supergraph says about each field, argument and input field, by schema coordinate
 * (`Type.field`, `Type.field(argument:)`, `Input.field`): its category, or null when it is marked
 * non-personal (on itself or its type). A coordinate absent from the index is unclassified.
 */
export type FieldIndex = Map<string, DataCategory | null>;

/** The directive of this name among a definition's directives. */
export const directiveNamed = (nodes: readonly ConstDirectiveNode[] | undefined, name: string) => nodes?.find((d) => d.name.value === name);

export function categoryOf(nodes: readonly ConstDirectiveNode[] | undefined): DataCategory | undefined {
  const arg = directiveNamed(nodes, 'dataCategory')?.arguments?.find((a) => a.name.value === 'category');
  // Enum in composed SDL; a string where a printer of the subgraph's SDL quoted it.
  if ((arg?.value.kind === Kind.ENUM || arg?.value.kind === Kind.STRING) && isCategory(arg.value.value)) return arg.value.value;
  return undefined;
}

export function isNonPersonal(nodes: readonly ConstDirectiveNode[] | undefined): boolean {
  return directiveNamed(nodes, 'nonPersonal') !== undefined;
}

/** The schema coordinate of an argument: `Type.field(argument:)`. */
export const argumentCoordinate = (type: string, field: string, argument: string) => `${type}.${field}(${argument}:)`;

/** One field, argument or input field of an SDL document: where it stands and the directives it carries. */
export interface SchemaElement {
  kind: 'field' | 'argument' | 'inputField';
  /** The object, interface or input type it belongs to. */
  typeName: string;
  /** Its own name: the field's, the argument's, the input field's. */
  name: string;
  coordinate: string;
  directives: readonly ConstDirectiveNode[] | undefined;
}

/** Every object and interface field, its arguments, and every input field of an SDL document, in order. */
export function eachSchemaElement(document: DocumentNode, visit: (element: SchemaElement) => void): void {
  for (const def of document.definitions) {
    if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      for (const field of def.fields ?? [])
        visit({ kind: 'inputField', typeName: def.name.value, name: field.name.value, coordinate: `${def.name.value}.${field.name.value}`, directives: field.directives });
      continue;
    }
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_EXTENSION) continue;
    for (const field of def.fields ?? []) {
      visit({ kind: 'field', typeName: def.name.value, name: field.name.value, coordinate: `${def.name.value}.${field.name.value}`, directives: field.directives });
      for (const arg of field.arguments ?? []) {
        visit({ kind: 'argument', typeName: def.name.value, name: arg.name.value, coordinate: argumentCoordinate(def.name.value, field.name.value, arg.name.value), directives: arg.directives });
      }
    }
  }
}

/** Indexes every object and interface field, its arguments, and every input field of an SDL document (a supergraph or one subgraph). */
export function indexFields(sdl: string | DocumentNode): FieldIndex {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const index: FieldIndex = new Map();
  const nonPersonalTypes = new Set<string>();
  for (const def of document.definitions) {
    if ('name' in def && def.name && 'directives' in def && isNonPersonal(def.directives as readonly ConstDirectiveNode[] | undefined)) nonPersonalTypes.add(def.name.value);
  }
  eachSchemaElement(document, ({ kind, typeName, coordinate, directives }) => {
    const category = categoryOf(directives);
    // An argument is classified on itself: a type being about no one says nothing of what its arguments select by.
    const typeIsNonPersonal = kind !== 'argument' && nonPersonalTypes.has(typeName);
    if (category) index.set(coordinate, category);
    else if (isNonPersonal(directives) || typeIsNonPersonal) index.set(coordinate, null);
  });
  return index;
}
