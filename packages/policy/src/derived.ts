import { buildASTSchema, getNamedType, isObjectType, isInterfaceType, Kind, parse, type DocumentNode, type GraphQLNamedType, type SelectionSetNode } from 'graphql';
import { directiveNamed, type FieldIndex } from './field-index.js';
import type { DataCategory } from './vocabulary.js';

/** A field computed from fields of other subgraphs (`@requires`): what it is computed from, and their categories. */
export interface DerivedField {
  coordinate: string;
  /** Every field the `@requires` field set names, nested selections included, by schema coordinate. */
  requires: string[];
  /** The categories of those fields (the ones not personal add none). */
  categories: DataCategory[];
}

/**
 * Every field of a supergraph that `@requires` others (composed as `@join__field(requires: "…")`),
 * with the fields its field set names (walked against the supergraph's types, nested selections
 * included) and their categories from the field index.
 */
export function derivedFields(supergraphSdl: string | DocumentNode, index: FieldIndex): DerivedField[] {
  const document = typeof supergraphSdl === 'string' ? parse(supergraphSdl) : supergraphSdl;
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const derived: DerivedField[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of def.fields ?? []) {
      const fieldSets = (field.directives ?? [])
        .filter((d) => d.name.value === 'join__field')
        .flatMap((d) => d.arguments?.filter((a) => a.name.value === 'requires').flatMap((a) => (a.value.kind === Kind.STRING ? [a.value.value] : [])) ?? []);
      // A subgraph's own SDL says `@requires(fields: "…")`.
      const own = directiveNamed(field.directives, 'requires')?.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (own?.kind === Kind.STRING) fieldSets.push(own.value);
      if (fieldSets.length === 0) continue;
      const requires = new Set<string>();
      for (const fieldSet of fieldSets) collectCoordinates(schema.getType(def.name.value), selectionsOf(fieldSet), requires, schema.getType.bind(schema));
      const coordinates = [...requires].sort();
      const categories = [...new Set(coordinates.flatMap((c) => (index.get(c) ? [index.get(c)!] : [])))].sort();
      derived.push({ coordinate: `${def.name.value}.${field.name.value}`, requires: coordinates, categories });
    }
  }
  return derived.sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}

const selectionsOf = (fieldSet: string): SelectionSetNode => {
  const operation = parse(`{ ${fieldSet} }`).definitions[0];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error(`not a field set: ${fieldSet}`);
  return operation.selectionSet;
};

function collectCoordinates(type: GraphQLNamedType | undefined | null, selectionSet: SelectionSetNode, into: Set<string>, typeNamed: (name: string) => GraphQLNamedType | undefined | null): void {
  if (!type || (!isObjectType(type) && !isInterfaceType(type))) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') continue;
      into.add(`${type.name}.${selection.name.value}`);
      const field = type.getFields()[selection.name.value];
      if (field && selection.selectionSet) collectCoordinates(getNamedType(field.type), selection.selectionSet, into, typeNamed);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectCoordinates(selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : type, selection.selectionSet, into, typeNamed);
    }
  }
}
