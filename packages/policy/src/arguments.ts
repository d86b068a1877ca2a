import { getNamedType, isInputObjectType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import type { FieldUse } from './decision.js';
import { argumentCoordinate, type FieldIndex } from './field-index.js';

type ArgumentUse = FieldUse & { unclassified: boolean };

/** A field as the walk over its arguments needs it: its name and its arguments' definitions. */
export type ArgumentsOf = { name: string; args: readonly GraphQLArgument[] };

/**
 * Every argument and input field given a value, with that value, by schema coordinate: arguments
 * (`Type.field(argument:)`), then the fields of the input objects they hold (`Input.field`), lists
 * walked item by item. Values left out or null are given nothing.
 */
export function eachArgumentValue(parentType: string, field: ArgumentsOf, values: Record<string, unknown>, visit: (coordinate: string, value: unknown) => void): void {
  const walk = (type: GraphQLInputType, value: unknown) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || value === null || value === undefined) return;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === null || typeof item !== 'object') continue;
      const fields = named.getFields();
      for (const [name, fieldValue] of Object.entries(item as Record<string, unknown>)) {
        const inputField = fields[name];
        if (!inputField || fieldValue === undefined || fieldValue === null) continue;
        visit(`${named.name}.${name}`, fieldValue);
        walk(inputField.type, fieldValue);
      }
    }
  };
  for (const arg of field.args) {
    const value = values[arg.name];
    if (value === undefined || value === null || arg.name.startsWith('_')) continue;
    visit(argumentCoordinate(parentType, field.name, arg.name), value);
    walk(arg.type, value);
  }
}

/**
 * What a field's arguments select by, given their values (coerced: literals and variables resolved,
 * defaults filled in, as a resolver sees them): every argument and input field given a value,
 * with its category from the index. Filtering by a value tells the caller that value of every
 * record it returns, so these are reads as much as the fields selected. The gateway (over the
 * operation) and every subgraph's shield (over a resolver's arguments) both decide on these.
 */
export function argumentUses(parentType: string, field: ArgumentsOf, values: Record<string, unknown>, index: FieldIndex): ArgumentUse[] {
  const uses: ArgumentUse[] = [];
  eachArgumentValue(parentType, field, values, (coordinate) => {
    uses.push({ coordinate, category: index.get(coordinate) ?? null, unclassified: !index.has(coordinate) });
  });
  return uses;
}
