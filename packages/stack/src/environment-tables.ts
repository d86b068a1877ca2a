import { EFFECTS_ENVIRONMENT, GATEWAY_ENVIRONMENT } from '@mutual-graph/gateway';
import { environmentTable, SUBGRAPH_ENVIRONMENT, type EnvironmentSchema } from '@mutual-graph/platform';
import { STACK_ENVIRONMENT } from './environment.js';

/** The README's environment tables, by the name of their markers, each generated from its service's schema. */
export const ENVIRONMENT_TABLES: Record<string, EnvironmentSchema> = {
  stack: STACK_ENVIRONMENT,
  subgraph: SUBGRAPH_ENVIRONMENT,
  gateway: GATEWAY_ENVIRONMENT,
  effects: EFFECTS_ENVIRONMENT,
};

const start = (name: string) => `<!-- environment:${name}: generated from the schema by \`npm run docs:env\`, do not edit -->`;
const end = (name: string) => `<!-- /environment:${name} -->`;

/** The README with each environment table replaced by the one its schema generates. */
export function withEnvironmentTables(readme: string): string {
  let text = readme;
  for (const [name, schema] of Object.entries(ENVIRONMENT_TABLES)) {
    const from = text.indexOf(start(name));
    const to = text.indexOf(end(name));
    if (from < 0 || to < from) throw new Error(`README.md has no ${start(name)} … ${end(name)} section`);
    // Prettier leaves a generated table as it is written, so that the test comparing the two holds after `npm run format`.
    text = `${text.slice(0, from)}${start(name)}\n<!-- prettier-ignore-start -->\n${environmentTable(schema)}\n<!-- prettier-ignore-end -->\n${text.slice(to)}`;
  }
  return text;
}
