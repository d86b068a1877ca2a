import { getNamedType, isInputObjectType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import type { FieldUse } from './decision.js';
import { argumentCoordinate, type FieldIndex } from './field-index.js';
import type { DataCategory } from './vocabulary.js';

type ArgumentUse = FieldUse & { unclassified: boolean };

/**
 * What a field's arguments select by, given their values (coerced: literals and variables resolved,
 * defaults filled in, as a resolver sees them): every argument and input field given a value,
 * with its category from the index. Filtering by a value tells the caller that value of every
 * record it returns, so these are reads as much as the fields selected. The gateway (over the
 * operation) and every subgraph's shield (over a resolver's arguments) both decide on these.
 */
export function argumentUses(
  parentType: string,
  field: { name: string; args: readonly GraphQLArgument[] },
  values: Record<string, unknown>,
  index: FieldIndex,
): ArgumentUse[] {
  const uses: ArgumentUse[] = [];
  const use = (coordinate: string) => {
    const known = index.has(coordinate);
    uses.push({ coordinate, category: (index.get(coordinate) ?? null) as DataCategory | null, unclassified: !known });
  };
  const walk = (type: GraphQLInputType, value: unknown) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || value === null || value === undefined) return;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === null || typeof item !== 'object') continue;
      const fields = named.getFields();
      for (const [name, fieldValue] of Object.entries(item as Record<string, unknown>)) {
        const inputField = fields[name];
        if (!inputField || fieldValue === undefined || fieldValue === null) continue;
        use(`${named.name}.${name}`);
        walk(inputField.type, fieldValue);
      }
    }
  };
  for (const arg of field.args) {
    const value = values[arg.name];
    if (value === undefined || value === null || arg.name.startsWith('_')) continue;
    use(argumentCoordinate(parentType, field.name, arg.name));
    walk(arg.type, value);
  }
  return uses;
}
