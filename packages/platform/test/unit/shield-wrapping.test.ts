import { SUBGRAPHS } from '@mutual-graph/composition';
import { buildSubgraph, guardSubgraph, permissionsFor, recordMembersRead } from '@mutual-graph/platform';
import { isObjectType } from 'graphql';
import { allow } from '../../src/service/graphql-shield.js';

// The shield wraps a field only when it carries a rule: a check, or deny for anything unclassified
// (deny by default). A field allowed outright keeps its own resolver, unwrapped.
describe.each(SUBGRAPHS.map((s) => [s.name, s] as const))('the shield of the %s subgraph', (_name, definition) => {
  it('wraps every field that carries a check or falls to deny, and no field allowed outright', async () => {
    const schema = recordMembersRead(await buildSubgraph(definition));
    const rules = permissionsFor(schema) as Record<string, Record<string, unknown>>;
    const guarded = guardSubgraph(schema);
    const wrong: string[] = [];
    let ruled = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const guardedType = guarded.getType(type.name);
      if (!isObjectType(guardedType)) throw new Error(`${type.name} is gone from the guarded schema`);
      for (const field of Object.values(type.getFields())) {
        const outright = rules[type.name]?.[field.name] === allow;
        const wrapped = guardedType.getFields()[field.name].resolve !== field.resolve;
        if (!outright) ruled += 1;
        if (wrapped === outright) wrong.push(`${type.name}.${field.name} ${outright ? 'allowed but wrapped' : 'ruled but not wrapped'}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(ruled).toBeGreaterThan(0);
  });
});
